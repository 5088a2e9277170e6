import { clone } from '../api/object';
import type { Clock } from '../clock';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { STATEFULSETS } from '../client/resources';
import {
  ControllerHistory,
  equalRevision,
  newControllerRevision,
  nextRevision,
  sortControllerRevisions,
  templatePatch,
  type ControllerRevision,
} from './controller-history';
import { AggregateError } from './controller-ref';
import { labelSelectorMatcher, type Pod } from './pods';
import type { StatefulPodControl } from './statefulset-pods';
import {
  computeReplicaStatus,
  endOrdinal,
  identityMatches,
  isCreated,
  isFailed,
  isHealthy,
  isPending,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  isTerminating,
  newVersionedStatefulSetPod,
  ordinalOf,
  podRevision,
  serializeStatefulSetStatus,
  startOrdinal,
  storageMatches,
  type StatefulSet,
  type StatefulSetStatus,
} from './statefulset-util';

const KIND = { apiVersion: 'apps/v1', kind: 'StatefulSet' };

/** ApplyRevision: the set with the template its revision recorded. */
function applyRevision(set: StatefulSet, revision: ControllerRevision): StatefulSet {
  const data = revision.data as { spec?: { template?: Record<string, unknown> } } | undefined;
  const template = clone(data?.spec?.template ?? {});
  delete template.$patch;
  return { ...set, spec: { ...set.spec, template: template as NonNullable<StatefulSet['spec']>['template'] } };
}

/** runForAll: in order, stopping at the first that asks to (monotonic); else in slow-start batches. */
async function runForAll(count: number, fn: (i: number) => Promise<boolean>, monotonic: boolean): Promise<boolean> {
  if (monotonic) {
    for (let i = 0; i < count; i++) if (await fn(i)) return true;
    return false;
  }
  let done = 0;
  for (let size = Math.min(1, count); size > 0; size = Math.min(2 * size, count - done)) {
    const results = await Promise.allSettled(Array.from({ length: size }, (_, k) => fn(done + k)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    done += size;
  }
  return false;
}

/**
 * defaultStatefulSetControl (stateful_set_control.go): one pass of the StatefulSet's invariants
 * over its claimed pods: the revisions, creation of missing ordinals (with their claims), deletion
 * of failed pods and of ordinals past the end from the highest, then the rolling update from the
 * highest ordinal down to the partition, and the status. OrderedReady stops at the first pod that
 * is not Running and Ready; Parallel does not wait.
 */
export class StatefulSetControl {
  constructor(
    private readonly client: RestClient,
    private readonly clock: Clock,
    private readonly history: ControllerHistory,
    private readonly podControl: StatefulPodControl,
  ) {}

  /** UpdateStatefulSet: performUpdate, then the history trimmed to revisionHistoryLimit. */
  async updateStatefulSet(set: StatefulSet, pods: Pod[]): Promise<StatefulSetStatus | undefined> {
    const revisions = sortControllerRevisions(this.history.list(set, labelSelectorMatcher(set.spec?.selector)));
    const { current, update } = await this.statefulSetRevisions(set, revisions);
    const { status, error: podError } = await this.updatePods(set, current, update, pods);
    let error = podError;
    try {
      await this.updateStatus(set, status);
    } catch (failure) {
      // A failure of the pod work is the one to report.
      error ??= failure;
    }
    try {
      await this.truncateHistory(set, pods, revisions, current, update);
    } catch (failure) {
      if (!error) throw failure;
      throw new AggregateError([error as Error, failure as Error]);
    }
    if (error) throw error;
    return status;
  }

  /**
   * getStatefulSetRevisions: the update revision is the newest one if its data matches the
   * template, an older equal one renumbered (a rollback), or a new one; the current revision is
   * the one status.currentRevision names, else the update one.
   */
  private async statefulSetRevisions(
    set: StatefulSet,
    revisions: ControllerRevision[],
  ): Promise<{ current: ControllerRevision; update: ControllerRevision; collisionCount: number }> {
    const collisionCount = { value: set.status?.collisionCount ?? 0 };
    const patch = templatePatch(set);
    const labels = set.spec?.template?.metadata?.labels;
    let update = newControllerRevision(set, KIND, labels, patch, nextRevision(revisions), collisionCount.value);
    if (set.metadata?.annotations)
      update.metadata = { ...update.metadata, annotations: { ...set.metadata.annotations } };
    const equal = revisions.filter((r) => equalRevision(r, update));
    const latest = revisions[revisions.length - 1];
    if (equal.length > 0 && equalRevision(latest, equal[equal.length - 1])) update = latest;
    else if (equal.length > 0)
      update = await this.history.updateRevision(equal[equal.length - 1], update.revision ?? 0);
    else update = await this.history.create(set, update, patch.raw, collisionCount);
    const current = revisions.find((r) => r.metadata?.name === set.status?.currentRevision) ?? update;
    return { current, update, collisionCount: collisionCount.value };
  }

  /** updateStatefulSet: the pod work of one pass; returns the status it leads to. */
  private async updatePods(
    set: StatefulSet,
    currentRevision: ControllerRevision,
    updateRevision: ControllerRevision,
    pods: Pod[],
  ): Promise<{ status: StatefulSetStatus; error?: unknown }> {
    const now = this.clock.now();
    const minReadySeconds = set.spec?.minReadySeconds ?? 0;
    const currentSet = applyRevision(set, currentRevision);
    const updateSet = applyRevision(set, updateRevision);
    const status: StatefulSetStatus = {
      observedGeneration: set.metadata?.generation,
      currentRevision: currentRevision.metadata?.name,
      updateRevision: updateRevision.metadata?.name,
      collisionCount: set.status?.collisionCount ?? 0,
    };
    const start = startOrdinal(set);
    const end = endOrdinal(set);
    const replicas: Pod[] = new Array<Pod>(Math.max(0, end - start + 1));
    const condemned: Pod[] = [];
    for (const pod of pods) {
      const ordinal = ordinalOf(pod);
      if (ordinal >= start && ordinal <= end) replicas[ordinal - start] = pod;
      else if (ordinal >= 0) condemned.push(pod);
    }
    for (let ordinal = start; ordinal <= end; ordinal++) {
      replicas[ordinal - start] ??= newVersionedStatefulSetPod(
        currentSet,
        updateSet,
        currentRevision.metadata?.name ?? '',
        updateRevision.metadata?.name ?? '',
        ordinal,
      );
    }
    condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
    const firstUnhealthy = replicas.find((p) => !isHealthy(p)) ?? [...condemned].reverse().find((p) => !isHealthy(p));
    const finish = (): StatefulSetStatus => {
      computeReplicaStatus(status, minReadySeconds, now, replicas, condemned);
      return status;
    };
    computeReplicaStatus(status, minReadySeconds, now, pods);
    if (set.metadata?.deletionTimestamp) return { status };
    const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
    const processReplica = (i: number) => this.processReplica(set, updateSet, monotonic, replicas, i, now);
    try {
      if (await runForAll(replicas.length, processReplica, monotonic)) return { status: finish() };
    } catch (error) {
      return { status: finish(), error };
    }
    const processCondemned = async (i: number): Promise<boolean> => {
      const pod = condemned[i];
      if (isTerminating(pod)) return monotonic;
      if (monotonic && pod !== firstUnhealthy) {
        if (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReadySeconds, now)) return true;
      }
      await this.podControl.deleteStatefulPod(set, pod);
      return true;
    };
    try {
      if (await runForAll(condemned.length, processCondemned, monotonic)) return { status: finish() };
    } catch (error) {
      return { status: finish(), error };
    }
    finish();
    // OnDelete: pods are replaced only when someone deletes them.
    if (set.spec?.updateStrategy?.type === 'OnDelete') return { status };
    const updateMin = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let target = replicas.length - 1; target >= updateMin; target--) {
      const pod = replicas[target];
      if (podRevision(pod) !== updateRevision.metadata?.name && !isTerminating(pod)) {
        let error: unknown;
        try {
          await this.podControl.deleteStatefulPod(set, pod);
        } catch (failure) {
          if (!hasStatusCode(failure, 404)) error = failure;
        }
        status.currentReplicas = (status.currentReplicas ?? 0) - 1;
        return { status, error };
      }
      // Wait for the updated pod to be healthy before the next.
      if (!isHealthy(pod)) return { status };
    }
    return { status };
  }

  /** processReplica: true when the pass must stop here. */
  private async processReplica(
    set: StatefulSet,
    updateSet: StatefulSet,
    monotonic: boolean,
    replicas: Pod[],
    i: number,
    now: number,
  ): Promise<boolean> {
    const pod = replicas[i];
    // A pod that ran to an end (evicted, its node rebooted) is replaced whatever its exit.
    if (isFailed(pod) || isSucceeded(pod)) {
      if (!pod.metadata?.deletionTimestamp) await this.podControl.deleteStatefulPod(set, pod);
      return true;
    }
    if (!isCreated(pod)) {
      await this.podControl.createStatefulPod(set, pod);
      return monotonic;
    }
    if (isPending(pod)) await this.podControl.createPersistentVolumeClaims(set, pod);
    if (monotonic && isTerminating(pod)) return true;
    if (monotonic && !isRunningAndReady(pod)) return true;
    if (monotonic && !isRunningAndAvailable(pod, set.spec?.minReadySeconds ?? 0, now)) return true;
    if (identityMatches(set, pod) && storageMatches(set, pod)) return false;
    await this.podControl.updateStatefulPod(updateSet, pod);
    return false;
  }

  /**
   * updateStatefulSetStatus: a finished rolling update makes the update revision current; the
   * status is written when it differs, retrying conflicts on a fresh read.
   */
  private async updateStatus(set: StatefulSet, status: StatefulSetStatus): Promise<void> {
    if (
      set.spec?.updateStrategy?.type === 'RollingUpdate' &&
      status.updatedReplicas === status.replicas &&
      status.readyReplicas === status.replicas
    ) {
      status.currentReplicas = status.updatedReplicas;
      status.currentRevision = status.updateRevision;
    }
    const current = set.status ?? {};
    const fields = [
      'replicas',
      'readyReplicas',
      'currentReplicas',
      'updatedReplicas',
      'availableReplicas',
      'currentRevision',
      'updateRevision',
    ] as const;
    const consistent =
      (status.observedGeneration ?? 0) <= (current.observedGeneration ?? 0) &&
      fields.every(
        (f) => (current[f] ?? (f.endsWith('Revision') ? '' : 0)) === (status[f] ?? (f.endsWith('Revision') ? '' : 0)),
      );
    if (consistent) return;
    const sets = this.client.resource<StatefulSet>(STATEFULSETS, set.metadata?.namespace);
    let target = set;
    for (let attempt = 0; ; attempt++) {
      try {
        await sets.updateStatus({ ...target, status: serializeStatefulSetStatus({ ...target.status, ...status }) });
        return;
      } catch (error) {
        if (!hasStatusCode(error, 409) || attempt >= 4) throw error;
        target = await sets.get(set.metadata?.name ?? '');
      }
    }
  }

  /** truncateHistory: deletes the oldest revisions no pod, nor current or update, uses, past the limit. */
  private async truncateHistory(
    set: StatefulSet,
    pods: Pod[],
    revisions: ControllerRevision[],
    current: ControllerRevision,
    update: ControllerRevision,
  ): Promise<void> {
    const live = new Set([current.metadata?.name, update.metadata?.name, ...pods.map(podRevision)]);
    const history = revisions.filter((r) => !live.has(r.metadata?.name));
    const limit = set.spec?.revisionHistoryLimit ?? 10;
    for (const revision of history.slice(0, Math.max(0, history.length - limit))) await this.history.delete(revision);
  }
}
