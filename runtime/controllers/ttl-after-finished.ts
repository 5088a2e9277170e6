import type { Clock } from '../clock';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { JOBS } from '../client/resources';
import { parseTime } from '../util/time';
import type { EventRecorder } from './events';
import { objectKey, type Informer, type InformerFactory } from './informer';
import { isJobFinished, type Job } from './job-util';
import { processQueue, WorkQueue } from './workqueue';

/** kube-controller-manager's --concurrent-ttl-after-finished-syncs default. */
export const DEFAULT_TTL_AFTER_FINISHED_WORKERS = 5;
/** The service account kube-controller-manager runs the TTL-after-finished controller as. */
export const TTL_AFTER_FINISHED_CONTROLLER_NAME = 'ttl-after-finished-controller';

/** What the controller needs (the recorder is taken for symmetry: upstream records no events). */
export interface TtlAfterFinishedControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder?: EventRecorder;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
}

/** needsCleanup: a finished Job with ttlSecondsAfterFinished. */
function needsCleanup(job: Job): boolean {
  return job.spec?.ttlSecondsAfterFinished != null && isJobFinished(job);
}

/** When the Job finished: the lastTransitionTime of its True Complete or Failed condition. */
function finishTime(job: Job): number | undefined {
  const c = job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  return parseTime(c?.lastTransitionTime);
}

/**
 * The TTL-after-finished controller (pkg/controller/ttlafterfinished): a finished Job with
 * spec.ttlSecondsAfterFinished is deleted (propagationPolicy Foreground, precondition on its
 * resourceVersion) that many seconds after its Complete or Failed condition; until then it waits
 * on the clock. Before deleting it reads the Job afresh, in case the TTL changed.
 */
export class TtlAfterFinishedController {
  readonly queue: WorkQueue<string>;
  private readonly jobInformer: Informer<Job>;
  private stopped = false;

  constructor(private readonly deps: TtlAfterFinishedControllerDeps) {
    this.queue = new WorkQueue<string>(deps.clock);
    this.jobInformer = deps.informers.informerFor<Job>(JOBS);
    const enqueue = (job: Job): void => {
      if (!job.metadata?.deletionTimestamp && needsCleanup(job)) this.queue.add(objectKey(job));
    };
    this.jobInformer.addEventHandler({ add: enqueue, update: (_old, cur) => enqueue(cur) });
  }

  /** Waits for the Job cache, then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_TTL_AFTER_FINISHED_WORKERS): Promise<void> {
    await this.jobInformer.waitForSync();
    if (this.stopped) return;
    await processQueue(this.queue, workers, (key) => this.sync(key), this.deps.onError);
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.queue.shutDown();
  }

  /** processJob: deletes the Job once expired, or asks to be woken when it will be. */
  async sync(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const cached = this.jobInformer.get(namespace, name);
    if (!cached || !this.expired(key, cached)) return;
    // The TTL may have been changed meanwhile: check the live object before deleting.
    const client = this.deps.client.resource<Job>(JOBS, namespace);
    let fresh: Job;
    try {
      fresh = await client.get(name);
    } catch (error) {
      if (hasStatusCode(error, 404)) return;
      throw error;
    }
    if (!this.expired(key, fresh)) return;
    try {
      await client.delete(name, {
        propagationPolicy: 'Foreground',
        preconditions: { resourceVersion: fresh.metadata?.resourceVersion },
      });
    } catch (error) {
      if (hasStatusCode(error, 404)) return;
      throw error;
    }
  }

  /** processTTL: true when the TTL has run out; otherwise requeues the Job for when it will. */
  private expired(key: string, job: Job): boolean {
    if (job.metadata?.deletionTimestamp || !needsCleanup(job)) return false;
    const finishedAt = finishTime(job);
    if (finishedAt === undefined) return false;
    const remaining = finishedAt + (job.spec?.ttlSecondsAfterFinished ?? 0) * 1000 - this.deps.clock.now();
    if (remaining <= 0) return true;
    this.queue.addAfter(key, remaining);
    return false;
  }
}
