import type { Clock } from '../clock';
import { hasStatusCode } from '../client/rest-client';
import { parseTime } from '../util/time';
import { resolveControllerRef, sameControllerRef, selectorsMatching } from './controller-ref';
import type { ControllerExpectations } from './expectations';
import { objectKey, tombstoneObject, type DeletedFinalStateUnknown, type Informer } from './informer';
import { JOB_KIND, type FinalizerExpectations, type JobPodControl } from './job-pods';
import {
  hasJobTrackingFinalizer,
  isJobFinished,
  JOB_CONTROLLER_MANAGER,
  SYNC_JOB_BATCH_PERIOD_MS,
  type Job,
} from './job-util';
import { controllerOf, labelSelectorMatcher, type Pod } from './pods';
import type { WorkQueue } from './workqueue';

/** What the Job controller's informer handlers act on. */
export interface JobHandlerDeps {
  clock: Clock;
  queue: WorkQueue<string>;
  orphanQueue: WorkQueue<string>;
  expectations: ControllerExpectations;
  finalizerExpectations: FinalizerExpectations;
  jobInformer: Informer<Job>;
  podInformer: Informer<Pod>;
  pods: JobPodControl;
}

const podKey = (pod: Pod): string => `${pod.metadata?.namespace}/${pod.metadata?.name}`;

/** A Job whose spec.managedBy names another controller. */
export function managedElsewhere(job: Job): boolean {
  const manager = job.spec?.managedBy;
  return manager !== undefined && manager !== JOB_CONTROLLER_MANAGER;
}

/**
 * The Job controller's informer handlers (job_controller.go addPod … deleteJob): Job changes
 * sync at once (status-only ones batched), pod events are batched one second and observe
 * expectations; pods left with the tracking finalizer and no unfinished Job go to the orphan
 * queue, whose worker (syncOrphanPod) drops the finalizer.
 */
export class JobHandlers {
  constructor(private readonly deps: JobHandlerDeps) {}

  /** Registers the handlers on both informers. */
  register(): void {
    this.deps.jobInformer.addEventHandler({
      add: (job) => this.deps.queue.add(objectKey(job)),
      update: (old, cur) => this.updateJob(old, cur),
      delete: (job) => this.deleteJob(job),
    });
    this.deps.podInformer.addEventHandler({
      add: (pod) => this.addPod(pod),
      update: (old, cur) => this.updatePod(old, cur),
      delete: (pod) => this.deletePod(tombstoneObject(pod), true),
    });
  }

  /** enqueueSyncJobBatched / WithDelay: a sync after at least the batch period. */
  enqueueBatched(job: Job, delayMs = SYNC_JOB_BATCH_PERIOD_MS): void {
    this.deps.queue.addAfter(objectKey(job), Math.max(delayMs, SYNC_JOB_BATCH_PERIOD_MS));
  }

  resolve(namespace: string, ref: { kind: string; name: string; uid: string }): Job | undefined {
    return resolveControllerRef(this.deps.jobInformer, JOB_KIND.kind, namespace, ref);
  }

  updateJob(old: Job, cur: Job): void {
    const key = objectKey(cur);
    // A spec change syncs at once; status updates (from pod events) are batched.
    if (cur.metadata?.generation === old.metadata?.generation) this.enqueueBatched(cur);
    else this.deps.queue.add(key);
    if (isJobFinished(cur)) this.cleanupPodFinalizers(cur);
    const start = parseTime(cur.status?.startTime);
    const deadline = cur.spec?.activeDeadlineSeconds;
    if (start !== undefined && deadline !== undefined && deadline !== old.spec?.activeDeadlineSeconds) {
      this.deps.queue.addAfter(key, deadline * 1000 - (this.deps.clock.now() - start));
    }
  }

  deleteJob(object: Job | DeletedFinalStateUnknown<Job>): void {
    this.deps.queue.add(objectKey(object));
    this.cleanupPodFinalizers(tombstoneObject(object));
  }

  /** Sends the Job's pods that still hold the finalizer to the orphan worker. */
  cleanupPodFinalizers(job: Job): void {
    const match = labelSelectorMatcher(job.spec?.selector);
    for (const pod of this.deps.podInformer.list(job.metadata?.namespace ?? '')) {
      if (!match(pod.metadata?.labels) || controllerOf(pod)?.uid !== job.metadata?.uid) continue;
      if (hasJobTrackingFinalizer(pod)) this.deps.orphanQueue.add(podKey(pod));
    }
  }

  addPod(pod: Pod): void {
    if (pod.metadata?.deletionTimestamp) {
      this.deletePod(pod, false);
      return;
    }
    const ref = controllerOf(pod);
    if (ref) {
      const job = this.resolve(pod.metadata?.namespace ?? '', ref);
      if (!job) return;
      this.deps.expectations.creationObserved(objectKey(job));
      this.enqueueBatched(job);
      return;
    }
    if (hasJobTrackingFinalizer(pod)) this.deps.orphanQueue.add(podKey(pod));
    for (const job of selectorsMatching(this.deps.jobInformer, pod.metadata?.namespace ?? '', pod.metadata?.labels)) {
      this.enqueueBatched(job);
    }
  }

  updatePod(old: Pod, cur: Pod): void {
    if (cur.metadata?.resourceVersion === old.metadata?.resourceVersion) return;
    if (cur.metadata?.deletionTimestamp) {
      this.deletePod(cur, false);
      return;
    }
    const finalizerRemoved = !hasJobTrackingFinalizer(cur);
    const curRef = controllerOf(cur);
    const oldRef = controllerOf(old);
    const refChanged = !sameControllerRef(curRef, oldRef);
    const observe = (job: Job): void => {
      if (finalizerRemoved) this.deps.finalizerExpectations.removalObserved(objectKey(job), cur.metadata?.uid ?? '');
      this.enqueueBatched(job);
    };
    if (refChanged && oldRef) {
      const job = this.resolve(old.metadata?.namespace ?? '', oldRef);
      if (job) observe(job);
    }
    if (curRef) {
      const job = this.resolve(cur.metadata?.namespace ?? '', curRef);
      if (job) observe(job);
      return;
    }
    if (hasJobTrackingFinalizer(cur)) this.deps.orphanQueue.add(podKey(cur));
    const labelsChanged = JSON.stringify(cur.metadata?.labels ?? {}) !== JSON.stringify(old.metadata?.labels ?? {});
    if (labelsChanged || refChanged) {
      for (const job of selectorsMatching(this.deps.jobInformer, cur.metadata?.namespace ?? '', cur.metadata?.labels)) {
        this.enqueueBatched(job);
      }
    }
  }

  /** deletePod: `final` for the informer's delete, not for a deletionTimestamp seen in an update. */
  deletePod(pod: Pod, final: boolean): void {
    const ref = controllerOf(pod);
    const hasFinalizer = hasJobTrackingFinalizer(pod);
    if (!ref) {
      if (hasFinalizer) this.deps.orphanQueue.add(podKey(pod));
      return;
    }
    const job = this.resolve(pod.metadata?.namespace ?? '', ref);
    if (!job || isJobFinished(job)) {
      if (hasFinalizer) this.deps.orphanQueue.add(podKey(pod));
      return;
    }
    const key = objectKey(job);
    this.deps.expectations.deletionObserved(key, podKey(pod));
    if (final || !hasFinalizer) this.deps.finalizerExpectations.removalObserved(key, pod.metadata?.uid ?? '');
    this.enqueueBatched(job);
  }

  /** syncOrphanPod: drops the finalizer of a pod no unfinished Job controls. */
  async syncOrphanPod(key: string): Promise<void> {
    const [namespace, name] = key.split('/');
    const pod = this.deps.podInformer.get(namespace, name);
    if (!pod) return;
    const ref = controllerOf(pod);
    if (ref) {
      if (ref.kind !== JOB_KIND.kind || ref.apiVersion !== JOB_KIND.apiVersion) return;
      const job = this.resolve(namespace, ref);
      if (job && managedElsewhere(job)) return;
      if (job && !isJobFinished(job)) return;
    }
    try {
      await this.deps.pods.removeFinalizer(pod);
    } catch (error) {
      if (!hasStatusCode(error, 404)) throw error;
    }
  }
}
