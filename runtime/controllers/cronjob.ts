import { clone } from '../api/object';
import type { Clock } from '../clock';
import { hasStatusCause, hasStatusCode, type RestClient } from '../client/rest-client';
import { CRONJOBS, JOBS } from '../client/resources';
import { formatTime, parseTime } from '../util/time';
import { resolveControllerRef } from './controller-ref';
import { loadLocation, parseStandardSchedule, type CronSchedule } from './cron-schedule';
import {
  byJobStartTime,
  formatRfc1123z,
  jobFromTemplate,
  jobNameFor,
  mostRecentScheduleTime,
  nextScheduleDelay,
  serializeCronJobStatus,
  type CronJob,
} from './cronjob-util';
import { referenceOf, type EventRecorder } from './events';
import {
  objectKey,
  tombstoneObject,
  type DeletedFinalStateUnknown,
  type Informer,
  type InformerFactory,
} from './informer';
import { finishedConditionType, isJobFinished, isJobSucceeded, type Job } from './job-util';
import { controllerOf } from './pods';
import { WorkQueue } from './workqueue';

/** kube-controller-manager's --concurrent-cron-job-syncs default. */
export const DEFAULT_CRONJOB_WORKERS = 5;
/** The service account (and event source) kube-controller-manager runs the CronJob controller as. */
export const CRONJOB_CONTROLLER_NAME = 'cronjob-controller';

/** What the CronJob controller needs: an API client, shared informers, the clock and an event recorder. */
export interface CronJobControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

const KIND = { apiVersion: 'batch/v1', kind: 'CronJob' };

/** What one syncCronJob decided: when to look again, whether the status changed, and an error. */
interface SyncResult {
  requeueAfter?: number;
  updateStatus: boolean;
  error?: Error;
}

/**
 * The CronJob controller (pkg/controller/cronjob, ControllerV2): on each sync it reconciles the
 * active list with the Jobs it owns, deletes finished Jobs beyond the history limits, and, when a
 * schedule time has come (only the most recent one missed, within startingDeadlineSeconds),
 * creates the Job `<name>-<minutes since epoch>` as concurrencyPolicy allows; then it wakes itself
 * on the clock at the next schedule time (plus 100 ms). After downtime it starts only the most
 * recent missed run, warning when more than 100 were missed.
 */
export class CronJobController {
  readonly queue: WorkQueue<string>;
  private readonly cronJobInformer: Informer<CronJob>;
  private readonly jobInformer: Informer<Job>;
  private stopped = false;

  constructor(private readonly deps: CronJobControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.cronJobInformer = deps.informers.informerFor<CronJob>(CRONJOBS);
    this.jobInformer = deps.informers.informerFor<Job>(JOBS);
    this.cronJobInformer.addEventHandler({
      add: (cj) => this.queue.add(objectKey(cj)),
      update: (old, cur) => this.updateCronJob(old, cur),
      delete: (cj) => this.queue.add(objectKey(cj)),
    });
    this.jobInformer.addEventHandler({
      add: (job) => this.enqueueOwner(job),
      update: (old, cur) => this.updateJob(old, cur),
      delete: (job) => this.enqueueOwner(tombstoneObject(job as Job | DeletedFinalStateUnknown<Job>)),
    });
  }

  /** Waits for both caches, then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_CRONJOB_WORKERS): Promise<void> {
    await Promise.all([this.cronJobInformer.waitForSync(), this.jobInformer.waitForSync()]);
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
        const requeueAfter = await this.sync(key);
        if (requeueAfter !== undefined) {
          this.queue.forget(key);
          this.queue.addAfter(key, requeueAfter);
        }
      } catch (error) {
        this.deps.onError?.(key, error);
        this.queue.addRateLimited(key);
      } finally {
        this.queue.done(key);
      }
    }
  }

  private enqueueOwner(job: Job): void {
    const ref = controllerOf(job);
    if (!ref) return;
    const cj = resolveControllerRef(this.cronJobInformer, KIND.kind, job.metadata?.namespace ?? '', ref);
    if (cj) this.queue.add(objectKey(cj));
  }

  private updateJob(old: Job, cur: Job): void {
    if (cur.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    if (JSON.stringify(controllerOf(cur)) !== JSON.stringify(controllerOf(old))) this.enqueueOwner(old);
    this.enqueueOwner(cur);
  }

  /** A changed schedule or time zone requeues for its next time; any other change syncs now. */
  private updateCronJob(old: CronJob, cur: CronJob): void {
    if (old.spec?.schedule === cur.spec?.schedule && old.spec?.timeZone === cur.spec?.timeZone) {
      this.queue.add(objectKey(cur));
      return;
    }
    let schedule: CronSchedule;
    try {
      schedule = parseStandardSchedule(this.formatSchedule(cur, false));
    } catch {
      this.record(
        cur,
        'Warning',
        'UnParseableCronJobSchedule',
        `unparseable schedule for cronjob: ${cur.spec?.schedule}`,
      );
      return;
    }
    this.queue.addAfter(objectKey(cur), nextScheduleDelay(cur, this.deps.clock.now(), schedule));
  }

  private record(cj: CronJob, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.deps.recorder.event({ ...cj, ...KIND }, type, reason, message);
  }

  /** sync: one reconciliation of the CronJob at `key`; resolves when to sync again, throws to retry. */
  async sync(key: string): Promise<number | undefined> {
    const [namespace, name] = key.split('/');
    const cached = this.cronJobInformer.get(namespace, name);
    if (!cached) return undefined;
    // getJobsToBeReconciled: owned by controller name, so Jobs with stale labels are kept too.
    const jobs = this.jobInformer.list(namespace).filter((job) => controllerOf(job)?.name === name);
    const cj = clone(cached);
    const cleaned = await this.cleanupFinishedJobs(cj, jobs);
    const result = await this.syncCronJob(cj, jobs);
    if (cleaned || result.updateStatus) {
      await this.deps.client
        .resource<CronJob>(CRONJOBS, namespace)
        .updateStatus({ ...cj, status: serializeCronJobStatus(cj.status ?? {}) });
    }
    if (result.requeueAfter !== undefined) return result.requeueAfter;
    if (result.error) throw result.error;
    return undefined;
  }

  /** formatSchedule: spec.timeZone as a TZ= prefix; a TZ in the schedule itself only warns. */
  private formatSchedule(cj: CronJob, warn: boolean): string {
    const schedule = cj.spec?.schedule ?? '';
    if (schedule.includes('TZ')) {
      if (warn) {
        this.record(
          cj,
          'Warning',
          'UnsupportedSchedule',
          `CRON_TZ or TZ used in schedule ${JSON.stringify(schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
        );
      }
      return schedule;
    }
    const zone = cj.spec?.timeZone;
    if (zone == null) return schedule;
    try {
      loadLocation(zone);
    } catch {
      return schedule;
    }
    return `TZ=${zone} ${schedule}`;
  }

  /** cleanupFinishedJobs: deletes the oldest finished Jobs beyond each history limit. */
  private async cleanupFinishedJobs(cj: CronJob, jobs: Job[]): Promise<boolean> {
    const successfulLimit = cj.spec?.successfulJobsHistoryLimit;
    const failedLimit = cj.spec?.failedJobsHistoryLimit;
    if (successfulLimit == null && failedLimit == null) return false;
    const successful = jobs.filter((j) => finishedConditionType(j) === 'Complete');
    const failed = jobs.filter((j) => finishedConditionType(j) === 'Failed');
    let updated = false;
    for (const [list, limit] of [
      [successful, successfulLimit],
      [failed, failedLimit],
    ] as const) {
      if (limit == null || list.length <= limit) continue;
      const oldest = [...list].sort(byJobStartTime).slice(0, list.length - limit);
      for (const job of oldest) if (await this.deleteJob(cj, job)) updated = true;
    }
    return updated;
  }

  /** deleteJob: the Job (background propagation) and its entry in the active list. */
  private async deleteJob(cj: CronJob, job: Job): Promise<boolean> {
    try {
      await this.deps.client
        .resource<Job>(JOBS, job.metadata?.namespace)
        .delete(job.metadata?.name ?? '', { propagationPolicy: 'Background' });
    } catch (error) {
      this.record(cj, 'Warning', 'FailedDelete', `Deleted job: ${(error as Error).message}`);
      return false;
    }
    removeFromActive(cj, job.metadata?.uid ?? '');
    this.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata?.name}`);
    return true;
  }

  /** syncCronJob: the active list, then at most one new Job for the most recent unmet schedule time. */
  private async syncCronJob(cj: CronJob, jobs: Job[]): Promise<SyncResult> {
    const now = this.deps.clock.now();
    const namespace = cj.metadata?.namespace ?? '';
    const jobClient = this.deps.client.resource<Job>(JOBS, namespace);
    let updateStatus = false;
    cj.status ??= {};
    const children = new Set<string>();
    for (const job of jobs) {
      const uid = job.metadata?.uid ?? '';
      children.add(uid);
      const found = inActive(cj, uid);
      if (!found && !isJobFinished(job)) {
        const fresh = await this.deps.client.resource<CronJob>(CRONJOBS, namespace).get(cj.metadata?.name ?? '');
        if (inActive(fresh, uid)) {
          cj.metadata = fresh.metadata;
          cj.status = fresh.status ?? {};
          continue;
        }
        this.record(
          cj,
          'Warning',
          'UnexpectedJob',
          `Saw a job that the controller did not create or forgot: ${job.metadata?.name}`,
        );
      } else if (isJobFinished(job)) {
        if (found) {
          removeFromActive(cj, uid);
          this.record(
            cj,
            'Normal',
            'SawCompletedJob',
            `Saw completed job: ${job.metadata?.name}, condition: ${finishedConditionType(job)}`,
          );
          updateStatus = true;
        }
        const completedAt = parseTime(job.status?.completionTime);
        if (isJobSucceeded(job) && completedAt !== undefined) {
          const last = parseTime(cj.status?.lastSuccessfulTime);
          if (last === undefined || completedAt > last) {
            (cj.status ??= {}).lastSuccessfulTime = job.status?.completionTime;
            updateStatus = true;
          }
        }
      }
    }
    // Active entries whose Job is gone (asked of the API server, not the possibly slow cache).
    for (const ref of [...(cj.status?.active ?? [])]) {
      if (children.has(ref.uid ?? '')) continue;
      try {
        await this.deps.client.resource<Job>(JOBS, ref.namespace).get(ref.name ?? '');
      } catch (error) {
        if (!hasStatusCode(error, 404)) return { updateStatus, error: error as Error };
        this.record(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
        removeFromActive(cj, ref.uid ?? '');
        updateStatus = true;
      }
    }
    if (cj.metadata?.deletionTimestamp) return { updateStatus };

    const zone = cj.spec?.timeZone;
    if (zone != null) {
      try {
        loadLocation(zone);
      } catch (error) {
        this.record(
          cj,
          'Warning',
          'UnknownTimeZone',
          `invalid timeZone: ${JSON.stringify(zone)}: ${(error as Error).message}`,
        );
        return { updateStatus };
      }
    }
    if (cj.spec?.suspend) return { updateStatus };

    let schedule: CronSchedule;
    try {
      schedule = parseStandardSchedule(this.formatSchedule(cj, true));
    } catch (error) {
      this.record(
        cj,
        'Warning',
        'UnparseableSchedule',
        `unparseable schedule: ${JSON.stringify(cj.spec?.schedule)} : ${(error as Error).message}`,
      );
      return { updateStatus };
    }
    const requeue = (): SyncResult => ({ requeueAfter: nextScheduleDelay(cj, now, schedule), updateStatus });

    // nextScheduleTime: the most recent unmet time within the starting deadline.
    let scheduledTime: number | undefined;
    try {
      const { mostRecent, missed } = mostRecentScheduleTime(cj, now, schedule, true);
      scheduledTime = mostRecent !== undefined && mostRecent <= now ? mostRecent : undefined;
      if (scheduledTime !== undefined && missed === 'many') {
        this.record(
          cj,
          'Warning',
          'TooManyMissedTimes',
          'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
        );
      }
    } catch (error) {
      this.record(
        cj,
        'Warning',
        'InvalidSchedule',
        `invalid schedule: ${cj.spec?.schedule} : ${(error as Error).message}`,
      );
      return { updateStatus };
    }
    if (scheduledTime === undefined) return requeue();

    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline != null && scheduledTime + deadline * 1000 < now) {
      this.record(
        cj,
        'Warning',
        'MissSchedule',
        `Missed scheduled time to start a job: ${formatRfc1123z(scheduledTime)}`,
      );
      return requeue();
    }
    const jobName = jobNameFor(cj, scheduledTime);
    const active = cj.status?.active ?? [];
    if (
      active.some((r) => r.name === jobName && r.namespace === namespace) ||
      parseTime(cj.status?.lastScheduleTime) === scheduledTime
    ) {
      return requeue();
    }
    if (cj.spec?.concurrencyPolicy === 'Forbid' && active.length > 0) {
      this.record(
        cj,
        'Normal',
        'JobAlreadyActive',
        'Not starting job because prior execution is running and concurrency policy is Forbid',
      );
      return requeue();
    }
    if (cj.spec?.concurrencyPolicy === 'Replace') {
      for (const ref of [...active]) {
        let job: Job;
        try {
          job = await this.deps.client.resource<Job>(JOBS, ref.namespace).get(ref.name ?? '');
        } catch (error) {
          this.record(cj, 'Warning', 'FailedGet', `Get job: ${(error as Error).message}`);
          return { updateStatus, error: error as Error };
        }
        if (!(await this.deleteJob(cj, job))) {
          return {
            updateStatus,
            error: new Error(`could not replace job ${job.metadata?.namespace}/${job.metadata?.name}`),
          };
        }
        updateStatus = true;
      }
    }

    let created: Job;
    let existed = false;
    try {
      created = await jobClient.create(jobFromTemplate(cj, scheduledTime));
    } catch (error) {
      if (hasStatusCause(error, 'NamespaceTerminating')) return { updateStatus, error: error as Error };
      if (!hasStatusCode(error, 409)) {
        this.record(cj, 'Warning', 'FailedCreate', `Error creating job: ${(error as Error).message}`);
        return { updateStatus, error: error as Error };
      }
      // Created before, but the status write was lost: add it to the active list now.
      existed = true;
      try {
        created = await jobClient.get(jobName);
      } catch (getError) {
        return { updateStatus, error: getError as Error };
      }
      if (controllerOf(created)?.uid !== cj.metadata?.uid) return { updateStatus };
      if (inActive(cj, created.metadata?.uid ?? '')) return { updateStatus };
    }
    if (!existed) this.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata?.name}`);
    (cj.status ??= {}).active = [
      ...(cj.status?.active ?? []),
      referenceOf({ ...created, apiVersion: 'batch/v1', kind: 'Job' }),
    ];
    cj.status.lastScheduleTime = formatTime(scheduledTime);
    return { requeueAfter: nextScheduleDelay(cj, now, schedule), updateStatus: true };
  }
}

function inActive(cj: CronJob, uid: string): boolean {
  return (cj.status?.active ?? []).some((r) => r.uid === uid);
}

function removeFromActive(cj: CronJob, uid: string): void {
  const status = (cj.status ??= {});
  status.active = (status.active ?? []).filter((r) => r.uid !== uid);
}
