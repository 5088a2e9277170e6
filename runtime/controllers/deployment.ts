import { clone } from '../api/object';
import { StatusError } from '../api/status';
import type { Clock } from '../clock';
import { hasStatusCause, type ResourceClient, type RestClient } from '../client/rest-client';
import { DEPLOYMENTS, PODS, REPLICASETS } from '../client/resources';
import { parseTime } from '../util/time';
import { PodControllerRefManager, recheckDeletionTimestamp } from './controller-ref';
import {
  activeReplicaSets,
  actualReplicas,
  availableReplicas,
  byCreationTimestamp,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  DESIRED_REPLICAS_ANNOTATION,
  equalIgnoreHash,
  FAILED_RS_CREATE_REASON,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  FOUND_NEW_RS_REASON,
  getCondition,
  getProportion,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  MINIMUM_REPLICAS_AVAILABLE,
  MINIMUM_REPLICAS_UNAVAILABLE,
  NEW_REPLICA_SET_REASON,
  NEW_RS_AVAILABLE_REASON,
  newCondition,
  newRSNewReplicas,
  PAUSED_DEPLOY_REASON,
  POD_TEMPLATE_HASH_LABEL,
  readyReplicas,
  removeCondition,
  REPLICA_SET_UPDATED_REASON,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  RESUMED_DEPLOY_REASON,
  REVISION_ANNOTATION,
  setCondition,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicas,
  TIMED_OUT_REASON,
  type Deployment,
  type DeploymentCondition,
  type DeploymentStatus,
} from './deployment-util';
import type { EventRecorder } from './events';
import {
  objectKey,
  tombstoneObject,
  type DeletedFinalStateUnknown,
  type Informer,
  type InformerFactory,
} from './informer';
import { computeHash } from './pod-template-hash';
import { controllerOf, isEmptySelector, labelSelectorMatcher, type Pod } from './pods';
import type { ReplicaSet } from './replicaset';
import { WorkQueue } from './workqueue';

/** kube-controller-manager's --concurrent-deployment-syncs default. */
export const DEFAULT_DEPLOYMENT_WORKERS = 5;
/** A Deployment whose sync failed this often is dropped from the queue (maxRetries). */
export const MAX_RETRIES = 15;

const KIND = { apiVersion: 'apps/v1', kind: 'Deployment' };

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
  private stopped = false;

  constructor(private readonly deps: DeploymentControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.dInformer = deps.informers.informerFor<Deployment>(DEPLOYMENTS);
    this.rsInformer = deps.informers.informerFor<ReplicaSet>(REPLICASETS);
    this.podInformer = deps.informers.informerFor<Pod>(PODS);
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
    await Promise.all(Array.from({ length: workers }, () => this.worker()));
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  private async worker(): Promise<void> {
    for (;;) {
      const next = await this.queue.get();
      if (next.shutdown) return;
      const key = next.item;
      try {
        await this.sync(key);
        this.queue.forget(key);
      } catch (error) {
        // handleErr: retried with back-off up to maxRetries, then dropped.
        this.deps.onError?.(key, error);
        if (this.queue.numRequeues(key) < MAX_RETRIES) this.queue.addRateLimited(key);
        else this.queue.forget(key);
      } finally {
        this.queue.done(key);
      }
    }
  }

  private enqueue(d: Deployment): void {
    this.queue.add(objectKey(d));
  }

  /** getDeploymentForReplicaSet's lookup: the Deployment a controller reference names. */
  private resolveControllerRef(namespace: string, ref: { kind: string; name: string; uid: string }) {
    if (ref.kind !== KIND.kind) return undefined;
    const d = this.dInformer.get(namespace, ref.name);
    return d && d.metadata?.uid === ref.uid ? d : undefined;
  }

  /** getDeploymentsForReplicaSet: Deployments whose selector matches an orphan's labels. */
  private deploymentsFor(rs: ReplicaSet): Deployment[] {
    const labels = rs.metadata?.labels;
    if (!labels || Object.keys(labels).length === 0) return [];
    return this.dInformer.list(rs.metadata?.namespace ?? '').filter((d) => {
      const selector = d.spec?.selector;
      return !isEmptySelector(selector) && labelSelectorMatcher(selector)(labels);
    });
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
    const refChanged = JSON.stringify(curRef) !== JSON.stringify(oldRef);
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

  private rsClient(namespace: string): ResourceClient<ReplicaSet> {
    return this.deps.client.resource<ReplicaSet>(REPLICASETS, namespace);
  }

  private dClient(namespace: string): ResourceClient<Deployment> {
    return this.deps.client.resource<Deployment>(DEPLOYMENTS, namespace);
  }

  private record(d: Deployment, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.deps.recorder.event({ ...d, ...KIND }, type, reason, message);
  }

  /** PUT of the Deployment's status as it now stands in `d` (UpdateStatus). */
  private async updateStatus(d: Deployment): Promise<Deployment> {
    const client = this.dClient(d.metadata?.namespace ?? '');
    const written = await client.updateStatus({ ...d, status: serializeStatus(d.status ?? {}) });
    // Kubernetes' deployment status strategy resets only spec and labels, so the revision
    // annotation travels with UpdateStatus; kubeplay's status subresource keeps all metadata,
    // so the annotation goes in a patch of its own.
    const revision = d.metadata?.annotations?.[REVISION_ANNOTATION];
    if (revision === undefined || written.metadata?.annotations?.[REVISION_ANNOTATION] === revision) return written;
    const patch = { metadata: { annotations: { [REVISION_ANNOTATION]: revision } } };
    return client.patch(d.metadata?.name ?? '', 'merge', patch);
  }

  /** syncDeployment: one reconciliation of the Deployment at `key`; throws to be retried. */
  async sync(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const cached = this.dInformer.get(namespace, name);
    if (!cached) return;
    const d = clone({ ...cached, ...KIND });
    if (isEmptySelector(d.spec?.selector)) {
      this.record(
        d,
        'Warning',
        'SelectingAll',
        'This deployment is selecting all pods. A non-empty selector is required.',
      );
      if ((d.status?.observedGeneration ?? 0) < (d.metadata?.generation ?? 0)) {
        d.status = { ...d.status, observedGeneration: d.metadata?.generation };
        await this.updateStatus(d);
      }
      return;
    }
    const rsList = await this.replicaSetsFor(d);
    const podMap = this.podMapFor(d, rsList);
    if (d.metadata?.deletionTimestamp) {
      await this.syncStatusOnly(d, rsList);
      return;
    }
    await this.checkPausedConditions(d);
    if (d.spec?.paused) {
      await this.syncScale(d, rsList);
      return;
    }
    if (await this.isScalingEvent(d, rsList)) {
      await this.syncScale(d, rsList);
      return;
    }
    switch (d.spec?.strategy?.type) {
      case 'Recreate':
        await this.rolloutRecreate(d, rsList, podMap);
        return;
      case 'RollingUpdate':
        await this.rolloutRolling(d, rsList);
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
      this.rsClient(namespace) as unknown as ResourceClient<Pod>,
      d,
      KIND,
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

  /** checkPausedConditions: Progressing Unknown with DeploymentPaused / DeploymentResumed. */
  private async checkPausedConditions(d: Deployment): Promise<void> {
    if (!hasProgressDeadline(d)) return;
    const status = (d.status ??= {});
    const cond = getCondition(status, 'Progressing');
    if (cond?.reason === TIMED_OUT_REASON) return;
    const pausedExists = cond?.reason === PAUSED_DEPLOY_REASON;
    const now = this.deps.clock.now();
    if (d.spec?.paused && !pausedExists) {
      setCondition(status, newCondition(now, 'Progressing', 'Unknown', PAUSED_DEPLOY_REASON, 'Deployment is paused'));
    } else if (!d.spec?.paused && pausedExists) {
      setCondition(status, newCondition(now, 'Progressing', 'Unknown', RESUMED_DEPLOY_REASON, 'Deployment is resumed'));
    } else return;
    await this.updateStatus(d);
  }

  /** getAllReplicaSetsAndSyncRevision. */
  private async allReplicaSetsAndSyncRevision(
    d: Deployment,
    rsList: ReplicaSet[],
    createIfNotExisted: boolean,
  ): Promise<{ newRS: ReplicaSet | undefined; oldRSs: ReplicaSet[] }> {
    const { allOld } = findOldReplicaSets(d, rsList);
    const newRS = await this.getNewReplicaSet(d, rsList, allOld, createIfNotExisted);
    return { newRS, oldRSs: allOld };
  }

  /** getNewReplicaSet: syncs the new ReplicaSet's annotations, or creates it. */
  private async getNewReplicaSet(
    d: Deployment,
    rsList: ReplicaSet[],
    oldRSs: ReplicaSet[],
    createIfNotExisted: boolean,
  ): Promise<ReplicaSet | undefined> {
    const namespace = d.metadata?.namespace ?? '';
    const now = this.deps.clock.now();
    const existing = findNewReplicaSet(d, rsList);
    const newRevision = String(maxRevision(oldRSs) + 1);
    const status = (d.status ??= {});
    if (existing) {
      const rsCopy = clone(existing);
      const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
      const minReadyNeedsUpdate = (rsCopy.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0);
      if (annotationsUpdated || minReadyNeedsUpdate) {
        (rsCopy.spec ??= {}).minReadySeconds = d.spec?.minReadySeconds;
        return this.rsClient(namespace).update(rsCopy);
      }
      let needsUpdate = setDeploymentRevision(d, rsCopy.metadata?.annotations?.[REVISION_ANNOTATION]);
      if (hasProgressDeadline(d) && !getCondition(status, 'Progressing')) {
        const msg = `Found new replica set "${rsCopy.metadata?.name}"`;
        setCondition(status, newCondition(now, 'Progressing', 'True', FOUND_NEW_RS_REASON, msg));
        needsUpdate = true;
      }
      if (needsUpdate) await this.updateStatus(d);
      return rsCopy;
    }
    if (!createIfNotExisted) return undefined;

    const template = clone(d.spec?.template ?? {});
    const hash = computeHash(template, status.collisionCount);
    const templateMeta = (template.metadata ??= {});
    templateMeta.labels = { ...templateMeta.labels, [POD_TEMPLATE_HASH_LABEL]: hash };
    const selector = clone(d.spec?.selector ?? {});
    selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH_LABEL]: hash };
    const rsName = `${d.metadata?.name}-${hash}`;
    const newRS: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace,
        labels: { ...templateMeta.labels },
        ownerReferences: [
          {
            ...KIND,
            name: d.metadata?.name ?? '',
            uid: d.metadata?.uid ?? '',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: { replicas: 0, minReadySeconds: d.spec?.minReadySeconds, selector, template },
    };
    const replicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
    (newRS.spec ??= {}).replicas = replicas;
    setNewReplicaSetAnnotations(d, newRS, newRevision, false);
    let created: ReplicaSet;
    let alreadyExists = false;
    try {
      created = await this.rsClient(namespace).create(newRS);
    } catch (error) {
      if (error instanceof StatusError && error.status.code === 409) {
        alreadyExists = true;
        const rs = this.rsInformer.get(namespace, rsName);
        if (!rs) throw error;
        const ref = controllerOf(rs);
        if (!(ref?.uid === d.metadata?.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template))) {
          // A hash collision: bump collisionCount and try again with the next hash.
          status.collisionCount = (status.collisionCount ?? 0) + 1;
          await this.updateStatus(d).catch(() => undefined);
          throw error;
        }
        created = rs;
      } else if (hasStatusCause(error, 'NamespaceTerminating')) {
        throw error;
      } else {
        const msg = `Failed to create new replica set "${rsName}": ${(error as Error).message}`;
        if (hasProgressDeadline(d)) {
          setCondition(status, newCondition(now, 'Progressing', 'False', FAILED_RS_CREATE_REASON, msg));
          await this.updateStatus(d).catch(() => undefined);
        }
        this.record(d, 'Warning', FAILED_RS_CREATE_REASON, msg);
        throw error;
      }
    }
    if (!alreadyExists && replicas > 0) {
      this.record(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${created.metadata?.name} from 0 to ${replicas}`,
      );
    }
    let needsUpdate = setDeploymentRevision(d, newRevision);
    if (!alreadyExists && hasProgressDeadline(d)) {
      const msg = `Created new replica set "${created.metadata?.name}"`;
      setCondition(status, newCondition(now, 'Progressing', 'True', NEW_REPLICA_SET_REASON, msg));
      needsUpdate = true;
    }
    if (needsUpdate) await this.updateStatus(d);
    return created;
  }

  /** sync: proportional scaling (paused Deployments and scaling events), cleanup when paused. */
  private async syncScale(d: Deployment, rsList: ReplicaSet[]): Promise<void> {
    const { newRS, oldRSs } = await this.allReplicaSetsAndSyncRevision(d, rsList, false);
    await this.scale(d, newRS, oldRSs);
    if (d.spec?.paused) await this.cleanupDeployment(oldRSs, d);
    await this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
  }

  private async syncStatusOnly(d: Deployment, rsList: ReplicaSet[]): Promise<void> {
    const { newRS, oldRSs } = await this.allReplicaSetsAndSyncRevision(d, rsList, false);
    await this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
  }

  /** isScalingEvent: an active ReplicaSet's desired-replicas differs from spec.replicas. */
  private async isScalingEvent(d: Deployment, rsList: ReplicaSet[]): Promise<boolean> {
    const { newRS, oldRSs } = await this.allReplicaSetsAndSyncRevision(d, rsList, false);
    for (const rs of activeReplicaSets([...oldRSs, newRS])) {
      const text = rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION];
      if (text === undefined || !/^[+-]?\d+$/.test(text)) continue;
      if (Number(text) !== replicasOf(d)) return true;
    }
    return false;
  }

  /** scale: the one active ReplicaSet to spec.replicas, or all of them in proportion. */
  private async scale(d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): Promise<void> {
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (replicasOf(activeOrLatest) === replicasOf(d)) return;
      await this.scaleReplicaSetAndRecordEvent(activeOrLatest, replicasOf(d), d);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of activeReplicaSets(oldRSs)) await this.scaleReplicaSetAndRecordEvent(old, 0, d);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const allRSs = activeReplicaSets([...oldRSs, newRS]);
    const allowedSize = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
    const toAdd = allowedSize - specReplicas(allRSs);
    let operation = '';
    if (toAdd > 0) {
      allRSs.sort(bySizeNewer);
      operation = 'up';
    } else if (toAdd < 0) {
      allRSs.sort(bySizeOlder);
      operation = 'down';
    }
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of allRSs) {
      const name = rs.metadata?.name ?? '';
      if (toAdd !== 0) {
        const proportion = getProportion(rs, d, toAdd, added);
        sizes.set(name, replicasOf(rs) + proportion);
        added += proportion;
      } else sizes.set(name, replicasOf(rs));
    }
    for (const [i, rs] of allRSs.entries()) {
      const name = rs.metadata?.name ?? '';
      if (i === 0 && toAdd !== 0) sizes.set(name, Math.max(0, (sizes.get(name) ?? 0) + toAdd - added));
      await this.scaleReplicaSet(rs, sizes.get(name) ?? 0, d, operation);
    }
  }

  private async scaleReplicaSetAndRecordEvent(
    rs: ReplicaSet,
    newScale: number,
    d: Deployment,
  ): Promise<{ scaled: boolean; rs: ReplicaSet }> {
    if (replicasOf(rs) === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, d, replicasOf(rs) < newScale ? 'up' : 'down');
  }

  /** scaleReplicaSet: a PUT of the new size and the replicas annotations, and the event. */
  private async scaleReplicaSet(
    rs: ReplicaSet,
    newScale: number,
    d: Deployment,
    operation: string,
  ): Promise<{ scaled: boolean; rs: ReplicaSet }> {
    const sizeNeedsUpdate = replicasOf(rs) !== newScale;
    const max = replicasOf(d) + maxSurge(d);
    if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, replicasOf(d), max)) return { scaled: false, rs };
    const oldScale = replicasOf(rs);
    const copy = clone(rs);
    (copy.spec ??= {}).replicas = newScale;
    setReplicasAnnotations(copy, replicasOf(d), max);
    const updated = await this.rsClient(rs.metadata?.namespace ?? '').update(copy);
    if (sizeNeedsUpdate) {
      const message = `Scaled ${operation} replica set ${updated.metadata?.name} from ${oldScale} to ${newScale}`;
      this.record(d, 'Normal', 'ScalingReplicaSet', message);
    }
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  /** cleanupDeployment: deletes the oldest idle ReplicaSets beyond revisionHistoryLimit. */
  private async cleanupDeployment(oldRSs: ReplicaSet[], d: Deployment): Promise<void> {
    if (!hasRevisionHistoryLimit(d)) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata?.deletionTimestamp);
    const diff = cleanable.length - (d.spec?.revisionHistoryLimit ?? 0);
    if (diff <= 0) return;
    cleanable.sort(byRevision);
    for (const rs of cleanable.slice(0, diff)) {
      if (
        (rs.status?.replicas ?? 0) !== 0 ||
        replicasOf(rs) !== 0 ||
        (rs.metadata?.generation ?? 0) > (rs.status?.observedGeneration ?? 0) ||
        rs.metadata?.deletionTimestamp
      ) {
        continue;
      }
      try {
        await this.rsClient(rs.metadata?.namespace ?? '').delete(rs.metadata?.name ?? '');
      } catch (error) {
        if (!(error instanceof StatusError && error.status.code === 404)) throw error;
      }
    }
  }

  /** calculateStatus: counts over the ReplicaSets and the Available condition. */
  private calculateStatus(allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined, d: Deployment) {
    const available = availableReplicas(allRSs);
    const status: DeploymentStatus = {
      observedGeneration: d.metadata?.generation,
      replicas: actualReplicas(allRSs),
      updatedReplicas: actualReplicas([newRS]),
      readyReplicas: readyReplicas(allRSs),
      availableReplicas: available,
      unavailableReplicas: Math.max(0, specReplicas(allRSs) - available),
      collisionCount: d.status?.collisionCount,
      conditions: (d.status?.conditions ?? []).map((c) => ({ ...c })),
    };
    const now = this.deps.clock.now();
    if (available >= replicasOf(d) - maxUnavailable(d)) {
      const msg = 'Deployment has minimum availability.';
      setCondition(status, newCondition(now, 'Available', 'True', MINIMUM_REPLICAS_AVAILABLE, msg));
    } else {
      const msg = 'Deployment does not have minimum availability.';
      setCondition(status, newCondition(now, 'Available', 'False', MINIMUM_REPLICAS_UNAVAILABLE, msg));
    }
    return status;
  }

  /** syncDeploymentStatus: writes the calculated status if it differs. */
  private async syncDeploymentStatus(
    allRSs: Array<ReplicaSet | undefined>,
    newRS: ReplicaSet | undefined,
    d: Deployment,
  ): Promise<void> {
    const status = this.calculateStatus(allRSs, newRS, d);
    if (sameStatus(d.status, status)) return;
    d.status = status;
    await this.updateStatus(d);
  }

  /** syncRolloutStatus: the status with the Progressing condition, then a requeue if stuck. */
  private async syncRolloutStatus(
    allRSs: Array<ReplicaSet | undefined>,
    newRS: ReplicaSet | undefined,
    d: Deployment,
  ): Promise<void> {
    const status = this.calculateStatus(allRSs, newRS, d);
    const now = this.deps.clock.now();
    if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
    const current = getCondition(d.status, 'Progressing');
    const isComplete = status.replicas === status.updatedReplicas && current?.reason === NEW_RS_AVAILABLE_REASON;
    if (hasProgressDeadline(d) && !isComplete) {
      const subject = newRS ? `ReplicaSet "${newRS.metadata?.name}"` : `Deployment "${d.metadata?.name}"`;
      if (deploymentComplete(d, status)) {
        const msg = `${subject} has successfully progressed.`;
        setCondition(status, newCondition(now, 'Progressing', 'True', NEW_RS_AVAILABLE_REASON, msg));
      } else if (deploymentProgressing(d, status)) {
        const condition: DeploymentCondition = newCondition(
          now,
          'Progressing',
          'True',
          REPLICA_SET_UPDATED_REASON,
          `${subject} is progressing.`,
        );
        if (current) {
          if (current.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
          removeCondition(status, 'Progressing');
        }
        setCondition(status, condition);
      } else if (deploymentTimedOut(d, status, now)) {
        const msg = `${subject} has timed out progressing.`;
        setCondition(status, newCondition(now, 'Progressing', 'False', TIMED_OUT_REASON, msg));
      }
    }
    const failures = replicaFailures(allRSs, newRS);
    if (failures.length > 0) setCondition(status, failures[0]);
    else removeCondition(status, 'ReplicaFailure');
    if (sameStatus(d.status, status)) {
      this.requeueStuckDeployment(d, status);
      return;
    }
    d.status = status;
    await this.updateStatus(d);
  }

  /** requeueStuckDeployment: a progress check when the deadline would pass. */
  private requeueStuckDeployment(d: Deployment, status: DeploymentStatus): void {
    const current = getCondition(d.status, 'Progressing');
    if (!hasProgressDeadline(d) || !current) return;
    if (deploymentComplete(d, status) || current.reason === TIMED_OUT_REASON) return;
    const lastUpdate = parseTime(current.lastUpdateTime) ?? 0;
    const after = lastUpdate + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - this.deps.clock.now();
    if (after < 1000) this.queue.addRateLimited(objectKey(d));
    // A second more, against milliseconds of skew (kubernetes#39785).
    else this.queue.addAfter(objectKey(d), after + 1000);
  }

  /** rolloutRolling: scale the new ReplicaSet up, then old ones down, within the fenceposts. */
  private async rolloutRolling(d: Deployment, rsList: ReplicaSet[]): Promise<void> {
    const { newRS, oldRSs } = await this.allReplicaSetsAndSyncRevision(d, rsList, true);
    const allRSs = [...oldRSs, newRS];
    if (newRS && (await this.reconcileNewReplicaSet(allRSs, newRS, d))) {
      await this.syncRolloutStatus(allRSs, newRS, d);
      return;
    }
    if (newRS && (await this.reconcileOldReplicaSets(allRSs, activeReplicaSets(oldRSs), newRS, d))) {
      await this.syncRolloutStatus(allRSs, newRS, d);
      return;
    }
    if (deploymentComplete(d, d.status ?? {})) await this.cleanupDeployment(oldRSs, d);
    await this.syncRolloutStatus(allRSs, newRS, d);
  }

  private async reconcileNewReplicaSet(
    allRSs: Array<ReplicaSet | undefined>,
    newRS: ReplicaSet,
    d: Deployment,
  ): Promise<boolean> {
    if (replicasOf(newRS) === replicasOf(d)) return false;
    if (replicasOf(newRS) > replicasOf(d)) {
      return (await this.scaleReplicaSetAndRecordEvent(newRS, replicasOf(d), d)).scaled;
    }
    return (await this.scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(d, allRSs, newRS), d)).scaled;
  }

  private async reconcileOldReplicaSets(
    allRSs: Array<ReplicaSet | undefined>,
    oldRSs: ReplicaSet[],
    newRS: ReplicaSet,
    d: Deployment,
  ): Promise<boolean> {
    if (specReplicas(oldRSs) === 0) return false;
    const minAvailable = replicasOf(d) - maxUnavailable(d);
    const newUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = specReplicas(allRSs) - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;
    let cleaned: { oldRSs: ReplicaSet[]; count: number };
    let scaledDown: number;
    try {
      cleaned = await this.cleanupUnhealthyReplicas(oldRSs, d, maxScaledDown);
      scaledDown = await this.scaleDownOldReplicaSetsForRollingUpdate([...cleaned.oldRSs, newRS], cleaned.oldRSs, d);
    } catch {
      // Upstream drops these errors and reports no scaling; the next sync retries.
      return false;
    }
    return cleaned.count + scaledDown > 0;
  }

  /** cleanupUnhealthyReplicas: scale old ReplicaSets down by their unavailable replicas first. */
  private async cleanupUnhealthyReplicas(
    oldRSs: ReplicaSet[],
    d: Deployment,
    maxCleanup: number,
  ): Promise<{ oldRSs: ReplicaSet[]; count: number }> {
    oldRSs.sort(byCreationTimestamp);
    let total = 0;
    for (const [i, rs] of oldRSs.entries()) {
      if (total >= maxCleanup) break;
      const available = rs.status?.availableReplicas ?? 0;
      if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
      const count = Math.min(maxCleanup - total, replicasOf(rs) - available);
      const result = await this.scaleReplicaSetAndRecordEvent(rs, replicasOf(rs) - count, d);
      total += count;
      oldRSs[i] = result.rs;
    }
    return { oldRSs, count: total };
  }

  /** scaleDownOldReplicaSetsForRollingUpdate: as far as availability above minAvailable allows. */
  private async scaleDownOldReplicaSetsForRollingUpdate(
    allRSs: ReplicaSet[],
    oldRSs: ReplicaSet[],
    d: Deployment,
  ): Promise<number> {
    const minAvailable = replicasOf(d) - maxUnavailable(d);
    const available = availableReplicas(allRSs);
    if (available <= minAvailable) return 0;
    oldRSs.sort(byCreationTimestamp);
    const totalToScaleDown = available - minAvailable;
    let total = 0;
    for (const rs of oldRSs) {
      if (total >= totalToScaleDown) break;
      if (replicasOf(rs) === 0) continue;
      const count = Math.min(replicasOf(rs), totalToScaleDown - total);
      await this.scaleReplicaSetAndRecordEvent(rs, replicasOf(rs) - count, d);
      total += count;
    }
    return total;
  }

  /** rolloutRecreate: every old ReplicaSet to 0, wait for their pods to go, then the new one up. */
  private async rolloutRecreate(d: Deployment, rsList: ReplicaSet[], podMap: Map<string, Pod[]>): Promise<void> {
    let { newRS, oldRSs } = await this.allReplicaSetsAndSyncRevision(d, rsList, false);
    let allRSs = [...oldRSs, newRS];
    let scaledDown = false;
    for (const rs of activeReplicaSets(oldRSs)) {
      if ((await this.scaleReplicaSetAndRecordEvent(rs, 0, d)).scaled) scaledDown = true;
    }
    if (scaledDown || oldPodsRunning(newRS, oldRSs, podMap)) {
      await this.syncRolloutStatus(allRSs, newRS, d);
      return;
    }
    if (!newRS) {
      ({ newRS, oldRSs } = await this.allReplicaSetsAndSyncRevision(d, rsList, true));
      allRSs = [...oldRSs, newRS];
    }
    if (newRS) await this.scaleReplicaSetAndRecordEvent(newRS, replicasOf(d), d);
    if (deploymentComplete(d, d.status ?? {})) await this.cleanupDeployment(oldRSs, d);
    await this.syncRolloutStatus(allRSs, newRS, d);
  }
}

/** oldPodsRunning: old ReplicaSets still report replicas, or hold pods not yet terminal. */
function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[], podMap: Map<string, Pod[]>): boolean {
  if (actualReplicas(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata?.uid === uid) continue;
    if (pods.some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')) return true;
  }
  return false;
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure conditions, else the others'. */
function replicaFailures(allRSs: Array<ReplicaSet | undefined>, newRS: ReplicaSet | undefined): DeploymentCondition[] {
  const convert = (rs: ReplicaSet | undefined): DeploymentCondition[] =>
    (rs?.status?.conditions ?? [])
      .filter((c) => c.type === 'ReplicaFailure')
      .map((c) => ({
        type: c.type,
        status: c.status,
        lastUpdateTime: c.lastTransitionTime,
        lastTransitionTime: c.lastTransitionTime,
        reason: c.reason,
        message: c.message,
      }));
  const own = convert(newRS);
  return own.length ? own : allRSs.flatMap(convert);
}

/** A status as Go serialises apps/v1 DeploymentStatus: zeros and empty lists left out. */
function serializeStatus(status: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  if (status.observedGeneration) out.observedGeneration = status.observedGeneration;
  if (status.replicas) out.replicas = status.replicas;
  if (status.updatedReplicas) out.updatedReplicas = status.updatedReplicas;
  if (status.readyReplicas) out.readyReplicas = status.readyReplicas;
  if (status.availableReplicas) out.availableReplicas = status.availableReplicas;
  if (status.unavailableReplicas) out.unavailableReplicas = status.unavailableReplicas;
  if (status.conditions?.length) {
    out.conditions = status.conditions.map((c) => ({
      type: c.type,
      status: c.status,
      lastUpdateTime: c.lastUpdateTime,
      lastTransitionTime: c.lastTransitionTime,
      reason: c.reason,
      message: c.message,
    }));
  }
  if (status.collisionCount !== undefined) out.collisionCount = status.collisionCount;
  return out;
}

/** reflect.DeepEqual of two statuses as they serialise. */
function sameStatus(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
  return JSON.stringify(serializeStatus(a ?? {})) === JSON.stringify(serializeStatus(b));
}
