import type { Clock } from '../clock';
import type { RestClient } from '../client/rest-client';
import { CONTROLLERREVISIONS, PERSISTENTVOLUMECLAIMS, PODS, STATEFULSETS } from '../client/resources';
import { ControllerHistory, type ControllerRevision } from './controller-history';
import {
  PodControllerRefManager,
  recheckDeletionTimestamp,
  resolveControllerRef,
  sameControllerRef,
  selectorsMatching,
} from './controller-ref';
import type { EventRecorder } from './events';
import {
  objectKey,
  tombstoneObject,
  type DeletedFinalStateUnknown,
  type Informer,
  type InformerFactory,
} from './informer';
import { controllerOf, isPodReady, labelSelectorMatcher, type Pod } from './pods';
import { StatefulSetControl } from './statefulset-control';
import { StatefulPodControl } from './statefulset-pods';
import { isMemberOf, type PersistentVolumeClaim, type StatefulSet } from './statefulset-util';
import { processQueue, WorkQueue } from './workqueue';

/** kube-controller-manager's --concurrent-statefulset-syncs default. */
export const DEFAULT_STATEFULSET_WORKERS = 5;
/** The service account kube-controller-manager runs the StatefulSet controller as. */
export const STATEFULSET_CONTROLLER_SERVICE_ACCOUNT = 'statefulset-controller';

const KIND = { apiVersion: 'apps/v1', kind: 'StatefulSet' };

/** What the controller needs: an API client, shared informers, the clock and an event recorder. */
export interface StatefulSetControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/**
 * The StatefulSet controller (pkg/controller/statefulset): pods `<set>-<ordinal>` with stable
 * hostnames under the governing service and claims `<template>-<set>-<ordinal>` made before
 * them. A sync adopts orphaned revisions, claims the set's pods and runs one pass of
 * StatefulSetControl; failed syncs are retried with the workqueue's back-off.
 */
export class StatefulSetController {
  readonly queue: WorkQueue<string>;
  private readonly setInformer: Informer<StatefulSet>;
  private readonly podInformer: Informer<Pod>;
  private readonly claimInformer: Informer<PersistentVolumeClaim>;
  private readonly revisionInformer: Informer<ControllerRevision>;
  private readonly history: ControllerHistory;
  private readonly control: StatefulSetControl;
  private stopped = false;

  constructor(private readonly deps: StatefulSetControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.setInformer = deps.informers.informerFor<StatefulSet>(STATEFULSETS);
    this.podInformer = deps.informers.informerFor<Pod>(PODS);
    this.claimInformer = deps.informers.informerFor<PersistentVolumeClaim>(PERSISTENTVOLUMECLAIMS);
    this.revisionInformer = deps.informers.informerFor<ControllerRevision>(CONTROLLERREVISIONS);
    this.history = new ControllerHistory(deps.client, this.revisionInformer);
    const podControl = new StatefulPodControl(deps.client, deps.recorder, this.claimInformer);
    this.control = new StatefulSetControl(deps.client, deps.clock, this.history, podControl);
    this.setInformer.addEventHandler({
      add: (set) => this.enqueue(set),
      update: (_old, cur) => this.enqueue(cur),
      delete: (set) => this.queue.add(objectKey(tombstoneObject(set))),
    });
    this.podInformer.addEventHandler({
      add: (pod) => this.addPod(pod),
      update: (old, cur) => this.updatePod(old, cur),
      delete: (pod) => this.deletePod(pod),
    });
  }

  /** Waits for the caches, then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_STATEFULSET_WORKERS): Promise<void> {
    const informers = [this.setInformer, this.podInformer, this.claimInformer, this.revisionInformer];
    await Promise.all(informers.map((informer) => informer.waitForSync()));
    if (this.stopped) return;
    await processQueue(this.queue, workers, (key) => this.sync(key), this.deps.onError);
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  private enqueue(set: StatefulSet): void {
    this.queue.add(objectKey(set));
  }

  private resolve(namespace: string, ref: { kind: string; name: string; uid: string }): StatefulSet | undefined {
    return resolveControllerRef(this.setInformer, KIND.kind, namespace, ref);
  }

  private addPod(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) {
      this.deletePod(pod);
      return;
    }
    const namespace = pod.metadata?.namespace ?? '';
    const ref = controllerOf(pod);
    if (ref) {
      const set = this.resolve(namespace, ref);
      if (set) this.enqueue(set);
      return;
    }
    for (const set of selectorsMatching(this.setInformer, namespace, pod.metadata?.labels)) this.enqueue(set);
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (cur.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    const namespace = cur.metadata?.namespace ?? '';
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !sameControllerRef(curRef, oldRef);
    if (refChanged && oldRef) {
      const set = this.resolve(namespace, oldRef);
      if (set) this.enqueue(set);
    }
    if (curRef) {
      const set = this.resolve(namespace, curRef);
      if (!set) return;
      this.enqueue(set);
      const minReadySeconds = set.spec?.minReadySeconds ?? 0;
      // A second more, against milliseconds of skew.
      if (!isPodReady(old) && isPodReady(cur) && minReadySeconds > 0) {
        this.queue.addAfter(objectKey(set), minReadySeconds * 1000 + 1000);
      }
      return;
    }
    const labelChanged = JSON.stringify(cur.metadata?.labels ?? {}) !== JSON.stringify(old.metadata?.labels ?? {});
    if (!labelChanged && !refChanged) return;
    for (const set of selectorsMatching(this.setInformer, namespace, cur.metadata?.labels)) this.enqueue(set);
  }

  private deletePod(object: Pod | DeletedFinalStateUnknown<Pod>): void {
    const pod = tombstoneObject(object);
    const ref = controllerOf(pod);
    if (!ref) return;
    const set = this.resolve(pod.metadata?.namespace ?? '', ref);
    if (set) this.enqueue(set);
  }

  private canAdopt(set: StatefulSet): () => Promise<void> {
    const meta = set.metadata ?? {};
    const sets = this.deps.client.resource<StatefulSet>(STATEFULSETS, meta.namespace);
    return recheckDeletionTimestamp(async () => {
      const fresh = await sets.get(meta.name ?? '');
      if (fresh.metadata?.uid !== meta.uid) {
        throw new Error(
          `original StatefulSet ${meta.namespace}/${meta.name} is gone: got uid ${fresh.metadata?.uid}, wanted ${meta.uid}`,
        );
      }
      return fresh;
    });
  }

  /** sync: one reconciliation of the StatefulSet at `key`; throws to be retried. */
  async sync(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const set = this.setInformer.get(namespace, name);
    if (!set) return;
    const select = labelSelectorMatcher(set.spec?.selector);
    const canAdopt = this.canAdopt(set);
    // adoptOrphanRevisions.
    const orphans = this.history.list(set, select).filter((revision) => !controllerOf(revision));
    if (orphans.length > 0) {
      try {
        await canAdopt();
      } catch (error) {
        throw new Error(`can't adopt ControllerRevisions: ${(error as Error).message}`, { cause: error });
      }
      for (const revision of orphans) await this.history.adopt(set, KIND, revision);
    }
    // getPodsForStatefulSet: matching the selector and named for the set.
    const manager = new PodControllerRefManager(
      this.deps.client.resource<Pod>(PODS, namespace),
      set,
      KIND,
      (pod) => select(pod.metadata?.labels) && isMemberOf(set, pod),
      canAdopt,
    );
    const pods = await manager.claimPods(this.podInformer.list(namespace));
    const status = await this.control.updateStatefulSet(set, pods);
    const minReadySeconds = set.spec?.minReadySeconds ?? 0;
    if (status && minReadySeconds > 0 && status.availableReplicas !== (set.spec?.replicas ?? 1)) {
      this.queue.addAfter(key, minReadySeconds * 1000);
    }
  }
}
