import type { KubeObject } from '../api/object';
import {
  addLists,
  formatResourceList,
  maskList,
  parseResourceList,
  sameLists,
  type ResourceList,
} from '../api/quota-resources';
import { quotaScopes, usageStats, type Evaluator, type QuotaSpec } from '../api/quota-usage';
import type { Clock, TimerHandle } from '../clock';
import type { RestClient } from '../client/rest-client';
import { RESOURCEQUOTAS } from '../client/resources';
import type { EventRecorder } from './events';
import { objectKey, type Informer, type InformerFactory } from './informer';
import { QuotaMonitor } from './resourcequota-monitor';
import { WorkQueue } from './workqueue';

/** The service account kube-controller-manager runs this controller as. */
export const RESOURCE_QUOTA_CONTROLLER_ACCOUNT = 'resourcequota-controller';
/** kube-controller-manager's --concurrent-resource-quota-syncs default (workers per queue). */
export const DEFAULT_RESOURCE_QUOTA_WORKERS = 5;
/** kube-controller-manager's --resource-quota-sync-period default: every quota is recounted this often. */
export const RESOURCE_QUOTA_SYNC_PERIOD_MS = 5 * 60_000;

/** core/v1 ResourceQuota. */
export interface ResourceQuota extends KubeObject {
  spec?: QuotaSpec;
  status?: { hard?: Record<string, string>; used?: Record<string, string> };
}

/** What the controller needs (the recorder is unused: the real one records no events). */
export interface ResourceQuotaControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  /** How often every quota is recounted (default RESOURCE_QUOTA_SYNC_PERIOD_MS). */
  resyncPeriodMs?: number;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/**
 * The ResourceQuota controller (pkg/controller/resourcequota/resource_quota_controller.go):
 * keeps each quota's status.hard equal to spec.hard and status.used equal to what the objects
 * of its namespace, within its scopes, use. A quota whose hard limits are new or lack a usage
 * goes to a priority queue; every quota is recounted on a timer (the full resync), and when the
 * quota monitor sees objects leave (replenishment). New objects are charged by the admission
 * plugin, not here.
 */
export class ResourceQuotaController {
  /** The recalculation queue (resourcequota_primary). */
  readonly queue: WorkQueue<string>;
  /** Quotas with hard limits not yet counted (resourcequota_priority). */
  readonly missingUsageQueue: WorkQueue<string>;
  private readonly quotaInformer: Informer<ResourceQuota>;
  private readonly monitor: QuotaMonitor;
  private readonly resyncPeriodMs: number;
  private resyncTimer: TimerHandle | undefined;
  private stopped = false;

  constructor(private readonly deps: ResourceQuotaControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.missingUsageQueue = new WorkQueue<string>(deps.clock);
    this.resyncPeriodMs = deps.resyncPeriodMs ?? RESOURCE_QUOTA_SYNC_PERIOD_MS;
    this.quotaInformer = deps.informers.informerFor<ResourceQuota>(RESOURCEQUOTAS);
    this.quotaInformer.addEventHandler({
      add: (quota) => this.addQuota(quota),
      // Status writes are this controller's own: only a change of spec.hard matters.
      update: (old, cur) => {
        if (!sameLists(parseResourceList(old.spec?.hard), parseResourceList(cur.spec?.hard))) this.addQuota(cur);
      },
      delete: (quota) => this.queue.add(objectKey(quota)),
    });
    this.monitor = new QuotaMonitor(deps.client, deps.informers, deps.clock, (evaluator, namespace) =>
      this.replenishQuota(evaluator, namespace),
    );
  }

  /** Waits for the quota and monitor caches, then runs `workers` workers on each queue until `stop`. */
  async run(workers = DEFAULT_RESOURCE_QUOTA_WORKERS): Promise<void> {
    await Promise.all([this.quotaInformer.waitForSync(), this.monitor.waitForSync()]);
    if (this.stopped) return;
    this.enqueueAll();
    const loops = [this.queue, this.missingUsageQueue].flatMap((queue) =>
      Array.from({ length: workers }, () => this.worker(queue)),
    );
    await Promise.all(loops);
  }

  /** Shuts both queues and the resync timer down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.resyncTimer?.cancel();
    this.queue.shutDown();
    this.missingUsageQueue.shutDown();
  }

  /** enqueueAll, now and then every resync period: a full recalculation of every quota. */
  private enqueueAll(): void {
    for (const quota of this.quotaInformer.list()) this.queue.add(objectKey(quota));
    if (this.stopped) return;
    this.resyncTimer = this.deps.clock.setTimer(this.resyncPeriodMs, () => this.enqueueAll());
  }

  /** addQuota: a quota whose limits are new, or lack a usage this controller can count, goes first. */
  private addQuota(quota: ResourceQuota): void {
    const key = objectKey(quota);
    const hard = parseResourceList(quota.status?.hard);
    if (!sameLists(parseResourceList(quota.spec?.hard), hard)) {
      this.missingUsageQueue.add(key);
      return;
    }
    const used = quota.status?.used ?? {};
    const evaluators = this.monitor.evaluators();
    for (const name of hard.keys()) {
      if (name in used) continue;
      if (evaluators.some((e) => e.matchingResources([name]).length > 0)) {
        this.missingUsageQueue.add(key);
        return;
      }
    }
    this.queue.add(key);
  }

  /** replenishQuota: recount the namespace's quotas that track what the evaluator counts. */
  private replenishQuota(evaluator: Evaluator, namespace: string): void {
    for (const quota of this.quotaInformer.list(namespace)) {
      const names = Object.keys(quota.status?.hard ?? {});
      if (evaluator.matchingResources(names).length > 0) this.queue.add(objectKey(quota));
    }
  }

  private async worker(queue: WorkQueue<string>): Promise<void> {
    for (;;) {
      const next = await queue.get();
      if (next.shutdown) return;
      const key = next.item;
      try {
        await this.sync(key);
        queue.forget(key);
      } catch (error) {
        this.deps.onError?.(key, error);
        queue.addRateLimited(key);
      } finally {
        queue.done(key);
      }
    }
  }

  /** syncResourceQuotaFromKey: recounts the quota at `key` and writes its status if it changed. */
  async sync(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const quota = this.quotaInformer.get(namespace, name);
    if (!quota) return;
    const spec = quota.spec ?? {};
    const hard = parseResourceList(spec.hard);
    const previous = parseResourceList(quota.status?.used);
    let dirty = !sameLists(hard, parseResourceList(quota.status?.hard)) || !quota.status?.hard || !quota.status.used;
    const used = new Map(previous);
    for (const [resource, quantity] of await this.calculateUsage(namespace, spec, [...hard.keys()])) {
      used.set(resource, quantity);
    }
    const masked = maskList(used, hard.keys());
    dirty ||= !sameLists(masked, previous);
    if (!dirty) return;
    // Go leaves empty maps out of the JSON.
    const status: ResourceQuota['status'] = {};
    if (hard.size > 0) status.hard = formatResourceList(hard);
    if (masked.size > 0) status.used = formatResourceList(masked);
    await this.deps.client.resource<ResourceQuota>(RESOURCEQUOTAS, namespace).updateStatus({ ...quota, status });
  }

  /**
   * quota.CalculateUsage: each evaluator that counts some of the hard resources adds up the
   * namespace's objects within the quota's scopes; only those resources are kept.
   */
  private async calculateUsage(namespace: string, spec: QuotaSpec, hardNames: string[]): Promise<ResourceList> {
    await this.monitor.ensureMonitors(hardNames);
    const evaluators = this.monitor.evaluators();
    const matched = hardNames.filter((name) => evaluators.some((e) => e.matchingResources([name]).length > 0));
    const scopes = quotaScopes(spec);
    const now = this.deps.clock.now();
    let usage: ResourceList = new Map();
    for (const evaluator of evaluators) {
      const resources = evaluator.matchingResources(matched);
      if (resources.length === 0) continue;
      const objects = this.monitor.list(evaluator, namespace);
      usage = addLists(usage, usageStats(evaluator, resources, scopes, objects, now));
    }
    return maskList(usage, matched);
  }
}
