import { clone, type KubeObject } from '../api/object';
import { StatusError } from '../api/status';
import type { Clock } from '../clock';
import { hasStatusCause, type RestClient } from '../client/rest-client';
import { PODS, REPLICASETS } from '../client/resources';
import { formatTime } from '../util/time';
import {
  PodControllerRefManager,
  recheckDeletionTimestamp,
  resolveControllerRef,
  sameControllerRef,
  sameLabels,
  selectorsMatching,
} from './controller-ref';
import type { EventRecorder } from './events';
import { ControllerExpectations } from './expectations';
import { ControlledPodCounts } from './replicaset-counts';
import {
  objectKey,
  tombstoneObject,
  type DeletedFinalStateUnknown,
  type Informer,
  type InformerFactory,
} from './informer';
import {
  controllerOf,
  isPodActive,
  isPodAvailable,
  isPodReady,
  labelSelectorMatcher,
  podsToDelete,
  type LabelSelectorSpec,
  type Pod,
} from './pods';
import { processQueue, WorkQueue } from './workqueue';

/** apps/v1 ReplicaSet, the fields the controller reads and writes. */
export interface ReplicaSet extends KubeObject {
  spec?: {
    replicas?: number;
    minReadySeconds?: number;
    selector?: LabelSelectorSpec;
    template?: { metadata?: KubeObject['metadata']; spec?: Record<string, unknown> };
  };
  status?: ReplicaSetStatus;
}

/** apps/v1 ReplicaSetStatus. */
export interface ReplicaSetStatus {
  replicas?: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaSetCondition[];
}

/** apps/v1 ReplicaSetCondition. */
export interface ReplicaSetCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** How many pods one sync creates or deletes at most (replicaset.BurstReplicas). */
export const BURST_REPLICAS = 500;
/** Creation batches start at this size and double (controller.SlowStartInitialBatchSize). */
export const SLOW_START_INITIAL_BATCH_SIZE = 1;
/** kube-controller-manager's --concurrent-replicaset-syncs default. */
export const DEFAULT_WORKERS = 5;

const KIND = { apiVersion: 'apps/v1', kind: 'ReplicaSet' };
const POD_OWNER_INDEX = 'podControllerUID';
const RS_OWNER_INDEX = 'controllerUID';
const orphanKey = (namespace: string): string => `_ORPHAN_POD/${namespace}`;
const podKey = (pod: Pod): string => `${pod.metadata?.namespace}/${pod.metadata?.name}`;

/**
 * slowStartBatch: calls `fn` `count` times in batches of 1, 2, 4, … (each batch concurrently);
 * after a batch with a failure the rest are skipped. Resolves the number of successes and the
 * first error.
 */
export async function slowStartBatch(
  count: number,
  initialBatchSize: number,
  fn: () => Promise<void>,
): Promise<{ successes: number; error?: Error }> {
  let remaining = count;
  let successes = 0;
  for (let size = Math.min(remaining, initialBatchSize); size > 0; size = Math.min(2 * size, remaining)) {
    const results = await Promise.allSettled(Array.from({ length: size }, () => fn()));
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    successes += size - failures.length;
    if (failures.length > 0) return { successes, error: failures[0].reason as Error };
    remaining -= size;
  }
  return { successes };
}

/** What the controller needs: an API client, shared informers, the clock and an event recorder. */
export interface ReplicaSetControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  burstReplicas?: number;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/**
 * The ReplicaSet controller (pkg/controller/replicaset/replica_set.go): level-triggered over the
 * ReplicaSet and Pod informers. A sync of `namespace/name` claims the pods (adopting matching
 * orphans, releasing pods whose labels no longer match), creates pods from the template in
 * slow-start batches or deletes the surplus ranked as getPodsToDelete does, guarded by
 * expectations so that it never acts twice on one observation, then writes the status through
 * the status subresource. Failed syncs are retried with the workqueue's back-off.
 */
export class ReplicaSetController {
  readonly queue: WorkQueue<string>;
  readonly expectations: ControllerExpectations;
  private readonly rsInformer: Informer<ReplicaSet>;
  private readonly podInformer: Informer<Pod>;
  private readonly burstReplicas: number;
  /** What each ReplicaSet's controlled pods count for its status, kept from the pod events. */
  private readonly counts = new ControlledPodCounts();
  /** The client pods are created through: bodies handed over, results shared. */
  private readonly podCreator: RestClient;
  private stopped = false;

  constructor(private readonly deps: ReplicaSetControllerDeps) {
    // Each pod is built for its create alone, and only its name is read back.
    this.podCreator = deps.client.withOptions({ handOverBodies: true, sharedResults: true });
    this.queue = new WorkQueue<string>(deps.clock);
    this.expectations = new ControllerExpectations(deps.clock);
    this.burstReplicas = deps.burstReplicas ?? BURST_REPLICAS;
    this.rsInformer = deps.informers.informerFor<ReplicaSet>(REPLICASETS);
    this.podInformer = deps.informers.informerFor<Pod>(PODS);
    this.rsInformer.addIndexer(RS_OWNER_INDEX, (rs) => {
      const ref = controllerOf(rs);
      return ref ? [ref.uid] : [];
    });
    this.podInformer.addIndexer(POD_OWNER_INDEX, (pod) => [
      controllerOf(pod)?.uid ?? orphanKey(pod.metadata?.namespace ?? ''),
    ]);
    this.rsInformer.addEventHandler({
      add: (rs) => this.enqueue(rs),
      update: (old, cur) => this.updateRS(old, cur),
      delete: (rs) => this.deleteRS(rs),
    });
    this.podInformer.addEventHandler({
      add: (pod) => {
        this.counts.podChanged(objectKey(pod), pod);
        this.addPod(pod);
      },
      update: (old, cur) => {
        this.counts.podChanged(objectKey(cur), cur);
        this.updatePod(old, cur);
      },
      delete: (pod) => {
        this.counts.podChanged(objectKey(pod), undefined);
        this.deletePod(pod);
      },
    });
  }

  /** Waits for both caches, then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_WORKERS): Promise<void> {
    await Promise.all([this.rsInformer.waitForSync(), this.podInformer.waitForSync()]);
    if (this.stopped) return;
    await processQueue(this.queue, workers, (key) => this.sync(key), this.deps.onError);
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  private enqueue(rs: ReplicaSet): void {
    this.queue.add(objectKey(rs));
  }

  private updateRS(old: ReplicaSet, cur: ReplicaSet): void {
    if (old.metadata?.uid !== cur.metadata?.uid) {
      this.deleteRS({ key: objectKey(old), obj: old, finalStateUnknown: true });
    }
    // Every update syncs, so a resync retries ReplicaSets whose creations failed.
    this.enqueue(cur);
  }

  private deleteRS(object: ReplicaSet | DeletedFinalStateUnknown<ReplicaSet>): void {
    const rs = tombstoneObject(object);
    this.counts.forget(rs.metadata?.uid ?? '');
    const key = objectKey(rs);
    this.expectations.delete(key);
    this.queue.add(key);
  }

  /** The ReplicaSet a controller reference names, if it is that very object. */
  private resolveControllerRef(
    namespace: string,
    ref: { kind: string; name: string; uid: string },
  ): ReplicaSet | undefined {
    return resolveControllerRef(this.rsInformer, KIND.kind, namespace, ref);
  }

  /** The ReplicaSets whose selector matches the pod (the lister's GetPodReplicaSets). */
  private podReplicaSets(pod: Pod): ReplicaSet[] {
    return selectorsMatching(this.rsInformer, pod.metadata?.namespace ?? '', pod.metadata?.labels);
  }

  private addPod(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) {
      // A pod already being deleted when the controller first sees it is no creation.
      this.deletePod(pod);
      return;
    }
    const ref = controllerOf(pod);
    if (ref) {
      const rs = this.resolveControllerRef(pod.metadata?.namespace ?? '', ref);
      if (!rs) return;
      const key = objectKey(rs);
      this.expectations.creationObserved(key);
      this.queue.add(key);
      return;
    }
    // An orphan: every matching ReplicaSet may want to adopt it (no creation is observed).
    for (const rs of this.podReplicaSets(pod)) this.enqueue(rs);
  }

  private updatePod(old: Pod, cur: Pod): void {
    if (cur.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    const labelChanged = !sameLabels(cur.metadata?.labels, old.metadata?.labels);
    if (cur.metadata?.deletionTimestamp) {
      // A graceful deletion counts as the deletion: the ReplicaSet replaces the pod at once.
      this.deletePod(cur);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !sameControllerRef(curRef, oldRef);
    const namespace = cur.metadata?.namespace ?? '';
    if (refChanged && oldRef) {
      const rs = this.resolveControllerRef(old.metadata?.namespace ?? '', oldRef);
      if (rs) this.enqueue(rs);
    }
    if (curRef) {
      const rs = this.resolveControllerRef(namespace, curRef);
      if (!rs) return;
      this.enqueue(rs);
      const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(cur) && minReadySeconds > 0) {
        // A second more, against milliseconds of skew (kubernetes#39785).
        this.queue.addAfter(objectKey(rs), minReadySeconds * 1000 + 1000);
      }
      return;
    }
    if (labelChanged || refChanged) for (const rs of this.podReplicaSets(cur)) this.enqueue(rs);
  }

  private deletePod(object: Pod | DeletedFinalStateUnknown<Pod>): void {
    const pod = tombstoneObject(object);
    const ref = controllerOf(pod);
    if (!ref) return;
    const rs = this.resolveControllerRef(pod.metadata?.namespace ?? '', ref);
    if (!rs) return;
    const key = objectKey(rs);
    this.expectations.deletionObserved(key, podKey(pod));
    this.queue.add(key);
  }

  /** syncReplicaSet: one reconciliation of the ReplicaSet at `key`; throws to be retried. */
  async sync(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const rs = this.rsInformer.get(namespace, name);
    if (!rs) {
      this.expectations.delete(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    const claim = this.countClaimed(rs, namespace, needsSync) ?? this.claimPods(rs, namespace, name);
    const { pods, counts } = await claim;
    let manageError: Error | undefined;
    if (needsSync && !rs.metadata?.deletionTimestamp) {
      manageError = await this.manageReplicas(pods?.length ?? counts?.replicas ?? 0, pods, rs, key);
    }
    const status = this.calculateStatus(rs, pods ? this.countPods(rs, pods) : (counts as PodCounts), manageError);
    const updated = await this.updateStatus(rs, status);
    const replicas = updated.spec?.replicas ?? 1;
    const minReadySeconds = updated.spec?.minReadySeconds ?? 0;
    if (
      !manageError &&
      minReadySeconds > 0 &&
      (updated.status?.readyReplicas ?? 0) === replicas &&
      (updated.status?.availableReplicas ?? 0) !== replicas
    ) {
      this.queue.addAfter(key, minReadySeconds * 1000);
    }
    if (manageError) throw manageError;
  }

  /**
   * The claim without walking the pods, from the kept counts, when it needs no request and no
   * list: no controlled pod to release, no orphan to adopt, no pod to delete, and availability
   * that does not depend on the time (minReadySeconds 0). Undefined otherwise.
   */
  private countClaimed(rs: ReplicaSet, namespace: string, needsSync: boolean): Promise<Claimed> | undefined {
    const deleting = !!rs.metadata?.deletionTimestamp;
    if ((rs.spec?.minReadySeconds ?? 0) > 0) return undefined;
    const match = labelSelectorMatcher(rs.spec?.selector);
    for (const orphan of this.podInformer.byIndex(POD_OWNER_INDEX, orphanKey(namespace))) {
      // An orphan the claim would adopt (see PodControllerRefManager.decide).
      if (!deleting && isPodActive(orphan) && match(orphan.metadata?.labels)) return undefined;
    }
    const templateLabels = Object.entries(rs.spec?.template?.metadata?.labels ?? {});
    const rules = { key: JSON.stringify([rs.spec?.selector, templateLabels]), match, templateLabels };
    const uid = rs.metadata?.uid ?? '';
    const counts = this.counts.countsFor(uid, rules, () =>
      this.podInformer.byIndex(POD_OWNER_INDEX, uid).map((pod): [string, Pod] => [objectKey(pod), pod]),
    );
    if (counts.stray > 0 && !deleting) return undefined;
    if (needsSync && !deleting && counts.claimed > (rs.spec?.replicas ?? 1)) return undefined;
    const { claimed, fullyLabeled, ready } = counts;
    // With minReadySeconds 0 every ready pod is available.
    return Promise.resolve({ counts: { replicas: claimed, fullyLabeled, ready, available: ready } });
  }

  /** The claim: claimPods over the controlled pods and the namespace's orphans. */
  private async claimPods(rs: ReplicaSet, namespace: string, name: string): Promise<Claimed> {
    const match = labelSelectorMatcher(rs.spec?.selector);
    const uid = rs.metadata?.uid ?? '';
    // FilterPodsByOwner: the pods it controls and the namespace's orphans.
    const candidates = [
      ...this.podInformer.byIndex(POD_OWNER_INDEX, uid),
      ...this.podInformer.byIndex(POD_OWNER_INDEX, orphanKey(namespace)),
    ];
    const active = candidates.filter(isPodActive);
    const rsClient = this.deps.client.resource<ReplicaSet>(REPLICASETS, namespace);
    const manager = new PodControllerRefManager(
      this.deps.client.resource<Pod>(PODS, namespace),
      rs,
      KIND,
      (pod) => match(pod.metadata?.labels),
      recheckDeletionTimestamp(async () => {
        const fresh = await rsClient.get(name);
        if (fresh.metadata?.uid !== uid) {
          throw new Error(
            `original ReplicaSet ${namespace}/${name} is gone: got uid ${fresh.metadata?.uid}, wanted ${uid}`,
          );
        }
        return fresh;
      }),
    );
    return { pods: await manager.claimPods(active) };
  }

  /** calculateStatus's counts of the claimed pods. */
  private countPods(rs: ReplicaSet, pods: Pod[]): PodCounts {
    const now = this.deps.clock.now();
    const templateLabels = Object.entries(rs.spec?.template?.metadata?.labels ?? {});
    const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
    let fullyLabeled = 0;
    let ready = 0;
    let available = 0;
    for (const pod of pods) {
      const labels = pod.metadata?.labels ?? {};
      if (templateLabels.every(([k, v]) => labels[k] === v)) fullyLabeled++;
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReadySeconds, now)) available++;
      }
    }
    return { replicas: pods.length, fullyLabeled, ready, available };
  }

  /** manageReplicas: creates or deletes pods toward spec.replicas; resolves the first error. */
  private async manageReplicas(
    claimed: number,
    pods: Pod[] | undefined,
    rs: ReplicaSet,
    key: string,
  ): Promise<Error | undefined> {
    let diff = claimed - (rs.spec?.replicas ?? 1);
    if (diff < 0) {
      diff = Math.min(-diff, this.burstReplicas);
      this.expectations.expectCreations(key, diff);
      const { successes, error } = await slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, async () => {
        try {
          await this.createPod(rs);
        } catch (failure) {
          // Nothing can be created in a terminating namespace: not worth a retry.
          if (hasStatusCause(failure, 'NamespaceTerminating')) return;
          throw failure;
        }
      });
      // Pods never attempted will never be observed.
      for (let skipped = diff - successes; skipped > 0; skipped--) this.expectations.creationObserved(key);
      return error;
    }
    if (diff > 0) {
      diff = Math.min(diff, this.burstReplicas);
      // A claim from the counts never leaves pods to delete (see countClaimed).
      const victims = podsToDelete(pods ?? [], this.indirectlyRelatedPods(rs), diff, this.deps.clock.now());
      this.expectations.expectDeletions(key, victims.map(podKey));
      const errors: Error[] = [];
      await Promise.all(
        victims.map(async (pod) => {
          try {
            await this.deletePodOf(rs, pod.metadata?.name ?? '');
          } catch (error) {
            this.expectations.deletionObserved(key, podKey(pod));
            if (!(error instanceof StatusError && error.status.code === 404)) errors.push(error as Error);
          }
        }),
      );
      return errors[0];
    }
    return undefined;
  }

  /** The pods of every ReplicaSet with the same controller (a Deployment's other ReplicaSets). */
  private indirectlyRelatedPods(rs: ReplicaSet): Pod[] {
    const owner = controllerOf(rs);
    if (!owner) return [];
    const seen = new Set<string>();
    const related: Pod[] = [];
    for (const sibling of this.rsInformer.byIndex(RS_OWNER_INDEX, owner.uid)) {
      const matches = labelSelectorMatcher(sibling.spec?.selector);
      for (const pod of this.podInformer.list(sibling.metadata?.namespace ?? '')) {
        const uid = pod.metadata?.uid ?? '';
        if (seen.has(uid) || !matches(pod.metadata?.labels)) continue;
        seen.add(uid);
        related.push(pod);
      }
    }
    return related;
  }

  /** RealPodControl.CreatePods: a pod from the template, owned by the ReplicaSet. */
  private async createPod(rs: ReplicaSet): Promise<void> {
    const template = rs.spec?.template ?? {};
    const templateMeta = template.metadata ?? {};
    const labels = { ...templateMeta.labels };
    if (Object.keys(labels).length === 0) throw new Error('unable to create pods, no labels');
    const name = rs.metadata?.name ?? '';
    const prefix = `${name}-`.length <= 253 ? `${name}-` : name;
    const metadata: KubeObject['metadata'] = { generateName: prefix, labels };
    if (templateMeta.annotations && Object.keys(templateMeta.annotations).length > 0) {
      metadata.annotations = { ...templateMeta.annotations };
    }
    metadata.ownerReferences = [
      { ...KIND, name, uid: rs.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true },
    ];
    if (templateMeta.finalizers?.length) metadata.finalizers = [...templateMeta.finalizers];
    const pod: Pod = { metadata, spec: clone(template.spec ?? {}) };
    let created: Pod;
    try {
      created = await this.podCreator.resource<Pod>(PODS, rs.metadata?.namespace).create(pod);
    } catch (error) {
      if (!hasStatusCause(error, 'NamespaceTerminating')) {
        this.record(rs, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
      }
      throw error;
    }
    this.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata?.name}`);
  }

  /** RealPodControl.DeletePod. */
  private async deletePodOf(rs: ReplicaSet, podName: string): Promise<void> {
    try {
      await this.deps.client.resource<Pod>(PODS, rs.metadata?.namespace).delete(podName);
    } catch (error) {
      if (error instanceof StatusError && error.status.code === 404) throw error;
      this.record(rs, 'Warning', 'FailedDelete', `Error deleting: ${(error as Error).message}`);
      throw new Error(`unable to delete pods: ${(error as Error).message}`, { cause: error });
    }
    this.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${podName}`);
  }

  private record(rs: ReplicaSet, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.deps.recorder.event({ ...rs, ...KIND }, type, reason, message);
  }

  /** calculateStatus: counts of the claimed pods, and the ReplicaFailure condition. */
  private calculateStatus(rs: ReplicaSet, counts: PodCounts, manageError: Error | undefined): ReplicaSetStatus {
    const now = this.deps.clock.now();
    let conditions = [...(rs.status?.conditions ?? [])];
    const failure = conditions.find((c) => c.type === 'ReplicaFailure');
    if (manageError && !failure) {
      const diff = counts.replicas - (rs.spec?.replicas ?? 1);
      const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
      conditions.push({
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: formatTime(now),
        reason,
        message: manageError.message,
      });
    } else if (!manageError && failure) {
      conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
    }
    return {
      ...rs.status,
      replicas: counts.replicas,
      fullyLabeledReplicas: counts.fullyLabeled,
      readyReplicas: counts.ready,
      availableReplicas: counts.available,
      conditions,
    };
  }

  /**
   * updateReplicaSetStatus: nothing to write when counts, conditions and observedGeneration
   * agree; otherwise a PUT of the status, retried once on the freshly read object.
   */
  private async updateStatus(rs: ReplicaSet, status: ReplicaSetStatus): Promise<ReplicaSet> {
    const current = rs.status ?? {};
    if (
      (current.replicas ?? 0) === status.replicas &&
      (current.fullyLabeledReplicas ?? 0) === status.fullyLabeledReplicas &&
      (current.readyReplicas ?? 0) === status.readyReplicas &&
      (current.availableReplicas ?? 0) === status.availableReplicas &&
      (rs.metadata?.generation ?? 0) === (current.observedGeneration ?? 0) &&
      JSON.stringify(current.conditions ?? []) === JSON.stringify(status.conditions ?? [])
    ) {
      return rs;
    }
    const next = serializeStatus({ ...status, observedGeneration: rs.metadata?.generation ?? 0 });
    const client = this.deps.client.resource<ReplicaSet>(REPLICASETS, rs.metadata?.namespace);
    let target = rs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await client.updateStatus({ ...target, status: next });
      } catch (error) {
        if (attempt >= 1) throw error;
        target = await client.get(rs.metadata?.name ?? '');
      }
    }
  }
}

/** What calculateStatus counts over the claimed pods. */
interface PodCounts {
  replicas: number;
  fullyLabeled: number;
  ready: number;
  available: number;
}

/** A claim: the claimed pods, or only their counts (see countClaimed). */
type Claimed = { pods: Pod[]; counts?: undefined } | { pods?: undefined; counts: PodCounts };

/** A status as Go serialises apps/v1 ReplicaSetStatus: replicas always, other zeros left out. */
function serializeStatus(status: ReplicaSetStatus): ReplicaSetStatus {
  const out: ReplicaSetStatus = { replicas: status.replicas ?? 0 };
  if (status.fullyLabeledReplicas) out.fullyLabeledReplicas = status.fullyLabeledReplicas;
  if (status.readyReplicas) out.readyReplicas = status.readyReplicas;
  if (status.availableReplicas) out.availableReplicas = status.availableReplicas;
  if (status.observedGeneration) out.observedGeneration = status.observedGeneration;
  if (status.conditions?.length) out.conditions = status.conditions;
  return out;
}

/** reflect.DeepEqual of two label maps, whatever their key order. */
