// The Deployment controller and its sync loop (pkg/controller/deployment, deployment_controller.go).
import { clone } from '../api/object';
import type { Clock } from '../clock';
import type { ResourceClient, RestClient } from '../client/rest-client';
import { DEPLOYMENTS, PODS, REPLICASETS } from '../client/resources';
import {
  PodControllerRefManager,
  recheckDeletionTimestamp,
  resolveControllerRef,
  sameControllerRef,
  selectorsMatching,
} from './controller-ref';
import { checkPausedConditions, updateStatus } from './deployment-progress';
import { rolloutRecreate } from './deployment-recreate';
import { rolloutRolling } from './deployment-rolling';
import { isScalingEvent, syncScale, syncStatusOnly } from './deployment-sync';
import { DEPLOYMENT_KIND, type Deployment } from './deployment-util';
import type { EventRecorder } from './events';
import {
  objectKey,
  tombstoneObject,
  type DeletedFinalStateUnknown,
  type Informer,
  type InformerFactory,
} from './informer';
import { controllerOf, isEmptySelector, labelSelectorMatcher, type Pod } from './pods';
import type { ReplicaSet } from './replicaset';
import { processQueue, WorkQueue } from './workqueue';

/** kube-controller-manager's --concurrent-deployment-syncs default. */
export const DEFAULT_DEPLOYMENT_WORKERS = 5;
/** A Deployment whose sync failed this often is dropped from the queue (maxRetries). */
export const MAX_RETRIES = 15;

/**
 * What the sync, rollout and progress helpers use of the controller (the receiver of upstream's
 * methods): the clock, the work queue, the ReplicaSet cache, clients, events and status writes.
 */
export interface DeploymentContext {
  clock: Clock;
  queue: WorkQueue<string>;
  rsInformer: Informer<ReplicaSet>;
  /** The ReplicaSets client of a namespace. */
  rsClient(namespace: string): ResourceClient<ReplicaSet>;
  /** An Event about the Deployment. */
  record(d: Deployment, type: 'Normal' | 'Warning', reason: string, message: string): void;
  /** PUT of the Deployment's status as it now stands in `d` (UpdateStatus). */
  updateStatus(d: Deployment): Promise<Deployment>;
}

/** What the controller needs: an API client, shared informers, the clock and an event recorder. */
export interface DeploymentControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/**
 * The Deployment controller (pkg/controller/deployment): level-triggered over the Deployment,
 * ReplicaSet and Pod informers. A sync of `namespace/name` claims the ReplicaSets the selector
 * matches, then either only writes status (being deleted), scales proportionally (paused, or a
 * change of spec.replicas), or rolls out: RollingUpdate within maxSurge/maxUnavailable, or
 * Recreate (old pods gone before new ones start). The new ReplicaSet is `<name>-<hash>` with the
 * pod-template-hash label, revision annotations move forward, old ReplicaSets beyond
 * revisionHistoryLimit are deleted, and the Progressing and Available conditions report progress
 * against progressDeadlineSeconds on the injected clock.
 */
export class DeploymentController {
  readonly queue: WorkQueue<string>;
  private readonly dInformer: Informer<Deployment>;
  private readonly rsInformer: Informer<ReplicaSet>;
  private readonly podInformer: Informer<Pod>;
  private readonly ctx: DeploymentContext;
  private stopped = false;

  constructor(private readonly deps: DeploymentControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.dInformer = deps.informers.informerFor<Deployment>(DEPLOYMENTS);
    this.rsInformer = deps.informers.informerFor<ReplicaSet>(REPLICASETS);
    this.podInformer = deps.informers.informerFor<Pod>(PODS);
    this.ctx = {
      clock: deps.clock,
      queue: this.queue,
      rsInformer: this.rsInformer,
      rsClient: (namespace) => deps.client.resource<ReplicaSet>(REPLICASETS, namespace),
      record: (d, type, reason, message) => deps.recorder.event({ ...d, ...DEPLOYMENT_KIND }, type, reason, message),
      updateStatus: (d) => updateStatus(this.dClient(d.metadata?.namespace ?? ''), d),
    };
    this.dInformer.addEventHandler({
      add: (d) => this.enqueue(d),
      update: (_old, cur) => this.enqueue(cur),
      delete: (d) => this.enqueue(tombstoneObject(d)),
    });
    this.rsInformer.addEventHandler({
      add: (rs) => this.addReplicaSet(rs),
      update: (old, cur) => this.updateReplicaSet(old, cur),
      delete: (rs) => this.deleteReplicaSet(rs),
    });
    this.podInformer.addEventHandler({ delete: (pod) => this.deletePod(pod) });
  }

  /** Waits for the caches, then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_DEPLOYMENT_WORKERS): Promise<void> {
    await Promise.all([this.dInformer.waitForSync(), this.rsInformer.waitForSync(), this.podInformer.waitForSync()]);
    if (this.stopped) return;
    // handleErr: retried with back-off up to MAX_RETRIES times, then dropped.
    await processQueue(this.queue, workers, (key) => this.sync(key), this.deps.onError, MAX_RETRIES);
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  private enqueue(d: Deployment): void {
    this.queue.add(objectKey(d));
  }

  /** getDeploymentForReplicaSet's lookup: the Deployment a controller reference names. */
  private resolveControllerRef(namespace: string, ref: { kind: string; name: string; uid: string }) {
    return resolveControllerRef(this.dInformer, DEPLOYMENT_KIND.kind, namespace, ref);
  }

  /** getDeploymentsForReplicaSet: Deployments whose selector matches an orphan's labels. */
  private deploymentsFor(rs: ReplicaSet): Deployment[] {
    return selectorsMatching(this.dInformer, rs.metadata?.namespace ?? '', rs.metadata?.labels);
  }

  private addReplicaSet(rs: ReplicaSet): void {
    if (rs.metadata?.deletionTimestamp) {
      this.deleteReplicaSet(rs);
      return;
    }
    const ref = controllerOf(rs);
    if (ref) {
      const d = this.resolveControllerRef(rs.metadata?.namespace ?? '', ref);
      if (d) this.enqueue(d);
      return;
    }
    for (const d of this.deploymentsFor(rs)) this.enqueue(d);
  }

  private updateReplicaSet(old: ReplicaSet, cur: ReplicaSet): void {
    if (cur.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !sameControllerRef(curRef, oldRef);
    if (refChanged && oldRef) {
      const d = this.resolveControllerRef(old.metadata?.namespace ?? '', oldRef);
      if (d) this.enqueue(d);
    }
    if (curRef) {
      const d = this.resolveControllerRef(cur.metadata?.namespace ?? '', curRef);
      if (d) this.enqueue(d);
      return;
    }
    const labelChanged = JSON.stringify(cur.metadata?.labels ?? {}) !== JSON.stringify(old.metadata?.labels ?? {});
    if (labelChanged || refChanged) for (const d of this.deploymentsFor(cur)) this.enqueue(d);
  }

  private deleteReplicaSet(object: ReplicaSet | DeletedFinalStateUnknown<ReplicaSet>): void {
    const rs = tombstoneObject(object);
    const ref = controllerOf(rs);
    if (!ref) return;
    const d = this.resolveControllerRef(rs.metadata?.namespace ?? '', ref);
    if (d) this.enqueue(d);
  }

  /** deletePod: a Recreate Deployment waits for its last old pod to go. */
  private deletePod(object: Pod | DeletedFinalStateUnknown<Pod>): void {
    const pod = tombstoneObject(object);
    const ref = controllerOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return;
    const namespace = pod.metadata?.namespace ?? '';
    const rs = this.rsInformer.get(namespace, ref.name);
    if (!rs || rs.metadata?.uid !== ref.uid) return;
    const dRef = controllerOf(rs);
    const d = dRef && this.resolveControllerRef(namespace, dRef);
    if (!d || d.spec?.strategy?.type !== 'Recreate') return;
    const rsList = this.rsInformer
      .list(namespace)
      .filter(
        (r) => controllerOf(r)?.uid === d.metadata?.uid && labelSelectorMatcher(d.spec?.selector)(r.metadata?.labels),
      );
    const podMap = this.podMapFor(d, rsList);
    if ([...podMap.values()].every((pods) => pods.length === 0)) this.enqueue(d);
  }

  private dClient(namespace: string): ResourceClient<Deployment> {
    return this.deps.client.resource<Deployment>(DEPLOYMENTS, namespace);
  }

  /** syncDeployment: one reconciliation of the Deployment at `key`; throws to be retried. */
  async sync(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const cached = this.dInformer.get(namespace, name);
    if (!cached) return;
    const d = clone({ ...cached, ...DEPLOYMENT_KIND });
    if (isEmptySelector(d.spec?.selector)) {
      this.ctx.record(
        d,
        'Warning',
        'SelectingAll',
        'This deployment is selecting all pods. A non-empty selector is required.',
      );
      if ((d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) {
        d.status = { ...d.status, observedGeneration: d.metadata?.generation };
        await this.ctx.updateStatus(d);
      }
      return;
    }
    const rsList = await this.replicaSetsFor(d);
    if (d.metadata?.deletionTimestamp) {
      await syncStatusOnly(this.ctx, d, rsList);
      return;
    }
    await checkPausedConditions(this.ctx, d);
    if (d.spec?.paused) {
      await syncScale(this.ctx, d, rsList);
      return;
    }
    if (await isScalingEvent(this.ctx, d, rsList)) {
      await syncScale(this.ctx, d, rsList);
      return;
    }
    switch (d.spec?.strategy?.type) {
      case 'Recreate':
        // Only Recreate reads the pods (upstream builds the map on every sync; it costs O(pods) here).
        await rolloutRecreate(this.ctx, d, rsList, this.podMapFor(d, rsList));
        return;
      case 'RollingUpdate':
        await rolloutRolling(this.ctx, d, rsList);
        return;
    }
    throw new Error(`unexpected deployment strategy type: ${d.spec?.strategy?.type}`);
  }

  /** getReplicaSetsForDeployment: the namespace's ReplicaSets, adopted or released by selector. */
  private async replicaSetsFor(d: Deployment): Promise<ReplicaSet[]> {
    const namespace = d.metadata?.namespace ?? '';
    const match = labelSelectorMatcher(d.spec?.selector);
    const uid = d.metadata?.uid ?? '';
    const manager = new PodControllerRefManager(
      this.ctx.rsClient(namespace) as unknown as ResourceClient<Pod>,
      d,
      DEPLOYMENT_KIND,
      (rs) => match(rs.metadata?.labels),
      recheckDeletionTimestamp(async () => {
        const fresh = await this.dClient(namespace).get(d.metadata?.name ?? '');
        if (fresh.metadata?.uid !== uid) {
          throw new Error(
            `original Deployment ${namespace}/${d.metadata?.name} is gone: got uid ${fresh.metadata?.uid}, wanted ${uid}`,
          );
        }
        return fresh;
      }),
    );
    return (await manager.claimPods(this.rsInformer.list(namespace) as Pod[])) as ReplicaSet[];
  }

  /** getPodMapForDeployment: the Deployment's pods by the UID of the ReplicaSet that owns them. */
  private podMapFor(d: Deployment, rsList: ReplicaSet[]): Map<string, Pod[]> {
    const map = new Map<string, Pod[]>(rsList.map((rs) => [rs.metadata?.uid ?? '', []]));
    const match = labelSelectorMatcher(d.spec?.selector);
    for (const pod of this.podInformer.list(d.metadata?.namespace ?? '')) {
      if (!match(pod.metadata?.labels)) continue;
      const ref = controllerOf(pod);
      if (ref && map.has(ref.uid)) map.get(ref.uid)?.push(pod);
    }
    return map;
  }
}
