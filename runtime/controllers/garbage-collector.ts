// The garbage collector (pkg/controller/garbagecollector/garbagecollector.go): monitors every
// deletable resource, and deletes dependents whose owners are gone, or orphans them.
import type { KubeObject, OwnerReference } from '../api/object';
import type { Clock, TimerHandle } from '../clock';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { AggregateError } from './controller-ref';
import {
  discover,
  RestMapper,
  RestMappingError,
  supportsAllVerbs,
  type DiscoveredResource,
} from './garbage-collector-discovery';
import { GraphBuilder, type GraphNode, type ObjectIdentity } from './garbage-collector-graph';
import {
  GarbageCollectorOperations,
  NAMESPACED_OWNER_OF_CLUSTER_SCOPED_OBJECT,
  type PropagationPolicy,
} from './garbage-collector-operations';
import type { EventRecorder } from './events';
import { tombstoneObject, type Informer, type InformerFactory } from './informer';
import { WorkQueue } from './workqueue';

/** The service account kube-controller-manager runs the garbage collector as. */
export const GARBAGE_COLLECTOR_SERVICE_ACCOUNT = 'generic-garbage-collector';
/** The event source of the garbage collector's events (its recorder's component). */
export const GARBAGE_COLLECTOR_EVENT_SOURCE = 'garbage-collector-controller';
/** kube-controller-manager's --concurrent-gc-syncs default. */
export const DEFAULT_GC_WORKERS = 20;
/** How often kube-controller-manager re-reads discovery to monitor new resources. */
export const GC_DISCOVERY_RESYNC_MS = 30_000;

/** Resources never monitored (garbagecollector.DefaultIgnoredResources): events. */
const IGNORED_RESOURCES = new Set(['/events', 'events.k8s.io/events']);
/** The verbs a resource needs to be monitored (GetDeletableResources). */
const MONITOR_VERBS = ['delete', 'list', 'watch'];
const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';

/** What the garbage collector needs. */
export interface GarbageCollectorDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  /** Its events (OwnerRefInvalidNamespace) report as GARBAGE_COLLECTOR_EVENT_SOURCE upstream. */
  recorder: EventRecorder;
  /** Told of each failed attempt (utilruntime.HandleError); the key is the object's identity. */
  onError?: (key: string, error: unknown) => void;
  /** How often discovery is read again (default GC_DISCOVERY_RESYNC_MS; 0: never). */
  discoveryResyncMs?: number;
}

type Action = 'forget' | 'requeue';
/** attemptToDeleteItem's outcome when it turned the item into a virtual delete. */
const VIRTUAL_DELETE = 'virtual-delete';

interface Monitor {
  informer: Informer;
  registration: { remove(): void };
}

const resourceKey = (r: DiscoveredResource): string => `${r.group}/${r.version}/${r.resource}`;

/**
 * The garbage collector. A monitor (an informer from the shared factory) on every resource that
 * can be listed, watched and deleted feeds the dependency graph; workers of the attemptToDelete
 * queue delete objects whose owners are all gone (verified by live reads), patch out references to
 * absent owners when some remain, and finish foreground deletions once the blocking dependents
 * are gone; workers of the attemptToOrphan queue strip an owner being deleted with the orphan
 * finalizer from its dependents, then remove the finalizer. Failures are retried with back-off.
 */
export class GarbageCollector {
  readonly attemptToDelete: WorkQueue<GraphNode>;
  readonly attemptToOrphan: WorkQueue<GraphNode>;
  readonly graph: GraphBuilder;
  private readonly ops: GarbageCollectorOperations;
  private readonly monitors = new Map<string, Monitor>();
  private mapper = new RestMapper([]);
  private resyncTimer: TimerHandle | undefined;
  private stopped = false;

  constructor(private readonly deps: GarbageCollectorDeps) {
    this.attemptToDelete = new WorkQueue<GraphNode>(deps.clock);
    this.attemptToOrphan = new WorkQueue<GraphNode>(deps.clock);
    this.graph = new GraphBuilder(this.attemptToDelete, this.attemptToOrphan, deps.recorder);
    this.ops = new GarbageCollectorOperations(deps.client, () => this.mapper, deps.clock);
  }

  /** Discovers and monitors resources, waits for every monitor, then runs `workers` of each queue. */
  async run(workers = DEFAULT_GC_WORKERS): Promise<void> {
    await this.syncMonitors();
    await Promise.all([...this.monitors.values()].map((m) => m.informer.waitForSync()));
    if (this.stopped) return;
    this.scheduleResync();
    await Promise.all(Array.from({ length: workers }, () => [this.deleteWorker(), this.orphanWorker()]).flat());
  }

  /** Shuts both queues down and stops watching discovery; workers finish what they hold. */
  stop(): void {
    this.stopped = true;
    this.resyncTimer?.cancel();
    this.attemptToDelete.shutDown();
    this.attemptToOrphan.shutDown();
    for (const monitor of this.monitors.values()) monitor.registration.remove();
  }

  /** True once discovery has been read and every monitor has listed (the graph is complete). */
  hasSynced(): boolean {
    return this.monitors.size > 0 && [...this.monitors.values()].every((m) => m.informer.hasSynced());
  }

  /** The resources monitored now, as `group/version/resource`. */
  monitoredResources(): string[] {
    return [...this.monitors.keys()];
  }

  private scheduleResync(): void {
    const period = this.deps.discoveryResyncMs ?? GC_DISCOVERY_RESYNC_MS;
    if (period <= 0 || this.stopped) return;
    this.resyncTimer = this.deps.clock.setTimer(period, () => {
      void this.syncMonitors().finally(() => this.scheduleResync());
    });
  }

  /**
   * Sync: reads discovery, remaps kinds, and monitors resources new to it; resources gone from
   * discovery stop being monitored, except those of group versions discovery failed to read.
   */
  private async syncMonitors(): Promise<void> {
    let found;
    try {
      found = await discover(this.deps.client);
    } catch (error) {
      this.deps.onError?.('discovery', error);
      return;
    }
    if (this.stopped) return;
    this.mapper = new RestMapper(found.all);
    const deletable = found.preferred.filter(
      (r) => supportsAllVerbs(r, MONITOR_VERBS) && !IGNORED_RESOURCES.has(`${r.group}/${r.resource}`),
    );
    const wanted = new Set(deletable.map(resourceKey));
    for (const [key, monitor] of this.monitors) {
      const [group, version] = key.split('/');
      if (wanted.has(key) || found.failed.has(group ? `${group}/${version}` : version)) continue;
      monitor.registration.remove();
      this.monitors.delete(key);
    }
    for (const resource of deletable) {
      const key = resourceKey(resource);
      if (this.monitors.has(key)) continue;
      const informer = this.deps.informers.informerFor(resource);
      const apiVersion = resource.group ? `${resource.group}/${resource.version}` : resource.version;
      const kind = resource.kind;
      const registration = informer.addEventHandler({
        add: (object) => this.graph.process({ type: 'add', object, apiVersion, kind }),
        update: (old, object) => this.graph.process({ type: 'update', object, old, apiVersion, kind }),
        delete: (object) => this.graph.process({ type: 'delete', object: tombstoneObject(object), apiVersion, kind }),
      });
      this.monitors.set(key, { informer, registration });
    }
    if (found.failed.size > 0) {
      this.deps.onError?.('discovery', new Error([...found.failed].map(([gv, e]) => `${gv}: ${e.message}`).join(', ')));
    }
  }

  private async deleteWorker(): Promise<void> {
    for (;;) {
      const next = await this.attemptToDelete.get();
      if (next.shutdown) return;
      const node = next.item;
      try {
        const action = await this.attemptToDeleteWorker(node);
        if (action === 'requeue') this.attemptToDelete.addRateLimited(node);
        else this.attemptToDelete.forget(node);
      } finally {
        this.attemptToDelete.done(node);
      }
    }
  }

  private async attemptToDeleteWorker(node: GraphNode): Promise<Action> {
    if (node.virtual) {
      const inGraph = this.graph.uidToNode.get(node.identity.uid);
      // Deleted, or seen by an informer, while it waited for a retry.
      if (!inGraph || !inGraph.virtual) return 'forget';
    }
    try {
      if ((await this.attemptToDeleteItem(node)) === VIRTUAL_DELETE) return 'forget';
    } catch (error) {
      if (error === NAMESPACED_OWNER_OF_CLUSTER_SCOPED_OBJECT) return 'forget';
      // Mapping errors (a kind not discovered yet) are retried quietly, as upstream only logs them.
      if (!(error instanceof RestMappingError)) this.deps.onError?.(node.toString(), error);
      return 'requeue';
    }
    // A virtual node not seen by an informer yet is checked again (kubernetes#56121).
    return node.virtual ? 'requeue' : 'forget';
  }

  /**
   * attemptToDeleteItem: reads the live object; deletes it if every owner is gone (or waiting for
   * its dependents), patches out dangling references if some owner remains, and finishes a
   * foreground deletion. A 404 or a new UID becomes a virtual delete of the node.
   */
  private async attemptToDeleteItem(item: GraphNode): Promise<typeof VIRTUAL_DELETE | void> {
    // Being deleted is a one-way trip; its dependents are handled when the deletion is observed.
    if (item.beingDeleted && !item.deletingDependents) return;
    let latest: KubeObject;
    try {
      latest = await this.ops.getObject(item.identity);
    } catch (error) {
      if (!hasStatusCode(error, 404)) throw error;
      this.graph.virtualDelete(item.identity);
      return VIRTUAL_DELETE;
    }
    if (latest.metadata?.uid !== item.identity.uid) {
      this.graph.virtualDelete(item.identity);
      return VIRTUAL_DELETE;
    }
    if (item.deletingDependents) return this.processDeletingDependentsItem(item);
    const owners = latest.metadata?.ownerReferences ?? [];
    if (owners.length === 0) return;
    const { solid, dangling, waiting } = await this.classifyReferences(item, owners);
    if (solid.length > 0) {
      if (dangling.length === 0 && waiting.length === 0) return;
      // Owners waiting for their dependents go too, or they would wait for ever.
      await this.ops.deleteOwnerRefs(
        item,
        [...dangling, ...waiting].map((ref) => ref.uid),
      );
      return;
    }
    const meta = latest.metadata ?? {};
    if (waiting.length > 0 && item.dependents.size > 0) {
      if ([...item.dependents].some((dep) => dep.deletingDependents)) {
        // A possible cycle of foreground deletions: stop blocking the owners before deleting.
        await this.ops.unblockOwnerRefs(item);
      }
      await this.ops.deleteObject(item.identity, meta.resourceVersion, meta.ownerReferences, 'Foreground');
      return;
    }
    const finalizers = meta.finalizers ?? [];
    // An orphan or foreground finalizer already there is honoured.
    const policy: PropagationPolicy = finalizers.includes(ORPHAN)
      ? 'Orphan'
      : finalizers.includes(FOREGROUND)
        ? 'Foreground'
        : 'Background';
    await this.ops.deleteObject(item.identity, meta.resourceVersion, meta.ownerReferences, policy);
  }

  /** processDeletingDependentsItem: the finalizer goes once no dependent blocks; until then they are pushed on. */
  private async processDeletingDependentsItem(item: GraphNode): Promise<void> {
    const blocking = item.blockingDependents();
    if (blocking.length === 0) {
      await this.ops.removeFinalizer(item, FOREGROUND);
      return;
    }
    for (const dep of blocking) if (!dep.deletingDependents) this.attemptToDelete.add(dep);
  }

  /** classifyReferences: solid owners, dangling ones, and owners waiting for their dependents' deletion. */
  private async classifyReferences(
    item: GraphNode,
    refs: readonly OwnerReference[],
  ): Promise<{ solid: OwnerReference[]; dangling: OwnerReference[]; waiting: OwnerReference[] }> {
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const { isDangling, owner } = await this.isDangling(ref, item);
      if (isDangling) dangling.push(ref);
      else if (owner?.metadata?.deletionTimestamp && (owner.metadata.finalizers ?? []).includes(FOREGROUND)) {
        waiting.push(ref);
      } else solid.push(ref);
    }
    return { solid, dangling, waiting };
  }

  /** isDangling: the owner is known absent, or a live read finds nothing (or another UID) there. */
  private async isDangling(ref: OwnerReference, item: GraphNode): Promise<{ isDangling: boolean; owner?: KubeObject }> {
    const absent: ObjectIdentity = {
      apiVersion: ref.apiVersion,
      kind: ref.kind,
      name: ref.name,
      uid: ref.uid,
      namespace: '',
    };
    if (this.graph.absentOwnerCache.has(absent)) return { isDangling: true };
    absent.namespace = item.identity.namespace;
    if (this.graph.absentOwnerCache.has(absent)) return { isDangling: true };
    const resource = this.mapper.resourceFor(ref.apiVersion, ref.kind);
    if (!resource.namespaced) absent.namespace = '';
    if (!item.identity.namespace && resource.namespaced) throw NAMESPACED_OWNER_OF_CLUSTER_SCOPED_OBJECT;
    let owner: KubeObject;
    try {
      owner = await this.ops.getObject({ ...absent, namespace: item.identity.namespace });
    } catch (error) {
      if (!hasStatusCode(error, 404)) throw error;
      this.graph.absentOwnerCache.add(absent);
      return { isDangling: true };
    }
    if (owner.metadata?.uid !== ref.uid) {
      this.graph.absentOwnerCache.add(absent);
      return { isDangling: true };
    }
    return { isDangling: false, owner };
  }

  private async orphanWorker(): Promise<void> {
    for (;;) {
      const next = await this.attemptToOrphan.get();
      if (next.shutdown) return;
      const owner = next.item;
      try {
        await this.orphanDependents(owner);
        await this.ops.removeFinalizer(owner, ORPHAN);
        this.attemptToOrphan.forget(owner);
      } catch (error) {
        this.deps.onError?.(owner.toString(), error);
        this.attemptToOrphan.addRateLimited(owner);
      } finally {
        this.attemptToOrphan.done(owner);
      }
    }
  }

  /** orphanDependents: the owner's reference removed from each dependent (one already gone is fine). */
  private async orphanDependents(owner: GraphNode): Promise<void> {
    const errors: Error[] = [];
    await Promise.all(
      [...owner.dependents].map(async (dep) => {
        try {
          await this.ops.deleteOwnerRefs(dep, [owner.identity.uid]);
        } catch (error) {
          if (!hasStatusCode(error, 404)) errors.push(error as Error);
        }
      }),
    );
    if (errors.length > 0) {
      throw new Error(
        `failed to orphan dependents of owner ${owner.toString()}, got errors: ${new AggregateError(errors).message}`,
      );
    }
  }
}
