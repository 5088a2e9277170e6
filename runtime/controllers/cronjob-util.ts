import { clone, type KubeObject } from '../api/object';
import { parseTime } from '../util/time';
import { GO_ZERO_TIME_MS, loadLocation, type CronSchedule } from './cron-schedule';
import type { ObjectReference } from './events';
import type { Job, JobSpec } from './job-util';

/** batch/v1 CronJob, the fields the controller reads and writes. */
export interface CronJob extends KubeObject {
  spec?: {
    schedule?: string;
    timeZone?: string;
    startingDeadlineSeconds?: number;
    concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
    suspend?: boolean;
    jobTemplate?: { metadata?: KubeObject['metadata']; spec?: JobSpec };
    successfulJobsHistoryLimit?: number;
    failedJobsHistoryLimit?: number;
  };
  status?: CronJobStatus;
}

/** batch/v1 CronJobStatus. */
export interface CronJobStatus {
  active?: ObjectReference[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
}

/** The annotation with the time a CronJob's Job was scheduled for (batchv1.CronJobScheduledTimestampAnnotation). */
export const CRONJOB_SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** Requeues land this long after the schedule time, against clock skew (nextScheduleDelta). */
export const NEXT_SCHEDULE_DELTA_MS = 100;

/** missedSchedulesType. */
export type MissedSchedules = 'none' | 'few' | 'many';

/**
 * mostRecentScheduleTime: the time counted from (last schedule, or creation; with
 * `includeDeadline`, no earlier than startingDeadlineSeconds ago), the most recent schedule time
 * at or before `now` after it (if any), and how many were missed (more than 100: many). Throws for
 * a schedule whose two next times are less than a second apart (one that never fires).
 */
export function mostRecentScheduleTime(
  cj: CronJob,
  now: number,
  schedule: CronSchedule,
  includeDeadline: boolean,
): { earliest: number; mostRecent?: number; missed: MissedSchedules } {
  let earliest = parseTime(cj.status?.lastScheduleTime) ?? parseTime(cj.metadata?.creationTimestamp) ?? 0;
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (includeDeadline && deadline != null) earliest = Math.max(earliest, now - deadline * 1000);
  const t1 = schedule.next(earliest);
  const t2 = schedule.next(t1);
  if (now < t1) return { earliest, missed: 'none' };
  if (now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1 || t1 === GO_ZERO_TIME_MS) {
    throw new Error('time difference between two schedules is less than 1 second');
  }
  // A rough count of the schedules that fit between t1 and now, as upstream counts them.
  const elapsed = Math.trunc((now - t1) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  let mostRecent: number | undefined;
  const potentialEarliest = t1 + (missedCount - 2) * between * 1000;
  for (let t = schedule.next(potentialEarliest); t <= now; t = schedule.next(t)) mostRecent = t;
  const missed: MissedSchedules = missedCount > 100 ? 'many' : 'few';
  return { earliest, mostRecent, missed };
}

/** nextScheduleTimeDuration: how long until the next schedule time (plus the 100 ms delta). */
export function nextScheduleDelay(cj: CronJob, now: number, schedule: CronSchedule): number {
  let from: number;
  try {
    const { earliest, mostRecent, missed } = mostRecentScheduleTime(cj, now, schedule, false);
    from = mostRecent ?? (missed === 'none' ? earliest : now);
  } catch {
    from = now;
  }
  return schedule.next(from) + NEXT_SCHEDULE_DELTA_MS - now;
}

/** getJobName: `<cronjob>-<scheduled time in minutes since the epoch>`. */
export function jobNameFor(cj: CronJob, scheduledTime: number): string {
  return `${cj.metadata?.name}-${Math.floor(scheduledTime / 60_000)}`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Go's time.RFC3339 of `ms` in a zone `offsetMinutes` east of UTC (Z for UTC). */
export function formatRfc3339(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.trunc(abs / 60))}:${pad(abs % 60)}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Thu, 01 Jan 2026 00:05:00 +0000`. */
export function formatRfc1123z(ms: number): string {
  const d = new Date(ms);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} +0000`;
}

/**
 * getJobFromTemplate2: the Job for `scheduledTime`: the template's labels and annotations, the
 * scheduled-timestamp annotation (RFC 3339 in spec.timeZone), a controller reference.
 */
export function jobFromTemplate(cj: CronJob, scheduledTime: number): Job {
  const template = cj.spec?.jobTemplate ?? {};
  const labels = { ...template.metadata?.labels };
  const annotations = { ...template.metadata?.annotations };
  annotations[CRONJOB_SCHEDULED_TIMESTAMP] = formatRfc3339(scheduledTime, loadLocation(cj.spec?.timeZone ?? ''));
  const metadata: KubeObject['metadata'] = {
    name: jobNameFor(cj, scheduledTime),
    annotations,
    ownerReferences: [
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: cj.metadata?.name ?? '',
        uid: cj.metadata?.uid ?? '',
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  };
  if (Object.keys(labels).length > 0) metadata.labels = labels;
  return { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: clone(template.spec ?? {}) };
}

/** byJobStartTime: started Jobs first, by start time, then by name. */
export function byJobStartTime(a: Job, b: Job): number {
  const sa = parseTime(a.status?.startTime);
  const sb = parseTime(b.status?.startTime);
  if (sa === undefined && sb !== undefined) return 1;
  if (sa !== undefined && sb === undefined) return -1;
  if (sa === sb) return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
  return (sa as number) - (sb as number);
}

/** A status as Go serialises batch/v1 CronJobStatus (empty fields left out). */
export function serializeCronJobStatus(status: CronJobStatus): CronJobStatus {
  const out: CronJobStatus = {};
  if (status.active?.length) out.active = status.active;
  if (status.lastScheduleTime) out.lastScheduleTime = status.lastScheduleTime;
  if (status.lastSuccessfulTime) out.lastSuccessfulTime = status.lastSuccessfulTime;
  return out;
}
