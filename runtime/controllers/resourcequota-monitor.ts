import type { KubeObject } from '../api/object';
import { quotaV1Pod, type QuotaPod } from '../api/quota-pods';
import { CORE_EVALUATORS, evaluatorFor, parseObjectCountName, type Evaluator } from '../api/quota-usage';
import type { Clock } from '../clock';
import type { ResourceRef, RestClient } from '../client/rest-client';
import {
  CONFIGMAPS,
  PERSISTENTVOLUMECLAIMS,
  PODS,
  REPLICATIONCONTROLLERS,
  RESOURCEQUOTAS,
  SECRETS,
  SERVICES,
} from '../client/resources';
import { tombstoneObject, type Informer, type InformerFactory } from './informer';

/** Told that objects of an evaluator's resource changed in `namespace` (ReplenishmentFunc). */
export type ReplenishmentFunc = (evaluator: Evaluator, namespace: string) => void;

/** Where the objects of the built-in evaluators' resources are listed. */
const CORE_REFS = new Map<string, ResourceRef>(
  [PODS, SERVICES, PERSISTENTVOLUMECLAIMS, CONFIGMAPS, RESOURCEQUOTAS, REPLICATIONCONTROLLERS, SECRETS].map((ref) => [
    ref.resource,
    ref,
  ]),
);

/** The verbs a resource needs to be quotable (GetQuotableResources). */
const QUOTABLE_VERBS = ['create', 'list', 'watch', 'delete'];

interface Monitor {
  evaluator: Evaluator;
  informer: Informer;
}

interface DiscoveredResource {
  name: string;
  namespaced: boolean;
  kind: string;
  verbs?: string[];
}

/** GetQuotaServiceType: the service types quota counts apart. */
function quotaServiceType(service: KubeObject): string {
  const type = (service.spec as { type?: string } | undefined)?.type;
  return type === 'NodePort' || type === 'LoadBalancer' ? type : '';
}

/** The storage a claim has been allocated, as text. */
function allocatedStorage(claim: KubeObject): string | undefined {
  return (claim.status as { allocatedResources?: { storage?: string } } | undefined)?.allocatedResources?.storage;
}

/**
 * The quota monitor (pkg/controller/resourcequota/resource_quota_monitor.go) with the
 * evaluator registry it fills: one shared informer per quotable resource, whose deletions (and
 * the updates install.DefaultUpdateFilter lets through: a pod leaving quota, a service changing
 * its quota type, a claim's allocated storage changing) replenish the quotas of that namespace.
 * The core resources are monitored from the start; another resource is found through discovery
 * the first time a quota names its `count/<resource>.<group>` (kube-controller-manager
 * discovers every resource up front and every 30 s).
 */
export class QuotaMonitor {
  private readonly monitors = new Map<string, Monitor>();

  constructor(
    private readonly client: RestClient,
    private readonly informers: InformerFactory,
    private readonly clock: Clock,
    private readonly replenish: ReplenishmentFunc,
  ) {
    for (const evaluator of CORE_EVALUATORS) this.monitor(evaluator, CORE_REFS.get(evaluator.resource) as ResourceRef);
  }

  /** The registered evaluators. */
  evaluators(): Evaluator[] {
    return [...this.monitors.values()].map((m) => m.evaluator);
  }

  /** The objects of an evaluator's resource in `namespace`. */
  list(evaluator: Evaluator, namespace: string): KubeObject[] {
    return this.monitors.get(`${evaluator.group}/${evaluator.resource}`)?.informer.list(namespace) ?? [];
  }

  /** Resolves once every monitor has synced (IsSynced). */
  async waitForSync(): Promise<void> {
    await Promise.all([...this.monitors.values()].map((m) => m.informer.waitForSync()));
  }

  /**
   * Monitors the resources behind the `count/…` names among `names` that have no evaluator yet,
   * if discovery shows them quotable; resolves once their caches have synced.
   */
  async ensureMonitors(names: readonly string[]): Promise<void> {
    const wanted = names
      .map(parseObjectCountName)
      .filter(
        (gr): gr is { group: string; resource: string } => !!gr && !this.monitors.has(`${gr.group}/${gr.resource}`),
      );
    await Promise.all(
      wanted.map(async ({ group, resource }) => {
        const evaluator = evaluatorFor(group, resource);
        const ref = evaluator && (await this.discover(group, resource));
        if (!evaluator || !ref) return;
        await this.monitor(evaluator, ref).informer.waitForSync();
      }),
    );
  }

  private monitor(evaluator: Evaluator, ref: ResourceRef): Monitor {
    const key = `${evaluator.group}/${evaluator.resource}`;
    const existing = this.monitors.get(key);
    if (existing) return existing;
    const informer = this.informers.informerFor(ref);
    const namespaceOf = (object: KubeObject): string => object.metadata?.namespace ?? '';
    informer.addEventHandler({
      update: (old, cur) => {
        if (this.updateMatters(evaluator, old, cur)) this.replenish(evaluator, namespaceOf(cur));
      },
      delete: (object) => this.replenish(evaluator, namespaceOf(tombstoneObject(object))),
    });
    const monitor = { evaluator, informer };
    this.monitors.set(key, monitor);
    return monitor;
  }

  /** install.DefaultUpdateFilter: the updates that can lower a quota's usage. */
  private updateMatters(evaluator: Evaluator, old: KubeObject, cur: KubeObject): boolean {
    if (evaluator.group !== '') return false;
    switch (evaluator.resource) {
      case 'pods': {
        const now = this.clock.now();
        return quotaV1Pod(old as QuotaPod, now) && !quotaV1Pod(cur as QuotaPod, now);
      }
      case 'services':
        return quotaServiceType(old) !== quotaServiceType(cur);
      case 'persistentvolumeclaims':
        return allocatedStorage(old) !== allocatedStorage(cur);
    }
    return false;
  }

  /** The quotable resource `group`/`resource` at the group's preferred version, if served. */
  private async discover(group: string, resource: string): Promise<ResourceRef | undefined> {
    try {
      let version = 'v1';
      if (group) {
        const info = await this.client.request<{ preferredVersion?: { version: string } }>('GET', `/apis/${group}`);
        version = info.preferredVersion?.version ?? '';
      }
      const list = await this.client.request<{ resources?: DiscoveredResource[] }>(
        'GET',
        group ? `/apis/${group}/${version}` : `/api/${version}`,
      );
      const found = list.resources?.find((r) => r.name === resource);
      if (!found?.namespaced || !QUOTABLE_VERBS.every((verb) => found.verbs?.includes(verb))) return undefined;
      return { group, version, resource, kind: found.kind, namespaced: true };
    } catch {
      // Not served (yet): the resource is not counted until a later sync finds it.
      return undefined;
    }
  }
}
