import { clone, type KubeObject } from '../api/object';
import { StatusError } from '../api/status';
import type { Clock } from '../clock';
import { hasStatusCause, type RestClient } from '../client/rest-client';
import { PODS } from '../client/resources';
import type { EventRecorder } from './events';
import type { ControllerExpectations } from './expectations';
import {
  backoffRemaining,
  COMPLETION_INDEX_ENV,
  completionIndexOf,
  hasJobTrackingFinalizer,
  intervalsHas,
  isIndexedJob,
  isJobSuspended,
  JOB_COMPLETION_INDEX,
  JOB_TRACKING_FINALIZER,
  MAX_POD_CREATE_DELETE_PER_SYNC,
  onlyReplaceFailedPods,
  withIndexes,
  type Job,
  type SyncJobContext,
} from './job-util';
import { isPodReady, isPodTerminating, podsToDelete, type Pod } from './pods';
import { slowStartBatch, SLOW_START_INITIAL_BATCH_SIZE } from './replicaset';

/** The kind a Job owns its pods as. */
export const JOB_KIND = { apiVersion: 'batch/v1', kind: 'Job' };

const isNotFound = (error: unknown): boolean => error instanceof StatusError && error.status.code === 404;
const podKey = (pod: Pod): string => `${pod.metadata?.namespace}/${pod.metadata?.name}`;

/** The pod UIDs whose tracking finalizer a Job's sync removed and waits to see gone (uidTrackingExpectations). */
export class FinalizerExpectations {
  private readonly expected = new Map<string, Set<string>>();

  /** The UIDs still expected for `key` (a copy). */
  expectedUIDs(key: string): Set<string> {
    return new Set(this.expected.get(key));
  }

  expectRemoved(key: string, uids: readonly string[]): void {
    const set = this.expected.get(key) ?? new Set<string>();
    for (const uid of uids) set.add(uid);
    this.expected.set(key, set);
  }

  removalObserved(key: string, uid: string): void {
    this.expected.get(key)?.delete(uid);
  }

  delete(key: string): void {
    this.expected.delete(key);
  }
}

/** The result of deleting pods: how many went (and of those, how many were ready), the first error. */
interface Deleted {
  deleted: number;
  deletedReady: number;
  error?: Error;
}

/** The `$deleteFromPrimitiveList` patch that drops the tracking finalizer (removeTrackingFinalizerPatch). */
const REMOVE_FINALIZER_PATCH = { metadata: { [`$deleteFromPrimitiveList/finalizers`]: [JOB_TRACKING_FINALIZER] } };

/**
 * The Job controller's pod writes (controller.RealPodControl and the job controller's helpers
 * around it): pods from the template, deletions, finalizer removal, and manageJob.
 */
export class JobPodControl {
  constructor(
    private readonly client: RestClient,
    private readonly recorder: EventRecorder,
    private readonly clock: Clock,
    private readonly expectations: ControllerExpectations,
    private readonly finalizerExpectations: FinalizerExpectations,
  ) {}

  private record(job: Job, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.recorder.event({ ...job, ...JOB_KIND }, type, reason, message);
  }

  /** CreatePodsWithGenerateName: a pod from `template`, owned by the Job. */
  private async createPod(
    job: Job,
    template: NonNullable<Job['spec']>['template'],
    generateName: string,
  ): Promise<void> {
    const meta = template?.metadata ?? {};
    const labels = { ...meta.labels };
    if (Object.keys(labels).length === 0) throw new Error('unable to create pods, no labels');
    const metadata: KubeObject['metadata'] = { generateName, labels };
    if (meta.annotations && Object.keys(meta.annotations).length > 0) metadata.annotations = { ...meta.annotations };
    if (meta.finalizers?.length) metadata.finalizers = [...meta.finalizers];
    metadata.ownerReferences = [
      {
        ...JOB_KIND,
        name: job.metadata?.name ?? '',
        uid: job.metadata?.uid ?? '',
        controller: true,
        blockOwnerDeletion: true,
      },
    ];
    const pod: Pod = { metadata, spec: clone(template?.spec ?? {}) };
    let created: Pod;
    try {
      created = await this.client.resource<Pod>(PODS, job.metadata?.namespace).create(pod);
    } catch (error) {
      if (!hasStatusCause(error, 'NamespaceTerminating')) {
        this.record(job, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
      }
      throw error;
    }
    this.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata?.name}`);
  }

  /** RealPodControl.DeletePod: a 404 is thrown as is, without an event. */
  private async deletePod(job: Job, name: string): Promise<void> {
    try {
      await this.client.resource<Pod>(PODS, job.metadata?.namespace).delete(name);
    } catch (error) {
      if (isNotFound(error)) throw error;
      this.record(job, 'Warning', 'FailedDelete', `Error deleting: ${(error as Error).message}`);
      throw new Error(`unable to delete pods: ${(error as Error).message}`, { cause: error });
    }
    this.record(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
  }

  /** Drops the tracking finalizer from a pod (a no-op for a pod without it). */
  async removeFinalizer(pod: Pod): Promise<void> {
    if (!hasJobTrackingFinalizer(pod)) return;
    await this.client
      .resource<Pod>(PODS, pod.metadata?.namespace)
      .patch(pod.metadata?.name ?? '', 'strategic', REMOVE_FINALIZER_PATCH);
  }

  /** Adds the tracking finalizer to an adopted pod (upstream does so in the adoption patch itself). */
  async addFinalizer(pod: Pod): Promise<void> {
    await this.client
      .resource<Pod>(PODS, pod.metadata?.namespace)
      .patch(pod.metadata?.name ?? '', 'strategic', { metadata: { finalizers: [JOB_TRACKING_FINALIZER] } });
  }

  /** deleteActivePods: DELETE each pod, keeping finalizers (they go once the pods are counted). */
  async deleteActivePods(job: Job, pods: Pod[]): Promise<Deleted> {
    const result: Deleted = { deleted: pods.length, deletedReady: 0 };
    await Promise.all(
      pods.map(async (pod) => {
        try {
          await this.deletePod(job, pod.metadata?.name ?? '');
        } catch (error) {
          if (!isNotFound(error)) {
            result.deleted--;
            result.error ??= error as Error;
          }
        }
        if (isPodReady(pod)) result.deletedReady++;
      }),
    );
    return result;
  }

  /** deleteJobPods: drop each pod's finalizer, then DELETE it; failures are no longer expected. */
  private async deleteJobPods(job: Job, key: string, pods: Pod[]): Promise<Deleted> {
    const result: Deleted = { deleted: pods.length, deletedReady: 0 };
    const fail = (pod: Pod, error: unknown): void => {
      this.expectations.deletionObserved(key, podKey(pod));
      if (isNotFound(error)) return;
      result.deleted--;
      result.error ??= error as Error;
    };
    await Promise.all(
      pods.map(async (pod) => {
        try {
          await this.removeFinalizer(pod);
        } catch (error) {
          fail(pod, new Error(`removing completion finalizer: ${(error as Error).message}`, { cause: error }));
          return;
        }
        try {
          await this.deletePod(job, pod.metadata?.name ?? '');
        } catch (error) {
          fail(pod, error);
        }
        if (isPodReady(pod)) result.deletedReady++;
      }),
    );
    return result;
  }

  /** removeTrackingFinalizerFromPods: which removals succeeded (a pod already gone counts), the first error. */
  async removeTrackingFinalizers(key: string, pods: Pod[]): Promise<{ removed: boolean[]; error?: Error }> {
    this.finalizerExpectations.expectRemoved(
      key,
      pods.map((p) => p.metadata?.uid ?? ''),
    );
    const removed = pods.map(() => false);
    let firstError: Error | undefined;
    await Promise.all(
      pods.map(async (pod, i) => {
        if (!hasJobTrackingFinalizer(pod)) return;
        try {
          await this.removeFinalizer(pod);
        } catch (error) {
          this.finalizerExpectations.removalObserved(key, pod.metadata?.uid ?? '');
          if (!isNotFound(error)) {
            firstError ??= error as Error;
            return;
          }
        }
        removed[i] = true;
      }),
    );
    return { removed, error: firstError };
  }

  /**
   * manageJob: deletes surplus pods (all of them when suspended) or creates the missing ones,
   * Indexed pods for the lowest pending indexes, unless the failure back-off still runs (then it
   * asks for a sync when it ends). Resolves the new active count, and the first error.
   */
  async manageJob(
    ctx: SyncJobContext,
    enqueueAfter: (delayMs: number) => void,
  ): Promise<{ active: number; error?: Error }> {
    const job = ctx.job;
    const key = ctx.key;
    const active = ctx.activePods.length;
    const parallelism = job.spec?.parallelism ?? 1;
    const remove = async (pods: Pod[]): Promise<{ active: number; error?: Error }> => {
      this.expectations.expectDeletions(key, pods.map(podKey));
      const { deleted, deletedReady, error } = await this.deleteJobPods(job, key, pods);
      ctx.terminating += deleted;
      ctx.ready -= deletedReady;
      return { active: active - deleted, error };
    };
    if (isJobSuspended(job)) return remove(this.activePodsForRemoval(job, ctx.activePods, active));

    const completions = job.spec?.completions;
    let wantActive: number;
    if (completions == null) wantActive = ctx.succeeded > 0 ? active : parallelism;
    else wantActive = Math.max(0, Math.min(completions - ctx.succeeded, parallelism));

    const surplus = this.activePodsForRemoval(job, ctx.activePods, Math.max(0, active - wantActive));
    if (surplus.length > 0) return remove(surplus.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC));

    const terminating = onlyReplaceFailedPods(job) ? ctx.terminating : 0;
    let diff = wantActive - terminating - active;
    if (diff <= 0) return { active };
    const remaining = backoffRemaining(ctx.newBackoffRecord, this.clock.now());
    if (remaining > 0) {
      enqueueAfter(remaining);
      // As upstream: the sync that waits out the back-off reports no active pods.
      return { active: 0 };
    }
    diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
    let indexes: number[] = [];
    if (isIndexedJob(job)) {
      indexes = firstPendingIndexes(ctx, diff, completions ?? 0);
      diff = indexes.length;
    }
    this.expectations.expectCreations(key, diff);
    const template = clone(job.spec?.template ?? {});
    if (isIndexedJob(job)) addCompletionIndexEnv(template.spec ?? {});
    const templateMeta = (template.metadata ??= {});
    if (!(templateMeta.finalizers ?? []).includes(JOB_TRACKING_FINALIZER)) {
      templateMeta.finalizers = [...(templateMeta.finalizers ?? []), JOB_TRACKING_FINALIZER];
    }
    const name = job.metadata?.name ?? '';
    const { successes, error } = await slowStartBatch(diff, SLOW_START_INITIAL_BATCH_SIZE, async () => {
      const index = indexes.shift();
      let podTemplate = template;
      let generateName = `${name}-`;
      if (index !== undefined) {
        podTemplate = clone(template);
        const meta = podTemplate.metadata ?? {};
        meta.annotations = { ...meta.annotations, [JOB_COMPLETION_INDEX]: String(index) };
        meta.labels = { ...meta.labels, [JOB_COMPLETION_INDEX]: String(index) };
        (podTemplate.spec ??= {}).hostname = `${name}-${index}`;
        generateName = generateNameWithIndex(name, index);
      }
      try {
        await this.createPod(job, podTemplate, generateName);
      } catch (failure) {
        // Nothing can be created in a terminating namespace: not worth a retry.
        if (hasStatusCause(failure, 'NamespaceTerminating')) return;
        throw failure;
      }
    });
    for (let missed = diff - successes; missed > 0; missed--) this.expectations.creationObserved(key);
    return { active: active + successes, error };
  }

  /**
   * activePodsForRemoval: for Indexed Jobs first the pods without a valid index and the extra pods
   * of repeated indexes; then the earliest in their lifecycle (unscheduled, pending, not ready).
   */
  private activePodsForRemoval(job: Job, pods: Pod[], atLeast: number): Pod[] {
    let rm: Pod[] = [];
    let left = pods;
    if (isIndexedJob(job)) {
      const completions = job.spec?.completions ?? 0;
      left = [];
      const byIndex = new Map<number, Pod[]>();
      for (const pod of pods) {
        const ix = completionIndexOf(pod);
        if (ix < 0 || ix >= completions) rm.push(pod);
        else byIndex.set(ix, [...(byIndex.get(ix) ?? []), pod]);
      }
      for (const ix of [...byIndex.keys()].sort((a, b) => a - b)) {
        const same = byIndex.get(ix) as Pod[];
        if (same.length === 1) {
          left.push(same[0]);
          continue;
        }
        const ranked = podsToDelete(same, [], same.length, this.clock.now());
        rm.push(...ranked.slice(0, -1));
        left.push(ranked[ranked.length - 1]);
      }
    }
    if (rm.length < atLeast) rm = [...rm, ...podsToDelete(left, [], atLeast - rm.length, this.clock.now())];
    return rm;
  }
}

/** The pods being deleted that have not finished (controller.CountTerminatingPods). */
export function countTerminating(pods: Pod[]): number {
  return pods.filter(isPodTerminating).length;
}

/** firstPendingIndexes: the lowest `count` indexes neither succeeded nor held by an active pod. */
function firstPendingIndexes(ctx: SyncJobContext, count: number, completions: number): number[] {
  const taken = (pods: Pod[]) =>
    [...new Set(pods.map(completionIndexOf).filter((ix) => ix >= 0))].sort((a, b) => a - b);
  let nonPending = withIndexes(ctx.succeededIndexes, taken(ctx.activePods));
  if (onlyReplaceFailedPods(ctx.job)) nonPending = withIndexes(nonPending, taken(ctx.pods.filter(isPodTerminating)));
  const result: number[] = [];
  for (let candidate = 0; candidate < completions && result.length < count; candidate++) {
    if (!intervalsHas(nonPending, candidate)) result.push(candidate);
  }
  return result;
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the result leaves room for 5 random characters. */
function generateNameWithIndex(jobName: string, index: number): string {
  const appendix = `-${index}-`;
  const max = 63 - 5;
  const prefix = jobName + appendix;
  return prefix.length > max ? jobName.slice(0, max - appendix.length) + appendix : prefix;
}

/** addCompletionIndexEnvVariables: JOB_COMPLETION_INDEX from the pod's index label, in every container. */
function addCompletionIndexEnv(spec: Record<string, unknown>): void {
  type Container = { env?: Array<{ name: string }> };
  for (const field of ['initContainers', 'containers']) {
    for (const container of (spec[field] as Container[] | undefined) ?? []) {
      if (container.env?.some((e) => e.name === COMPLETION_INDEX_ENV)) continue;
      container.env = [
        ...(container.env ?? []),
        {
          name: COMPLETION_INDEX_ENV,
          valueFrom: { fieldRef: { fieldPath: `metadata.labels['${JOB_COMPLETION_INDEX}']` } },
        } as { name: string },
      ];
    }
  }
}
