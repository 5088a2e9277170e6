import type { KubeObject } from '../api/object';
import { formatTime, parseTime } from '../util/time';
import type { LabelSelectorSpec, Pod } from './pods';

/** batch/v1 JobCondition. */
export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** batch/v1 UncountedTerminatedPods: finished pods whose finalizer is being removed. */
export interface UncountedTerminatedPods {
  succeeded?: string[];
  failed?: string[];
}

/** batch/v1 JobStatus. */
export interface JobStatus {
  conditions?: JobCondition[];
  startTime?: string;
  completionTime?: string;
  active?: number;
  succeeded?: number;
  failed?: number;
  terminating?: number;
  completedIndexes?: string;
  failedIndexes?: string;
  uncountedTerminatedPods?: UncountedTerminatedPods;
  ready?: number;
}

/** batch/v1 JobSpec, the fields the controllers read (the API server has defaulted them). */
export interface JobSpec {
  parallelism?: number;
  completions?: number | null;
  activeDeadlineSeconds?: number;
  backoffLimit?: number;
  selector?: LabelSelectorSpec;
  manualSelector?: boolean;
  template?: { metadata?: KubeObject['metadata']; spec?: Record<string, unknown> };
  ttlSecondsAfterFinished?: number;
  completionMode?: string;
  suspend?: boolean;
  podReplacementPolicy?: string;
  podFailurePolicy?: unknown;
  managedBy?: string;
}

/** batch/v1 Job. */
export interface Job extends KubeObject {
  spec?: JobSpec;
  status?: JobStatus;
}

/** The finalizer that keeps a pod until the Job has counted it (batch.JobTrackingFinalizer). */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** The annotation (and, since PodIndexLabel, label) with an Indexed Job pod's index. */
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
/** The env var an Indexed Job's containers read their index from. */
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';
/** The only external manager value the Job controller itself handles. */
export const JOB_CONTROLLER_MANAGER = 'kubernetes.io/job-controller';
/** The first pod-recreation delay after a failure (DefaultJobPodFailureBackOff). */
export const POD_FAILURE_BACKOFF_MS = 10_000;
/** The cap of that delay (MaxJobPodFailureBackOff: 10 minutes in the v1.34 code). */
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000;
/** Pod events reach a sync this much later, batched (syncJobBatchPeriod). */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;
/** At most this many UIDs in uncountedTerminatedPods at once (MaxUncountedPods). */
export const MAX_UNCOUNTED_PODS = 500;
/** At most this many pods created or deleted per sync (MaxPodCreateDeletePerSync). */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

/** True when a pod still carries the tracking finalizer. */
export function hasJobTrackingFinalizer(pod: Pod): boolean {
  return (pod.metadata?.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

/** The condition of `type`, if any. */
export function findCondition(job: Job, type: string): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type);
}

/** util.FinishedCondition: the type of a True Complete or Failed condition. */
export function finishedConditionType(job: Job): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  }
  return undefined;
}

/** util.IsJobFinished. */
export function isJobFinished(job: Job): boolean {
  return finishedConditionType(job) !== undefined;
}

/** util.IsJobSucceeded: a True Complete condition. */
export function isJobSucceeded(job: Job): boolean {
  return job.status?.conditions?.some((c) => c.type === 'Complete' && c.status === 'True') ?? false;
}

/** newCondition: probe and transition time now. */
export function newCondition(type: string, status: string, reason: string, message: string, now: number): JobCondition {
  const time = formatTime(now);
  const condition: JobCondition = { type, status, lastProbeTime: time, lastTransitionTime: time };
  if (reason) condition.reason = reason;
  if (message) condition.message = message;
  return condition;
}

/**
 * ensureJobConditionStatus: updates the condition of `type` when status, reason or message
 * differ, or appends it (never a new False one). True when the list changed.
 */
export function ensureCondition(job: Job, condition: JobCondition, now: number): boolean {
  const status = (job.status ??= {});
  const list = (status.conditions ??= []);
  const at = list.findIndex((c) => c.type === condition.type);
  const fresh = newCondition(condition.type, condition.status, condition.reason ?? '', condition.message ?? '', now);
  if (at >= 0) {
    const c = list[at];
    if (
      c.status === condition.status &&
      (c.reason ?? '') === (condition.reason ?? '') &&
      (c.message ?? '') === (condition.message ?? '')
    ) {
      return false;
    }
    list[at] = fresh;
    return true;
  }
  if (condition.status === 'False') return false;
  list.push(fresh);
  return true;
}

/** True for an Indexed Job. */
export function isIndexedJob(job: Job): boolean {
  return job.spec?.completionMode === 'Indexed';
}

/** jobSuspended. */
export function isJobSuspended(job: Job): boolean {
  return job.spec?.suspend === true;
}

/** onlyReplaceFailedPods: podReplacementPolicy Failed (or a podFailurePolicy) waits for terminating pods. */
export function onlyReplaceFailedPods(job: Job): boolean {
  return job.spec?.podReplacementPolicy === 'Failed' || job.spec?.podFailurePolicy != null;
}

/** isPodFailed: Failed, or (unless only failed pods are replaced) deleted before succeeding. */
export function isPodFailed(pod: Pod, job: Job): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata?.deletionTimestamp && phase !== 'Succeeded';
}

/** getCompletionIndex: the pod's index annotation, or -1 when missing or invalid. */
export function completionIndexOf(pod: Pod): number {
  const text = pod.metadata?.annotations?.[JOB_COMPLETION_INDEX];
  if (text === undefined || !/^[+-]?\d+$/.test(text)) return -1;
  const index = Number(text);
  return index < 0 ? -1 : index;
}

/** One run of indexes, first to last inclusive. */
export interface Interval {
  first: number;
  last: number;
}

/** orderedIntervals.merge: the union of two ordered interval lists. */
export function mergeIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const result: Interval[] = [];
  const push = (next: Interval): void => {
    const last = result[result.length - 1];
    if (!last || next.first > last.last + 1) result.push({ ...next });
    else if (last.last < next.last) last.last = next.last;
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) push(a[i].first < b[j].first ? a[i++] : b[j++]);
  while (i < a.length) push(a[i++]);
  while (j < b.length) push(b[j++]);
  return result;
}

/** withOrderedIndexes: the intervals plus the (increasing) `indexes`. */
export function withIndexes(intervals: readonly Interval[], indexes: readonly number[]): Interval[] {
  return mergeIntervals(
    intervals,
    indexes.map((ix) => ({ first: ix, last: ix })),
  );
}

/** How many indexes the intervals hold. */
export function intervalsTotal(intervals: readonly Interval[]): number {
  return intervals.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
}

/** True when `ix` lies in one of the intervals. */
export function intervalsHas(intervals: readonly Interval[], ix: number): boolean {
  return intervals.some((iv) => iv.first <= ix && ix <= iv.last);
}

/** The status text: `1,3-5,7,8` (a run of two is written with a comma). */
export function formatIntervals(intervals: readonly Interval[]): string {
  return intervals
    .map((iv) =>
      iv.last === iv.first ? `${iv.first}` : `${iv.first}${iv.last === iv.first + 1 ? ',' : '-'}${iv.last}`,
    )
    .join(',');
}

/** parseIndexesFromString: intervals below `completions`; corrupt parts are skipped. */
export function parseIntervals(text: string | undefined, completions: number): Interval[] {
  if (!text) return [];
  const result: Interval[] = [];
  for (const part of text.split(',')) {
    const limits = part.split('-');
    const first = /^\d+$/.test(limits[0]) ? Number(limits[0]) : NaN;
    if (Number.isNaN(first)) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      if (!/^\d+$/.test(limits[1])) continue;
      last = Math.min(Number(limits[1]), completions - 1);
    }
    const prev = result[result.length - 1];
    if (prev && prev.last === first - 1) prev.last = last;
    else result.push({ first, last });
  }
  return result;
}

/** The pod's finish time (getFinishedTime): its containers' last finishedAt, Ready=False, deletion, creation. */
export function finishedTime(pod: Pod): number {
  const statuses = (pod.status?.containerStatuses ?? []) as Array<{ state?: { terminated?: { finishedAt?: string } } }>;
  let fromContainers: number | undefined;
  let allDone = statuses.length > 0;
  for (const s of statuses) {
    const at = parseTime(s.state?.terminated?.finishedAt);
    if (at === undefined) {
      allDone = false;
      break;
    }
    if (fromContainers === undefined || at > fromContainers) fromContainers = at;
  }
  if (allDone && fromContainers !== undefined) return fromContainers;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  const readyAt = parseTime(ready?.lastTransitionTime);
  if (ready?.status === 'False' && readyAt !== undefined) return readyAt;
  const deletion = parseTime(pod.metadata?.deletionTimestamp);
  if (deletion !== undefined) return deletion - (pod.metadata?.deletionGracePeriodSeconds ?? 0) * 1000;
  return parseTime(pod.metadata?.creationTimestamp) ?? 0;
}

/** A Job's consecutive pod failures since its last success (backoffRecord). */
export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/** newBackoffRecord: the stored record advanced by the pods that finished since. */
export function nextBackoffRecord(old: BackoffRecord | undefined, succeeded: Pod[], failed: Pod[]): BackoffRecord {
  const record: BackoffRecord = { failuresAfterLastSuccess: 0, ...old };
  const byTime = (pods: Pod[]) => pods.map(finishedTime).sort((x, y) => x - y);
  const succeededTimes = byTime(succeeded);
  const failedTimes = byTime(failed);
  if (succeededTimes.length === 0) {
    if (failedTimes.length === 0) return record;
    return {
      failuresAfterLastSuccess: record.failuresAfterLastSuccess + failedTimes.length,
      lastFailureTime: failedTimes[failedTimes.length - 1],
    };
  }
  const next: BackoffRecord = { failuresAfterLastSuccess: 0 };
  const lastSuccess = succeededTimes[succeededTimes.length - 1];
  for (let i = failedTimes.length - 1; i >= 0 && failedTimes[i] > lastSuccess; i--) {
    next.lastFailureTime ??= failedTimes[i];
    next.failuresAfterLastSuccess++;
  }
  return next;
}

/** getRemainingTime: 10 s doubling per consecutive failure, capped, less the time since the last. */
export function backoffRemaining(record: BackoffRecord, now: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === undefined) return 0;
  let backoff = POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < record.failuresAfterLastSuccess; i++) {
    backoff *= 2;
    if (backoff >= MAX_POD_FAILURE_BACKOFF_MS) {
      backoff = MAX_POD_FAILURE_BACKOFF_MS;
      break;
    }
  }
  const elapsed = now - record.lastFailureTime;
  return backoff < elapsed ? 0 : backoff - elapsed;
}

/**
 * A status as Go serialises batch/v1 JobStatus: zero counters and empty strings left out, the
 * pointer fields (terminating, ready, uncountedTerminatedPods) kept whenever set.
 */
export function serializeJobStatus(status: JobStatus): JobStatus {
  const out: JobStatus = {};
  if (status.conditions?.length) out.conditions = status.conditions;
  if (status.startTime) out.startTime = status.startTime;
  if (status.completionTime) out.completionTime = status.completionTime;
  if (status.active) out.active = status.active;
  if (status.succeeded) out.succeeded = status.succeeded;
  if (status.failed) out.failed = status.failed;
  if (status.terminating !== undefined) out.terminating = status.terminating;
  if (status.completedIndexes) out.completedIndexes = status.completedIndexes;
  if (status.failedIndexes !== undefined) out.failedIndexes = status.failedIndexes;
  if (status.uncountedTerminatedPods) {
    const { succeeded, failed } = status.uncountedTerminatedPods;
    out.uncountedTerminatedPods = {};
    if (succeeded?.length) out.uncountedTerminatedPods.succeeded = [...succeeded];
    if (failed?.length) out.uncountedTerminatedPods.failed = [...failed];
  }
  if (status.ready !== undefined) out.ready = status.ready;
  return out;
}

/** What one sync of a Job has worked out so far (syncJobCtx). */
export interface SyncJobContext {
  key: string;
  /** The Job being synced: a copy, its status edited in place and replaced by each status write. */
  job: Job;
  pods: Pod[];
  activePods: Pod[];
  finishedCondition?: JobCondition;
  succeeded: number;
  failed: number;
  prevSucceededIndexes: Interval[];
  succeededIndexes: Interval[];
  newBackoffRecord: BackoffRecord;
  /** Pod UIDs whose finalizer removal is sent but not yet seen. */
  expectedRmFinalizers: Set<string>;
  uncounted: { succeeded: Set<string>; failed: Set<string> };
  terminating: number;
  ready: number;
}
