import { clone, type KubeObject } from '../api/object';
import type { Clock, TimerHandle } from '../clock';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { LEASES, NODES, PODS } from '../client/resources';
import { formatTime, parseTime } from '../util/time';
import type { EventRecorder } from './events';
import { tombstoneObject, type Informer, type InformerFactory } from './informer';
import { markPodsNotReady, recordNodeEvent, recordNodeStatusChange } from './node-lifecycle-pods';
import { zoneKey, ZoneTainting } from './node-lifecycle-zones';
import {
  CONDITION_TAINT_KEYS,
  CONDITION_TAINTS,
  NOT_READY_TAINT,
  nodeCondition,
  swapNodeControllerTaint,
  TAINT_NODE_UNSCHEDULABLE,
  taintExists,
  taintMatches,
  UNREACHABLE_TAINT,
  type Node,
  type NodeCondition,
  type Taint,
} from './node-lifecycle-taints';
import type { Pod } from './pods';
import { WorkQueue } from './workqueue';

/** kube-controller-manager runs the node lifecycle controller as this service account (and event source). */
export const NODE_LIFECYCLE_SERVICE_ACCOUNT = 'node-controller';
/** nodeUpdateWorkerSize: workers of the NoSchedule tainting pass (no flag sets it). */
export const DEFAULT_NODE_LIFECYCLE_WORKERS = 8;
/** --node-monitor-period. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** --node-monitor-grace-period (50 s since v1.32). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** --node-startup-grace-period. */
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;
/** scheduler.NodeHealthUpdateRetry. */
const NODE_HEALTH_UPDATE_RETRY = 5;
const NODE_LEASE_NAMESPACE = 'kube-node-lease';
const NODE_NAME_INDEX = 'spec.nodeName';
/** The conditions a silent kubelet's node gets Unknown (not NetworkUnavailable: the control plane owns it). */
const MONITORED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

/** coordination.k8s.io/v1 Lease, as the kubelet renews it. */
interface Lease extends KubeObject {
  spec?: { holderIdentity?: string; leaseDurationSeconds?: number; renewTime?: string };
}

interface NodeHealth {
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  status: Node['status'];
  lease?: Lease;
}

/** What the controller needs; the periods default to kube-controller-manager's flags. */
export interface NodeLifecycleControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  /** Reports as `node-controller`. */
  recorder: EventRecorder;
  /** Told of each failed pass (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
  nodeMonitorPeriodMs?: number;
  nodeMonitorGracePeriodMs?: number;
  nodeStartupGracePeriodMs?: number;
}

/**
 * The node lifecycle controller (pkg/controller/nodelifecycle): every monitor period it checks
 * each node's health signals (its Ready condition's heartbeat and its Lease in kube-node-lease);
 * a node silent for the grace period gets its conditions Unknown, its pods NotReady and — through
 * a per-zone rate-limited queue — the NoExecute taint not-ready or unreachable, unless every node
 * is down (master disruption mode: no taints, nothing evicted). On every node change it keeps
 * the NoSchedule taints in step with the conditions and with spec.unschedulable (cordon).
 */
export class NodeLifecycleController {
  readonly nodeUpdateQueue: WorkQueue<string>;
  readonly podUpdateQueue: WorkQueue<string>;
  private readonly nodeInformer: Informer<Node>;
  private readonly podInformer: Informer<Pod>;
  private readonly leaseInformer: Informer<Lease>;
  private readonly knownNodes = new Map<string, Node>();
  private readonly health = new Map<string, NodeHealth>();
  private readonly nodesToRetry = new Set<string>();
  private readonly zones: ZoneTainting;
  private readonly monitorPeriod: number;
  private readonly monitorGracePeriod: number;
  private readonly startupGracePeriod: number;
  private monitorTimer: TimerHandle | undefined;
  private stopped = false;

  constructor(private readonly deps: NodeLifecycleControllerDeps) {
    this.monitorPeriod = deps.nodeMonitorPeriodMs ?? NODE_MONITOR_PERIOD_MS;
    this.monitorGracePeriod = deps.nodeMonitorGracePeriodMs ?? NODE_MONITOR_GRACE_PERIOD_MS;
    this.startupGracePeriod = deps.nodeStartupGracePeriodMs ?? NODE_STARTUP_GRACE_PERIOD_MS;
    this.zones = new ZoneTainting({
      client: deps.client,
      clock: deps.clock,
      getNode: (name) => this.nodeInformer.get(undefined, name),
      resetProbes: (nodes) => {
        const now = deps.clock.now();
        for (const node of nodes) {
          const health = this.health.get(node.metadata?.name ?? '');
          if (health) Object.assign(health, { probeTimestamp: now, readyTransitionTimestamp: now });
        }
      },
      report: (key, error) => this.report(key, error),
    });
    this.nodeUpdateQueue = new WorkQueue<string>(deps.clock);
    this.podUpdateQueue = new WorkQueue<string>(deps.clock);
    this.nodeInformer = deps.informers.informerFor<Node>(NODES);
    this.podInformer = deps.informers.informerFor<Pod>(PODS);
    this.leaseInformer = deps.informers.informerFor<Lease>(LEASES);
    this.podInformer.addIndexer(NODE_NAME_INDEX, (pod) => (pod.spec?.nodeName ? [pod.spec.nodeName] : []));
    this.podInformer.addEventHandler({
      add: (pod) => this.podUpdated(undefined, pod),
      update: (old, cur) => this.podUpdated(old, cur),
    });
    this.nodeInformer.addEventHandler({
      add: (node) => this.nodeUpdateQueue.add(node.metadata?.name ?? ''),
      update: (_old, cur) => this.nodeUpdateQueue.add(cur.metadata?.name ?? ''),
      delete: (node) => this.nodesToRetry.delete(tombstoneObject(node).metadata?.name ?? ''),
    });
  }

  /** Waits for the caches, then monitors nodes and runs `workers` NoSchedule-tainting workers until `stop`. */
  async run(workers = DEFAULT_NODE_LIFECYCLE_WORKERS): Promise<void> {
    await Promise.all([
      this.nodeInformer.waitForSync(),
      this.podInformer.waitForSync(),
      this.leaseInformer.waitForSync(),
    ]);
    if (this.stopped) return;
    void this.monitorLoop();
    await Promise.all([
      ...Array.from({ length: workers }, () => this.nodeWorker()),
      // podUpdateWorkerSize.
      ...Array.from({ length: 4 }, () => this.podWorker()),
    ]);
  }

  /** Stops the loops; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.monitorTimer?.cancel();
    this.zones.stop();
    this.nodeUpdateQueue.shutDown();
    this.podUpdateQueue.shutDown();
  }

  private report(key: string, error: unknown): void {
    this.deps.onError?.(key, error);
  }

  /** wait.Until: a pass, then the period after it ends. */
  private async monitorLoop(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.monitorNodeHealth();
    } catch (error) {
      this.report('monitorNodeHealth', error);
    }
    if (this.stopped) return;
    this.monitorTimer = this.deps.clock.setTimer(this.monitorPeriod, () => void this.monitorLoop());
  }

  private async nodeWorker(): Promise<void> {
    for (;;) {
      const next = await this.nodeUpdateQueue.get();
      if (next.shutdown) return;
      try {
        await this.doNoScheduleTaintingPass(next.item);
      } catch (error) {
        // Upstream logs and does not requeue either: the next node update retries.
        this.report(next.item, error);
      } finally {
        this.nodeUpdateQueue.done(next.item);
      }
    }
  }

  private async podWorker(): Promise<void> {
    for (;;) {
      const next = await this.podUpdateQueue.get();
      if (next.shutdown) return;
      try {
        await this.processPod(next.item);
        this.podUpdateQueue.forget(next.item);
      } catch (error) {
        this.report(next.item, error);
        this.podUpdateQueue.addRateLimited(next.item);
      } finally {
        this.podUpdateQueue.done(next.item);
      }
    }
  }

  private podUpdated(old: Pod | undefined, cur: Pod): void {
    const nodeName = cur.spec?.nodeName;
    if (nodeName && (!old || old.spec?.nodeName !== nodeName)) {
      this.podUpdateQueue.add(`${cur.metadata?.namespace}/${cur.metadata?.name}`);
    }
  }

  /** processPod: a pod newly bound to a node that is not Ready is marked NotReady at once. */
  private async processPod(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const pod = this.podInformer.get(namespace, name);
    if (!pod) return;
    const nodeName = pod.spec?.nodeName ?? '';
    const health = this.health.get(nodeName);
    if (!health || !this.nodeInformer.get(undefined, nodeName)) return;
    const ready = health.status?.conditions?.find((c) => c.type === 'Ready');
    if (ready && ready.status !== 'True') await markPodsNotReady(this.deps, [pod], nodeName);
  }

  /** doNoScheduleTaintingPass: the NoSchedule taints the conditions and spec.unschedulable call for. */
  private async doNoScheduleTaintingPass(nodeName: string): Promise<void> {
    const node = this.nodeInformer.get(undefined, nodeName);
    if (!node) return;
    const wanted: Taint[] = [];
    for (const condition of node.status?.conditions ?? []) {
      const key = CONDITION_TAINT_KEYS[condition.type]?.[condition.status];
      if (key) wanted.push({ key, effect: 'NoSchedule' });
    }
    if (node.spec?.unschedulable) wanted.push({ key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
    const current = (node.spec?.taints ?? []).filter(
      (t) => t.effect === 'NoSchedule' && (t.key === TAINT_NODE_UNSCHEDULABLE || CONDITION_TAINTS.has(t.key)),
    );
    const toAdd = wanted.filter((t) => !current.some((c) => taintMatches(c, t)));
    const toRemove = current.filter((t) => !wanted.some((w) => taintMatches(w, t)));
    if (toAdd.length === 0 && toRemove.length === 0) return;
    await swapNodeControllerTaint(this.deps, toAdd, toRemove, node);
  }

  /** monitorNodeHealth: one pass over every node, then the zones' disruption states. */
  async monitorNodeHealth(): Promise<void> {
    const nodes = this.nodeInformer.list();
    const names = new Set(nodes.map((n) => n.metadata?.name ?? ''));
    for (const node of nodes) {
      const name = node.metadata?.name ?? '';
      if (this.knownNodes.has(name)) {
        if (!this.zones.hasZone(node)) this.zones.addZone(node);
        continue;
      }
      recordNodeEvent(this.deps.recorder, node, 'Normal', 'RegisteredNode', `Registered Node ${name} in Controller`);
      this.knownNodes.set(name, node);
      this.zones.addZone(node);
      await this.zones.markNodeAsReachable(node).catch((error) => this.report(name, error));
    }
    for (const [name, node] of [...this.knownNodes]) {
      if (names.has(name)) continue;
      recordNodeEvent(this.deps.recorder, node, 'Normal', 'RemovingNode', `Removing Node ${name} from Controller`);
      this.knownNodes.delete(name);
    }
    const zoneConditions = new Map<string, Array<NodeCondition | undefined>>();
    for (const cached of nodes) await this.updateNode(cached, zoneConditions);
    await this.zones.handleDisruption(zoneConditions, nodes);
    this.zones.scheduleTaintingPass();
  }

  private async updateNode(cached: Node, zoneConditions: Map<string, Array<NodeCondition | undefined>>): Promise<void> {
    const name = cached.metadata?.name ?? '';
    let node = clone(cached);
    let result: { observed: NodeCondition; current?: NodeCondition } | undefined;
    for (let attempt = 1; !result; attempt++) {
      try {
        result = await this.tryUpdateNodeHealth(node);
      } catch (error) {
        if (attempt >= NODE_HEALTH_UPDATE_RETRY || hasStatusCode(error, 404)) {
          this.report(name, error);
          return;
        }
        node = await this.deps.client.resource<Node>(NODES).get(name);
      }
    }
    const { observed, current } = result;
    if (!('node.kubernetes.io/exclude-disruption' in (node.metadata?.labels ?? {}))) {
      const zone = zoneKey(node);
      zoneConditions.set(zone, [...(zoneConditions.get(zone) ?? []), current]);
    }
    if (current) {
      const pods = this.podInformer.byIndex(NODE_NAME_INDEX, name);
      await this.processTaintBaseEviction(node, observed);
      const becameNotReady = current.status !== 'True' && observed.status === 'True';
      if (becameNotReady) recordNodeStatusChange(this.deps.recorder, node, 'NodeNotReady');
      if (becameNotReady || (this.nodesToRetry.has(name) && observed.status !== 'True')) {
        try {
          await markPodsNotReady(this.deps, pods, name);
        } catch (error) {
          this.report(
            name,
            new Error(
              `unable to mark all pods NotReady on node ${name}: ${(error as Error).message}; queuing for retry`,
            ),
          );
          this.nodesToRetry.add(name);
          return;
        }
      }
    }
    this.nodesToRetry.delete(name);
  }

  /**
   * tryUpdateNodeHealth: refreshes the probe time when the Ready heartbeat or the Lease moved;
   * past the grace period, every monitored condition turns Unknown (a status update).
   */
  private async tryUpdateNodeHealth(node: Node): Promise<{ observed: NodeCondition; current?: NodeCondition }> {
    const name = node.metadata?.name ?? '';
    const now = this.deps.clock.now();
    const created = parseTime(node.metadata?.creationTimestamp) ?? now;
    let health = this.health.get(name);
    let current = nodeCondition(node, 'Ready');
    let observed: NodeCondition;
    let gracePeriod: number;
    if (!current) {
      const createdText = node.metadata?.creationTimestamp;
      observed = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: createdText, lastTransitionTime: createdText };
      gracePeriod = this.startupGracePeriod;
      if (health) health.status = node.status;
      else health = { status: node.status, probeTimestamp: created, readyTransitionTimestamp: created };
    } else {
      observed = { ...current };
      gracePeriod = this.monitorGracePeriod;
    }
    const saved = health?.status?.conditions?.find((c) => c.type === 'Ready');
    const savedLease = health?.lease;
    if (!health || (!saved && current) || (saved && !current)) {
      health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: now };
    } else if (saved && current && saved.lastHeartbeatTime !== current.lastHeartbeatTime) {
      const transition =
        saved.lastTransitionTime !== current.lastTransitionTime ? now : health.readyTransitionTimestamp;
      health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: transition };
    }
    const lease = this.leaseInformer.get(NODE_LEASE_NAMESPACE, name);
    if (
      lease &&
      (!savedLease || (parseTime(savedLease.spec?.renewTime) ?? 0) < (parseTime(lease.spec?.renewTime) ?? 0))
    ) {
      health.lease = lease;
      health.probeTimestamp = now;
    }
    this.health.set(name, health);
    if (now <= health.probeTimestamp + gracePeriod) return { observed, current };
    const conditions = (node.status ??= {}).conditions ?? (node.status.conditions = []);
    for (const type of MONITORED_CONDITIONS) {
      const condition = conditions.find((c) => c.type === type);
      if (!condition) {
        conditions.push({
          type,
          status: 'Unknown',
          lastHeartbeatTime: node.metadata?.creationTimestamp,
          lastTransitionTime: formatTime(now),
          reason: 'NodeStatusNeverUpdated',
          message: 'Kubelet never posted node status.',
        });
      } else if (condition.status !== 'Unknown') {
        condition.status = 'Unknown';
        condition.reason = 'NodeStatusUnknown';
        condition.message = 'Kubelet stopped posting node status.';
        condition.lastTransitionTime = formatTime(now);
      }
    }
    current = nodeCondition(node, 'Ready');
    if (JSON.stringify(current) === JSON.stringify(observed)) return { observed, current };
    await this.deps.client.resource<Node>(NODES).updateStatus(node);
    this.health.set(name, {
      status: node.status,
      probeTimestamp: health.probeTimestamp,
      readyTransitionTimestamp: now,
      lease,
    });
    return { observed, current };
  }

  /** processTaintBaseEviction: queue the NoExecute taint, swap it at once, or clear it. */
  private async processTaintBaseEviction(node: Node, observed: NodeCondition): Promise<void> {
    const name = node.metadata?.name ?? '';
    const swap = async (add: Taint, remove: Taint): Promise<void> => {
      await swapNodeControllerTaint(this.deps, [add], [remove], node).catch((error) => this.report(name, error));
    };
    if (observed.status === 'False') {
      if (taintExists(node.spec?.taints, UNREACHABLE_TAINT)) await swap(NOT_READY_TAINT, UNREACHABLE_TAINT);
      else this.zones.markNodeForTainting(node, NOT_READY_TAINT);
    } else if (observed.status === 'Unknown') {
      if (taintExists(node.spec?.taints, NOT_READY_TAINT)) await swap(UNREACHABLE_TAINT, NOT_READY_TAINT);
      else this.zones.markNodeForTainting(node, UNREACHABLE_TAINT);
    } else if (observed.status === 'True') {
      await this.zones.markNodeAsReachable(node).catch((error) => this.report(name, error));
    }
  }
}
