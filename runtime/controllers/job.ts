import { clone } from '../api/object';
import type { Clock } from '../clock';
import type { RestClient } from '../client/rest-client';
import { JOBS, PODS } from '../client/resources';
import { formatTime, parseTime } from '../util/time';
import { PodControllerRefManager, recheckDeletionTimestamp } from './controller-ref';
import type { EventRecorder } from './events';
import { ControllerExpectations } from './expectations';
import type { Informer, InformerFactory } from './informer';
import { countTerminating, FinalizerExpectations, JOB_KIND, JobPodControl } from './job-pods';
import { JobHandlers, managedElsewhere } from './job-handlers';
import { JobStatusTracker, successCriteriaMet } from './job-status';
import {
  completionIndexOf,
  ensureCondition,
  findCondition,
  hasJobTrackingFinalizer,
  intervalsTotal,
  isIndexedJob,
  isJobFinished,
  isJobSuspended,
  isPodFailed,
  JOB_TRACKING_FINALIZER,
  newCondition,
  nextBackoffRecord,
  parseIntervals,
  withIndexes,
  type BackoffRecord,
  type Job,
  type SyncJobContext,
} from './job-util';
import { isPodActive, isPodReady, labelSelectorMatcher, type Pod } from './pods';
import { ItemExponentialFailureRateLimiter } from './rate-limiter';
import { WorkQueue } from './workqueue';

/** kube-controller-manager's --concurrent-job-syncs default. */
export const DEFAULT_JOB_WORKERS = 5;
/** The service account (and event source) kube-controller-manager runs the Job controller as. */
export const JOB_CONTROLLER_NAME = 'job-controller';

/** What the Job controller needs: an API client, shared informers, the clock and an event recorder. */
export interface JobControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/**
 * The Job controller (pkg/controller/job): runs a Job's pods from its template — NonIndexed or
 * Indexed, at most `parallelism` at once until `completions` succeed — and tracks them with the
 * batch.kubernetes.io/job-tracking finalizer: a finished pod goes into
 * status.uncountedTerminatedPods, loses its finalizer, and is then counted. Failed pods are
 * replaced after an exponential back-off (10 s doubling); past backoffLimit, or past
 * activeDeadlineSeconds, the Job gets FailureTarget, its pods are deleted, then Failed. A Job
 * that reaches its completions gets SuccessCriteriaMet, then Complete. Suspending deletes the
 * active pods. Pod events are batched one second; failed syncs back off from 1 s to 1 min.
 * Not modelled: podFailurePolicy, backoffLimitPerIndex, successPolicy.
 */
export class JobController {
  readonly queue: WorkQueue<string>;
  readonly orphanQueue: WorkQueue<string>;
  readonly expectations: ControllerExpectations;
  private readonly finalizerExpectations = new FinalizerExpectations();
  private readonly backoffs = new Map<string, BackoffRecord>();
  private readonly jobInformer: Informer<Job>;
  private readonly podInformer: Informer<Pod>;
  private readonly pods: JobPodControl;
  private readonly tracker: JobStatusTracker;
  private readonly handlers: JobHandlers;
  private stopped = false;

  constructor(private readonly deps: JobControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock, new ItemExponentialFailureRateLimiter(1000, 60_000));
    this.orphanQueue = new WorkQueue<string>(deps.clock, new ItemExponentialFailureRateLimiter(1000, 60_000));
    this.expectations = new ControllerExpectations(deps.clock);
    this.jobInformer = deps.informers.informerFor<Job>(JOBS);
    this.podInformer = deps.informers.informerFor<Pod>(PODS);
    this.pods = new JobPodControl(
      deps.client,
      deps.recorder,
      deps.clock,
      this.expectations,
      this.finalizerExpectations,
    );
    this.tracker = new JobStatusTracker({
      client: deps.client,
      clock: deps.clock,
      recorder: deps.recorder,
      pods: this.pods,
      saveBackoff: (key, record) => this.backoffs.set(key, record),
    });
    this.handlers = new JobHandlers({
      clock: deps.clock,
      queue: this.queue,
      orphanQueue: this.orphanQueue,
      expectations: this.expectations,
      finalizerExpectations: this.finalizerExpectations,
      jobInformer: this.jobInformer,
      podInformer: this.podInformer,
      pods: this.pods,
    });
    this.handlers.register();
  }

  /** Waits for both caches, then runs `workers` workers and the orphan-pod worker until `stop`. */
  async run(workers = DEFAULT_JOB_WORKERS): Promise<void> {
    await Promise.all([this.jobInformer.waitForSync(), this.podInformer.waitForSync()]);
    if (this.stopped) return;
    const sync = (key: string) => this.sync(key);
    const orphan = (key: string) => this.handlers.syncOrphanPod(key);
    await Promise.all([
      ...Array.from({ length: workers }, () => this.worker(this.queue, sync)),
      this.worker(this.orphanQueue, orphan),
    ]);
  }

  /** Shuts the queues down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
    this.orphanQueue.shutDown();
  }

  private async worker(queue: WorkQueue<string>, handle: (key: string) => Promise<void>): Promise<void> {
    for (;;) {
      const next = await queue.get();
      if (next.shutdown) return;
      const key = next.item;
      try {
        await handle(key);
        queue.forget(key);
      } catch (error) {
        this.deps.onError?.(key, error);
        queue.addRateLimited(key);
      } finally {
        queue.done(key);
      }
    }
  }

  /** getPodsForJob: every pod of the namespace it controls or may adopt; adopted pods get the finalizer. */
  private async podsForJob(job: Job): Promise<Pod[]> {
    const namespace = job.metadata?.namespace ?? '';
    const name = job.metadata?.name ?? '';
    const uid = job.metadata?.uid ?? '';
    const match = labelSelectorMatcher(job.spec?.selector);
    const jobs = this.deps.client.resource<Job>(JOBS, namespace);
    const manager = new PodControllerRefManager(
      this.deps.client.resource<Pod>(PODS, namespace),
      job,
      JOB_KIND,
      (pod) => match(pod.metadata?.labels),
      recheckDeletionTimestamp(async () => {
        const fresh = await jobs.get(name);
        if (fresh.metadata?.uid !== uid) {
          throw new Error(`original Job ${namespace}/${name} is gone: got uid ${fresh.metadata?.uid}, wanted ${uid}`);
        }
        return fresh;
      }),
    );
    const claimed = await manager.claimPods(this.podInformer.list(namespace));
    const result: Pod[] = [];
    for (const pod of claimed) {
      const adopted = !(pod.metadata?.ownerReferences ?? []).some((r) => r.uid === uid);
      if (adopted && !hasJobTrackingFinalizer(pod)) {
        await this.pods.addFinalizer(pod);
        result.push({
          ...pod,
          metadata: { ...pod.metadata, finalizers: [...(pod.metadata?.finalizers ?? []), JOB_TRACKING_FINALIZER] },
        });
      } else result.push(pod);
    }
    return result;
  }

  private record(job: Job, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.deps.recorder.event({ ...job, ...JOB_KIND }, type, reason, message);
  }

  /** syncJob: one reconciliation of the Job at `key`; throws to be retried. */
  async sync(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const shared = this.jobInformer.get(namespace, name);
    if (!shared) {
      this.expectations.delete(key);
      this.finalizerExpectations.delete(key);
      this.backoffs.delete(key);
      return;
    }
    if (managedElsewhere(shared)) return;
    const job = clone(shared);
    if (isJobFinished(job)) {
      this.backoffs.delete(key);
      return;
    }
    const mode = job.spec?.completionMode;
    if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
      this.record(job, 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown');
      return;
    }
    const status = (job.status ??= {});
    const uncountedStatus = (status.uncountedTerminatedPods ??= {});
    const now = this.deps.clock.now();
    const satisfied = this.expectations.satisfied(key);
    const pods = await this.podsForJob(job);
    const activePods = pods.filter(isPodActive);
    const ctx: SyncJobContext = {
      key,
      job,
      pods,
      activePods,
      succeeded: 0,
      failed: 0,
      prevSucceededIndexes: [],
      succeededIndexes: [],
      newBackoffRecord: { failuresAfterLastSuccess: 0 },
      expectedRmFinalizers: this.finalizerExpectations.expectedUIDs(key),
      uncounted: { succeeded: new Set(uncountedStatus.succeeded), failed: new Set(uncountedStatus.failed) },
      terminating: countTerminating(pods),
      ready: activePods.filter(isPodReady).length,
    };
    let active = activePods.length;
    const newSucceeded = this.newFinishedPods(ctx, ctx.uncounted.succeeded, (p) => p.status?.phase === 'Succeeded');
    const newFailed = this.newFinishedPods(ctx, ctx.uncounted.failed, (p) => isPodFailed(p, job));
    ctx.succeeded = (status.succeeded ?? 0) + newSucceeded.length + ctx.uncounted.succeeded.size;
    ctx.failed = (status.failed ?? 0) + newFailed.length + ctx.uncounted.failed.size;
    if (!status.startTime && !isJobSuspended(job)) status.startTime = formatTime(now);
    ctx.newBackoffRecord = nextBackoffRecord(this.backoffs.get(key), newSucceeded, newFailed);

    ctx.finishedCondition = successCriteriaMet(job);
    if (!ctx.finishedCondition) {
      const target = findCondition(job, 'FailureTarget');
      if (target?.status === 'True') {
        ctx.finishedCondition = newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', now);
      }
    }
    if (!ctx.finishedCondition) {
      const deadline = job.spec?.activeDeadlineSeconds;
      const started = parseTime(status.startTime);
      if (ctx.failed > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) {
        ctx.finishedCondition = newCondition(
          'FailureTarget',
          'True',
          'BackoffLimitExceeded',
          'Job has reached the specified backoff limit',
          now,
        );
      } else if (
        deadline !== undefined &&
        started !== undefined &&
        !isJobSuspended(job) &&
        now - started >= deadline * 1000
      ) {
        ctx.finishedCondition = newCondition(
          'FailureTarget',
          'True',
          'DeadlineExceeded',
          'Job was active longer than specified deadline',
          now,
        );
      } else if (deadline !== undefined && !isJobSuspended(job)) {
        this.queue.addAfter(key, deadline * 1000 - (now - (started ?? now)));
      }
    }
    if (isIndexedJob(job)) {
      const completions = job.spec?.completions ?? 0;
      ctx.prevSucceededIndexes = parseIntervals(status.completedIndexes, completions);
      const fresh = pods
        .filter((p) => p.status?.phase === 'Succeeded' && hasJobTrackingFinalizer(p))
        .map(completionIndexOf)
        .filter((ix) => ix >= 0 && ix < completions);
      ctx.succeededIndexes = withIndexes(
        ctx.prevSucceededIndexes,
        [...new Set(fresh)].sort((a, b) => a - b),
      );
      ctx.succeeded = intervalsTotal(ctx.succeededIndexes);
    }

    let suspendChanged = false;
    let manageError: Error | undefined;
    if (ctx.finishedCondition) {
      const { deleted, deletedReady, error } = await this.pods.deleteActivePods(job, ctx.activePods);
      // Not finished while pods may still hold finalizers or sit outside the cache.
      if (deleted !== active || !satisfied) ctx.finishedCondition = undefined;
      active -= deleted;
      ctx.terminating += deleted;
      ctx.ready -= deletedReady;
      manageError = error;
    } else {
      let managed = false;
      if (satisfied && !job.metadata?.deletionTimestamp) {
        const result = await this.pods.manageJob(ctx, (delay) => this.handlers.enqueueBatched(job, delay));
        active = result.active;
        manageError = result.error;
        managed = true;
      }
      const completions = job.spec?.completions;
      const complete =
        completions == null ? ctx.succeeded > 0 && active === 0 : ctx.succeeded >= completions && active === 0;
      if (complete) {
        ctx.finishedCondition = newCondition(
          'SuccessCriteriaMet',
          'True',
          'CompletionsReached',
          'Reached expected number of succeeded pods',
          now,
        );
      } else if (managed) {
        suspendChanged = this.syncSuspended(job, now);
      }
    }
    const needsStatusUpdate =
      suspendChanged ||
      active !== (status.active ?? 0) ||
      ctx.ready !== status.ready ||
      ctx.terminating !== status.terminating;
    status.active = active;
    status.ready = ctx.ready;
    status.terminating = ctx.terminating;
    try {
      await this.tracker.track(ctx, needsStatusUpdate);
    } catch (error) {
      throw new Error(`tracking status: ${(error as Error).message}`, { cause: error });
    }
    if (manageError) throw manageError;
  }

  /** The Suspended condition and its events; a resumed Job starts its deadline again. */
  private syncSuspended(job: Job, now: number): boolean {
    if (isJobSuspended(job)) {
      const changed = ensureCondition(
        job,
        { type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' },
        now,
      );
      if (changed) this.record(job, 'Normal', 'Suspended', 'Job suspended');
      return changed;
    }
    const changed = ensureCondition(
      job,
      { type: 'Suspended', status: 'False', reason: 'JobResumed', message: 'Job resumed' },
      now,
    );
    if (changed) {
      this.record(job, 'Normal', 'Resumed', 'Job resumed');
      (job.status ??= {}).startTime = formatTime(now);
    }
    return changed;
  }

  /** getValidPodsWithFilter: finished pods not counted yet (with the finalizer, not uncounted, valid index). */
  private newFinishedPods(ctx: SyncJobContext, uncounted: Set<string>, filter: (pod: Pod) => boolean): Pod[] {
    const completions = ctx.job.spec?.completions ?? 0;
    return ctx.pods.filter((p) => {
      const uid = p.metadata?.uid ?? '';
      if (!hasJobTrackingFinalizer(p) || uncounted.has(uid) || ctx.expectedRmFinalizers.has(uid)) return false;
      if (isIndexedJob(ctx.job)) {
        const ix = completionIndexOf(p);
        if (ix < 0 || ix >= completions) return false;
      }
      return filter(p);
    });
  }
}

/** pastBackoffLimitOnFailure: with restartPolicy OnFailure, container restarts count as failures. */
function pastBackoffLimitOnFailure(job: Job, pods: Pod[]): boolean {
  const spec = job.spec?.template?.spec as { restartPolicy?: string } | undefined;
  if (spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    if (pod.status?.phase !== 'Running' && pod.status?.phase !== 'Pending') continue;
    const statuses = [
      ...((pod.status?.initContainerStatuses as Array<{ restartCount?: number }> | undefined) ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ];
    for (const s of statuses) restarts += s.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}
