import type { Clock } from '../clock';
import type { RestClient } from '../client/rest-client';
import { JOBS } from '../client/resources';
import type { EventRecorder } from './events';
import { JOB_KIND, type JobPodControl } from './job-pods';
import {
  completionIndexOf,
  ensureCondition,
  findCondition,
  formatIntervals,
  hasJobTrackingFinalizer,
  intervalsHas,
  intervalsTotal,
  isIndexedJob,
  isPodFailed,
  MAX_UNCOUNTED_PODS,
  newCondition,
  serializeJobStatus,
  withIndexes,
  type BackoffRecord,
  type Job,
  type JobCondition,
  type JobStatus,
  type SyncJobContext,
} from './job-util';
import type { Pod } from './pods';

/** What the status tracking needs from the controller. */
export interface JobStatusDeps {
  client: RestClient;
  clock: Clock;
  recorder: EventRecorder;
  pods: JobPodControl;
  /** Stores the sync's back-off record once its failures are in the status. */
  saveBackoff(key: string, record: BackoffRecord): void;
}

const isSuccessCriteriaMet = (c: JobCondition | undefined): boolean => c?.type === 'SuccessCriteriaMet';

/** The True SuccessCriteriaMet condition of a Job, if any (hasSuccessCriteriaMetCondition). */
export function successCriteriaMet(job: Job): JobCondition | undefined {
  const c = findCondition(job, 'SuccessCriteriaMet');
  return c?.status === 'True' ? c : undefined;
}

/**
 * cleanUncountedPodsWithoutFinalizers: the uncounted UIDs whose pods lost their finalizer move to
 * the succeeded and failed counters. True when anything moved.
 */
function countUncounted(status: JobStatus, withFinalizer: Set<string>): boolean {
  const uncounted = (status.uncountedTerminatedPods ??= {});
  let updated = false;
  for (const field of ['succeeded', 'failed'] as const) {
    const before = uncounted[field] ?? [];
    const after = before.filter((uid) => withFinalizer.has(uid));
    if (after.length === before.length) continue;
    updated = true;
    status[field] = (status[field] ?? 0) + before.length - after.length;
    uncounted[field] = after;
  }
  return updated;
}

/**
 * The Job controller's status tracking (trackJobStatusAndRemoveFinalizers and what it calls):
 * finished pods go into status.uncountedTerminatedPods, their tracking finalizers are removed,
 * and only then are they counted; the interim FailureTarget / SuccessCriteriaMet conditions are
 * written before the finalizers go, the final Failed / Complete once nothing is uncounted or
 * terminating.
 */
export class JobStatusTracker {
  constructor(private readonly deps: JobStatusDeps) {}

  async track(ctx: SyncJobContext, needsFlushIn: boolean): Promise<void> {
    let needsFlush = needsFlushIn;
    const job = ctx.job;
    const status = (job.status ??= {});
    const uncountedStatus = (status.uncountedTerminatedPods ??= {});
    const indexed = isIndexedJob(job);
    const completions = job.spec?.completions ?? 0;
    const podsToRemoveFinalizer: Pod[] = [];
    const newSucceededIndexes: number[] = [];
    if (indexed) ctx.pods = [...ctx.pods].sort((a, b) => completionIndexOf(a) - completionIndexOf(b));
    const uid = (pod: Pod): string => pod.metadata?.uid ?? '';
    const withFinalizer = new Set(
      ctx.pods.filter((p) => hasJobTrackingFinalizer(p) && !ctx.expectedRmFinalizers.has(uid(p))).map(uid),
    );
    if (countUncounted(status, withFinalizer)) needsFlush = true;
    let reachedMaxUncounted = false;
    for (const pod of ctx.pods) {
      // Pods without the finalizer (or whose removal is in flight) were counted in an earlier sync.
      if (!hasJobTrackingFinalizer(pod) || ctx.expectedRmFinalizers.has(uid(pod))) continue;
      const failed = isPodFailed(pod, job);
      const removable =
        !!job.metadata?.deletionTimestamp || !!ctx.finishedCondition || pod.status?.phase === 'Succeeded';
      if (!removable && !failed) continue;
      podsToRemoveFinalizer.push(pod);
      const ix = completionIndexOf(pod);
      if (pod.status?.phase === 'Succeeded' && !ctx.uncounted.failed.has(uid(pod))) {
        if (indexed) {
          if (ix >= 0 && ix < completions && !intervalsHas(ctx.prevSucceededIndexes, ix)) {
            newSucceededIndexes.push(ix);
            needsFlush = true;
          }
        } else if (!ctx.uncounted.succeeded.has(uid(pod))) {
          needsFlush = true;
          (uncountedStatus.succeeded ??= []).push(uid(pod));
        }
      } else if (failed || (ctx.finishedCondition && !isSuccessCriteriaMet(ctx.finishedCondition))) {
        // Once the Job is finished, every pod not yet terminated counts as failed.
        if (!ctx.uncounted.failed.has(uid(pod)) && (!indexed || (ix >= 0 && ix < completions))) {
          needsFlush = true;
          (uncountedStatus.failed ??= []).push(uid(pod));
        }
      }
      const pending =
        newSucceededIndexes.length + (uncountedStatus.succeeded?.length ?? 0) + (uncountedStatus.failed?.length ?? 0);
      if (pending >= MAX_UNCOUNTED_PODS) {
        // The status and pod updates bring the Job back for the rest.
        reachedMaxUncounted = true;
        break;
      }
    }
    if (indexed) {
      ctx.succeededIndexes = withIndexes(
        ctx.succeededIndexes,
        newSucceededIndexes.sort((a, b) => a - b),
      );
      const text = formatIntervals(ctx.succeededIndexes);
      if (text !== (status.completedIndexes ?? '')) needsFlush = true;
      status.succeeded = intervalsTotal(ctx.succeededIndexes);
      status.completedIndexes = text;
    }
    const now = this.deps.clock.now();
    const finishing = ctx.finishedCondition;
    if (finishing?.type === 'FailureTarget') {
      (status.conditions ??= []).push(finishing);
      needsFlush = true;
      ctx.finishedCondition = newCondition('Failed', 'True', finishing.reason ?? '', finishing.message ?? '', now);
    }
    if (isSuccessCriteriaMet(finishing)) {
      if (!successCriteriaMet(job)) {
        (status.conditions ??= []).push(finishing as JobCondition);
        needsFlush = true;
      }
      ctx.finishedCondition = newCondition('Complete', 'True', finishing?.reason ?? '', finishing?.message ?? '', now);
    }
    needsFlush = await this.flushUncountedAndRemoveFinalizers(ctx, podsToRemoveFinalizer, withFinalizer, needsFlush);
    const finished = !reachedMaxUncounted && this.enactJobFinished(ctx);
    if (finished) needsFlush = true;
    if (!needsFlush) return;
    try {
      ctx.job = await this.updateStatus(ctx.job);
    } catch (error) {
      throw new Error(`removing uncounted pods from status: ${(error as Error).message}`, { cause: error });
    }
    if (finished) this.recordJobFinished(ctx.job, ctx.finishedCondition as JobCondition);
  }

  /**
   * flushUncountedAndRemoveFinalizers: writes the status with the new uncounted UIDs (and interim
   * conditions), removes the finalizers, counts the pods whose finalizer went. True when the
   * counters changed since the last write.
   */
  private async flushUncountedAndRemoveFinalizers(
    ctx: SyncJobContext,
    podsToRemoveFinalizer: Pod[],
    withFinalizer: Set<string>,
    needsFlushIn: boolean,
  ): Promise<boolean> {
    let needsFlush = needsFlushIn;
    if (needsFlush) {
      try {
        ctx.job = await this.updateStatus(ctx.job);
      } catch (error) {
        throw new Error(`adding uncounted pods to status: ${(error as Error).message}`, { cause: error });
      }
      this.deps.saveBackoff(ctx.key, ctx.newBackoffRecord);
      needsFlush = false;
    }
    let removeError: Error | undefined;
    if (podsToRemoveFinalizer.length > 0) {
      const { removed, error } = await this.deps.pods.removeTrackingFinalizers(ctx.key, podsToRemoveFinalizer);
      podsToRemoveFinalizer.forEach((pod, i) => {
        if (removed[i]) withFinalizer.delete(pod.metadata?.uid ?? '');
      });
      removeError = error;
    }
    if (countUncounted((ctx.job.status ??= {}), withFinalizer)) needsFlush = true;
    if (removeError && needsFlush) {
      try {
        ctx.job = await this.updateStatus(ctx.job);
      } catch (error) {
        throw new Error(`removing uncounted pods from status: ${(error as Error).message}`, { cause: error });
      }
    }
    if (removeError) throw removeError;
    return needsFlush;
  }

  /** enactJobFinished: the final condition (and completionTime), once nothing is uncounted or terminating. */
  private enactJobFinished(ctx: SyncJobContext): boolean {
    const finished = ctx.finishedCondition;
    if (!finished) return false;
    const status = (ctx.job.status ??= {});
    const uncounted = status.uncountedTerminatedPods ?? {};
    if ((uncounted.succeeded?.length ?? 0) + (uncounted.failed?.length ?? 0) > 0) return false;
    if (ctx.terminating > 0) return false;
    ensureCondition(ctx.job, finished, this.deps.clock.now());
    if (finished.type === 'Complete') status.completionTime = finished.lastTransitionTime;
    return true;
  }

  /** recordJobFinished: Completed, or the failure's reason and message as a warning. */
  private recordJobFinished(job: Job, finished: JobCondition): void {
    const object = { ...job, ...JOB_KIND };
    if (finished.type === 'Complete') {
      const completions = job.spec?.completions;
      if (completions != null && (job.status?.succeeded ?? 0) > completions) {
        this.deps.recorder.event(
          object,
          'Warning',
          'TooManySucceededPods',
          'Too many succeeded pods running after completion count reached',
        );
      }
      this.deps.recorder.event(object, 'Normal', 'Completed', 'Job completed');
    } else {
      this.deps.recorder.event(object, 'Warning', finished.reason ?? '', finished.message ?? '');
    }
  }

  /** updateJobStatus: a PUT of the status subresource; the reply becomes the Job the sync works on. */
  private async updateStatus(job: Job): Promise<Job> {
    const client = this.deps.client.resource<Job>(JOBS, job.metadata?.namespace);
    const updated = await client.updateStatus({ ...job, status: serializeJobStatus(job.status ?? {}) });
    const status = (updated.status ??= {});
    status.uncountedTerminatedPods ??= {};
    return updated;
  }
}
