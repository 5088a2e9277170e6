import type { Clock } from '../clock';
import { hasStatusCause, hasStatusCode, type RestClient } from '../client/rest-client';
import { CONTROLLERREVISIONS, DAEMONSETS, NODES, PODS } from '../client/resources';
import type { Node } from '../scheduler/types';
import { ControllerHistory, type ControllerRevision } from './controller-history';
import {
  AggregateError,
  PodControllerRefManager,
  recheckDeletionTimestamp,
  resolveControllerRef,
  sameControllerRef,
  selectorsMatching,
} from './controller-ref';
import { cleanupHistory, constructHistory, type DaemonSetHistoryDeps } from './daemonset-history';
import { calculateStatus, createDaemonPod, deleteDaemonPod, storeDaemonSetStatus } from './daemonset-pods';
import { podsShouldBeOnNode } from './daemonset-manage';
import { rollingUpdate } from './daemonset-rolling';
import {
  CountingExpectations,
  FailedPodsBackoff,
  createPodTemplate,
  nodeShouldRunDaemonPod,
  replaceNodeNameAffinity,
  targetNodeName,
  templateGeneration,
  type DaemonSet,
} from './daemonset-util';
import type { EventRecorder } from './events';
import {
  objectKey,
  tombstoneObject,
  type DeletedFinalStateUnknown,
  type Informer,
  type InformerFactory,
} from './informer';
import { controllerOf, isEmptySelector, isPodReady, labelSelectorMatcher, type Pod } from './pods';
import { slowStartBatch, SLOW_START_INITIAL_BATCH_SIZE } from './replicaset';
import { processQueue, WorkQueue } from './workqueue';

/** kube-controller-manager's --concurrent-daemonset-syncs default. */
export const DEFAULT_DAEMONSET_WORKERS = 2;
/** The service account kube-controller-manager runs the DaemonSet controller as. */
export const DAEMONSET_CONTROLLER_SERVICE_ACCOUNT = 'daemon-set-controller';
/** How many pods one sync creates or deletes at most (daemon.BurstReplicas). */
export const DAEMONSET_BURST_REPLICAS = 250;

const KIND = { apiVersion: 'apps/v1', kind: 'DaemonSet' };

/** What the controller needs: an API client, shared informers, the clock and an event recorder. */
export interface DaemonSetControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  /** Pods one sync creates or deletes at most (default DAEMONSET_BURST_REPLICAS). */
  burstReplicas?: number;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/**
 * The DaemonSet controller (pkg/controller/daemon): one pod on every node whose labels, affinity
 * and taints the template accepts. Pods are created unbound with a required node affinity naming
 * their node (the scheduler binds them), labelled with the revision hash and template generation;
 * failed pods are killed with a per-node back-off; pods beyond one per node, and pods on nodes
 * that no longer want one, are deleted. The template's history lives in ControllerRevisions;
 * RollingUpdate replaces old pods within maxUnavailable, OnDelete waits for the user.
 */
export class DaemonSetController {
  readonly queue: WorkQueue<string>;
  readonly expectations: CountingExpectations;
  private readonly dsInformer: Informer<DaemonSet>;
  private readonly podInformer: Informer<Pod>;
  private readonly nodeInformer: Informer<Node>;
  private readonly historyInformer: Informer<ControllerRevision>;
  private readonly history: ControllerHistory;
  private readonly failedPodsBackoff: FailedPodsBackoff;
  private readonly burstReplicas: number;
  private stopped = false;

  constructor(private readonly deps: DaemonSetControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.expectations = new CountingExpectations(deps.clock);
    this.failedPodsBackoff = new FailedPodsBackoff(deps.clock);
    this.burstReplicas = deps.burstReplicas ?? DAEMONSET_BURST_REPLICAS;
    this.dsInformer = deps.informers.informerFor<DaemonSet>(DAEMONSETS);
    this.podInformer = deps.informers.informerFor<Pod>(PODS);
    this.nodeInformer = deps.informers.informerFor<Node>(NODES);
    this.historyInformer = deps.informers.informerFor<ControllerRevision>(CONTROLLERREVISIONS);
    this.history = new ControllerHistory(deps.client, this.historyInformer);
    this.dsInformer.addEventHandler({
      add: (ds) => this.enqueue(ds),
      update: (old, cur) => {
        if (old.metadata?.uid !== cur.metadata?.uid) this.queue.add(objectKey(old));
        this.enqueue(cur);
      },
      delete: (ds) => this.queue.add(objectKey(tombstoneObject(ds))),
    });
    this.historyInformer.addEventHandler({
      add: (revision) => this.ownerChanged(revision),
      update: (old, cur) => this.ownerChanged(cur, old),
      delete: (revision) => this.ownerChanged(tombstoneObject(revision)),
    });
    this.podInformer.addEventHandler({
      add: (pod) => this.addPod(pod),
      update: (old, cur) => this.updatePod(old, cur),
      delete: (pod) => this.deletePod(pod),
    });
    this.nodeInformer.addEventHandler({
      add: (node) => {
        for (const ds of this.dsInformer.list()) if (nodeShouldRunDaemonPod(node, ds).shouldRun) this.enqueue(ds);
      },
      update: (old, cur) => this.updateNode(old, cur),
    });
  }

  /** Waits for the caches, then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_DAEMONSET_WORKERS): Promise<void> {
    const informers = [this.dsInformer, this.podInformer, this.nodeInformer, this.historyInformer];
    await Promise.all(informers.map((informer) => informer.waitForSync()));
    if (this.stopped) return;
    await processQueue(this.queue, workers, (key) => this.sync(key), this.deps.onError);
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  private enqueue(ds: DaemonSet): void {
    this.queue.add(objectKey(ds));
  }

  private resolve(namespace: string, ref: { kind: string; name: string; uid: string }): DaemonSet | undefined {
    return resolveControllerRef(this.dsInformer, KIND.kind, namespace, ref);
  }

  /** add/update/deleteHistory: the owner syncs; an orphan's candidate owners do. */
  private ownerChanged(revision: ControllerRevision, old?: ControllerRevision): void {
    const namespace = revision.metadata?.namespace ?? '';
    const oldRef = old && controllerOf(old);
    const ref = controllerOf(revision);
    if (oldRef && oldRef.uid !== ref?.uid) {
      const ds = this.resolve(namespace, oldRef);
      if (ds) this.enqueue(ds);
    }
    if (ref) {
      const ds = this.resolve(namespace, ref);
      if (ds) this.enqueue(ds);
      return;
    }
    for (const ds of selectorsMatching(this.dsInformer, namespace, revision.metadata?.labels)) this.enqueue(ds);
  }

  private addPod(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) {
      this.deletePod(pod);
      return;
    }
    const ref = controllerOf(pod);
    const namespace = pod.metadata?.namespace ?? '';
    if (ref) {
      const ds = this.resolve(namespace, ref);
      if (!ds) return;
      this.expectations.creationObserved(objectKey(ds));
      this.enqueue(ds);
      return;
    }
    for (const ds of selectorsMatching(this.dsInformer, namespace, pod.metadata?.labels)) this.enqueue(ds);
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (cur.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    if (cur.metadata?.deletionTimestamp) {
      this.deletePod(cur);
      return;
    }
    const namespace = cur.metadata?.namespace ?? '';
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !sameControllerRef(curRef, oldRef);
    if (refChanged && oldRef) {
      const ds = this.resolve(namespace, oldRef);
      if (ds) this.enqueue(ds);
    }
    if (curRef) {
      const ds = this.resolve(namespace, curRef);
      if (!ds) return;
      this.enqueue(ds);
      const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
      // A second more, against milliseconds of skew (kubernetes#38076).
      if (!isPodReady(old) && isPodReady(cur) && minReadySeconds > 0) {
        this.queue.addAfter(objectKey(ds), minReadySeconds * 1000 + 1000);
      }
      return;
    }
    const labelChanged = JSON.stringify(cur.metadata?.labels ?? {}) !== JSON.stringify(old.metadata?.labels ?? {});
    if (!labelChanged && !refChanged) return;
    for (const ds of selectorsMatching(this.dsInformer, namespace, cur.metadata?.labels)) this.enqueue(ds);
  }

  private deletePod(object: Pod | DeletedFinalStateUnknown<Pod>): void {
    const pod = tombstoneObject(object);
    const ref = controllerOf(pod);
    if (!ref) return;
    const ds = this.resolve(pod.metadata?.namespace ?? '', ref);
    if (!ds) return;
    this.expectations.deletionObserved(objectKey(ds));
    this.enqueue(ds);
  }

  /** updateNode: DaemonSets whose wish to run on the node changed sync. */
  private updateNode(old: Node, cur: Node): void {
    for (const ds of this.dsInformer.list()) {
      const before = nodeShouldRunDaemonPod(old, ds);
      const after = nodeShouldRunDaemonPod(cur, ds);
      if (before.shouldRun !== after.shouldRun || before.shouldContinueRunning !== after.shouldContinueRunning) {
        this.enqueue(ds);
      }
    }
  }

  /** The nodes, by name (the lister's order is Go's map order; kubeplay's is fixed). */
  private nodes(): Node[] {
    return this.nodeInformer.list().sort((a, b) => ((a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1));
  }

  /** syncDaemonSet: one reconciliation of the DaemonSet at `key`; throws to be retried. */
  async sync(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const ds = this.dsInformer.get(namespace, name);
    if (!ds) {
      this.expectations.delete(key);
      return;
    }
    const nodes = this.nodes();
    if (isEmptySelector(ds.spec?.selector)) {
      const message = 'This daemon set is selecting all pods. A non-empty selector is required.';
      this.record(ds, 'Warning', 'SelectingAll', message);
      return;
    }
    if (ds.metadata?.deletionTimestamp) return;
    const historyDeps: DaemonSetHistoryDeps = { client: this.deps.client, history: this.history, kind: KIND };
    const select = labelSelectorMatcher(ds.spec?.selector);
    const canAdopt = this.canAdopt(ds);
    const histories = await this.history.claim(ds, KIND, select, canAdopt);
    const { current, old } = await constructHistory(historyDeps, ds, histories);
    const hash = current.metadata?.labels?.['controller-revision-hash'] ?? '';
    if (!this.expectations.satisfied(key)) {
      // Only the status: this generation was not acted on.
      await this.updateStatus(ds, nodes, hash, false);
      return;
    }
    let error: unknown;
    try {
      await this.manage(ds, nodes, hash);
      if (this.expectations.satisfied(key) && ds.spec?.updateStrategy?.type !== 'OnDelete') {
        const nodeToPods = await this.nodesToDaemonPods(ds, false);
        const victims = rollingUpdate(ds, nodes, hash, nodeToPods, this.deps.clock.now());
        await this.syncNodes(ds, victims, [], hash);
      }
      await cleanupHistory(historyDeps, ds, old, [...(await this.nodesToDaemonPods(ds, false)).values()].flat());
    } catch (failure) {
      error = failure;
    }
    try {
      await this.updateStatus(ds, nodes, hash, true);
    } catch (statusError) {
      error ??= statusError;
    }
    if (error) throw error;
  }

  private canAdopt(ds: DaemonSet): () => Promise<void> {
    const meta = ds.metadata ?? {};
    const sets = this.deps.client.resource<DaemonSet>(DAEMONSETS, meta.namespace);
    return recheckDeletionTimestamp(async () => {
      const fresh = await sets.get(meta.name ?? '');
      if (fresh.metadata?.uid !== meta.uid) {
        throw new Error(
          `original DaemonSet ${meta.namespace}/${meta.name} is gone: got uid ${fresh.metadata?.uid}, wanted ${meta.uid}`,
        );
      }
      return fresh;
    });
  }

  /**
   * getNodesToDaemonPods: the claimed pods by the node they run on (or are meant for); terminal
   * pods already being deleted are left out unless asked for.
   */
  private async nodesToDaemonPods(ds: DaemonSet, includeDeletedTerminal: boolean): Promise<Map<string, Pod[]>> {
    const namespace = ds.metadata?.namespace ?? '';
    const select = labelSelectorMatcher(ds.spec?.selector);
    const manager = new PodControllerRefManager(
      this.deps.client.resource<Pod>(PODS, namespace),
      ds,
      KIND,
      (pod) => select(pod.metadata?.labels),
      this.canAdopt(ds),
    );
    const claimed = await manager.claimPods(this.podInformer.list(namespace));
    const byNode = new Map<string, Pod[]>();
    for (const pod of claimed) {
      const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (!includeDeletedTerminal && terminal && pod.metadata?.deletionTimestamp) continue;
      const node = targetNodeName(pod);
      if (node === undefined) continue;
      byNode.set(node, [...(byNode.get(node) ?? []), pod]);
    }
    return byNode;
  }

  /** manage: the pods to create (one per node that wants one) and to delete, then syncNodes. */
  private async manage(ds: DaemonSet, nodes: Node[], hash: string): Promise<void> {
    const nodeToPods = await this.nodesToDaemonPods(ds, false);
    const needing: string[] = [];
    const toDelete: string[] = [];
    for (const node of nodes) {
      const result = podsShouldBeOnNode(node, nodeToPods, ds, {
        backoff: this.failedPodsBackoff,
        requeueAfter: (ms) => this.queue.addAfter(objectKey(ds), ms),
        warn: (reason, message) => this.record(ds, 'Warning', reason, message),
      });
      needing.push(...result.needing);
      toDelete.push(...result.toDelete);
    }
    // getUnscheduledPodsWithoutNode: no podgc deletes pods that never got their node.
    const names = new Set(nodes.map((n) => n.metadata?.name));
    for (const [node, pods] of nodeToPods) {
      if (names.has(node)) continue;
      for (const pod of pods) if (!pod.spec?.nodeName) toDelete.push(pod.metadata?.name ?? '');
    }
    await this.syncNodes(ds, toDelete, needing, hash);
  }

  /**
   * syncNodes: creates a pod for each node in `needing` (in slow-start batches, each bound by
   * affinity to its node) and deletes `toDelete`, within the burst, under expectations.
   */
  private async syncNodes(ds: DaemonSet, toDelete: string[], needing: string[], hash: string): Promise<void> {
    const key = objectKey(ds);
    const createDiff = Math.min(needing.length, this.burstReplicas);
    const deleteDiff = Math.min(toDelete.length, this.burstReplicas);
    this.expectations.set(key, createDiff, deleteDiff);
    const errors: Error[] = [];
    const template = createPodTemplate(ds.spec?.template, templateGeneration(ds), hash);
    let next = 0;
    const { error } = await slowStartBatch(createDiff, SLOW_START_INITIAL_BATCH_SIZE, async () => {
      const nodeName = needing[next++];
      const spec = { ...template.spec, affinity: replaceNodeNameAffinity(template.spec.affinity as never, nodeName) };
      try {
        await createDaemonPod(this.deps, ds, KIND, { metadata: template.metadata, spec });
      } catch (failure) {
        if (hasStatusCause(failure, 'NamespaceTerminating')) return;
        this.expectations.creationObserved(key);
        throw failure;
      }
    });
    if (error) {
      errors.push(error);
      // Pods never attempted will never be observed.
      const skipped = createDiff - next;
      if (skipped > 0) this.expectations.lower(key, skipped, 0);
    }
    await Promise.all(
      toDelete.slice(0, deleteDiff).map(async (name) => {
        try {
          await deleteDaemonPod(this.deps, ds, name);
        } catch (failure) {
          this.expectations.deletionObserved(key);
          if (!hasStatusCode(failure, 404)) errors.push(failure as Error);
        }
      }),
    );
    if (errors.length > 0) throw new AggregateError(errors);
  }

  /** updateDaemonSetStatus: counts over the nodes that want a pod and those that have one. */
  private async updateStatus(ds: DaemonSet, nodes: Node[], hash: string, updateObservedGen: boolean): Promise<void> {
    const nodeToPods = await this.nodesToDaemonPods(ds, false);
    const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
    const status = calculateStatus(ds, nodes, nodeToPods, hash, this.deps.clock.now());
    await storeDaemonSetStatus(this.deps.client, ds, status, updateObservedGen);
    if (minReadySeconds > 0 && status.numberReady !== status.numberAvailable) {
      this.queue.addAfter(objectKey(ds), minReadySeconds * 1000);
    }
  }

  private record(ds: DaemonSet, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.deps.recorder.event({ ...ds, ...KIND }, type, reason, message);
  }
}
