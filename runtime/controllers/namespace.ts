// The namespace controller (pkg/controller/namespace/namespace_controller.go).
import type { Clock, TimerHandle } from '../clock';
import type { RestClient } from '../client/rest-client';
import { NAMESPACES } from '../client/resources';
import type { EventRecorder } from './events';
import { objectKey, type Informer, type InformerFactory } from './informer';
import { NamespacedResourcesDeleter, ResourcesRemainingError, type Namespace } from './namespace-deleter';
import { BucketRateLimiter, ItemExponentialFailureRateLimiter, MaxOfRateLimiter } from './rate-limiter';
import { WorkQueue } from './workqueue';

/** The service account kube-controller-manager runs the namespace controller as. */
export const NAMESPACE_CONTROLLER_SERVICE_ACCOUNT = 'namespace-controller';
/** kube-controller-manager's --concurrent-namespace-syncs default. */
export const DEFAULT_NAMESPACE_WORKERS = 10;
/** kube-controller-manager's --namespace-sync-period default: terminating namespaces are looked at again this often. */
export const NAMESPACE_SYNC_PERIOD_MS = 5 * 60_000;
/**
 * namespaceDeletionGracePeriod: a namespace event is processed this much later, so that every API
 * server refuses new content before the controller lists what to delete.
 */
export const NAMESPACE_DELETION_GRACE_PERIOD_MS = 5_000;

/** What the namespace controller needs. */
export interface NamespaceControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  /** Unused: the namespace controller records no events (kept for the common deps shape). */
  recorder?: EventRecorder;
  /** Told of each failed sync (utilruntime.HandleError). */
  onError?: (key: string, error: unknown) => void;
  /** How often terminating namespaces are synced again (default NAMESPACE_SYNC_PERIOD_MS; 0: never). */
  resyncPeriodMs?: number;
}

/**
 * The namespace controller: a namespace with a deletionTimestamp is queued (5 s later), and each
 * sync runs the namespaced resources deleter over it. While content remains it looks again after
 * half the deleter's estimate plus a second (a pod's remaining grace period); other failures are
 * retried with a back-off of 5 ms doubling up to a minute.
 */
export class NamespaceController {
  readonly queue: WorkQueue<string>;
  readonly deleter: NamespacedResourcesDeleter;
  private readonly informer: Informer<Namespace>;
  private resyncTimer: TimerHandle | undefined;
  private stopped = false;

  constructor(private readonly deps: NamespaceControllerDeps) {
    // nsControllerRateLimiter: at least every minute, never longer; 10 qps overall.
    this.queue = new WorkQueue<string>(
      deps.clock,
      new MaxOfRateLimiter<string>(
        new ItemExponentialFailureRateLimiter<string>(5, 60_000),
        new BucketRateLimiter<string>(deps.clock, 10, 100),
      ),
    );
    this.deleter = new NamespacedResourcesDeleter(deps.client, deps.clock);
    this.informer = deps.informers.informerFor<Namespace>(NAMESPACES);
    this.informer.addEventHandler({
      add: (ns) => this.enqueue(ns),
      update: (_old, ns) => this.enqueue(ns),
    });
  }

  /** Waits for the namespace cache, then runs `workers` workers until `stop`. */
  async run(workers = DEFAULT_NAMESPACE_WORKERS): Promise<void> {
    await this.informer.waitForSync();
    if (this.stopped) return;
    this.scheduleResync();
    await Promise.all(Array.from({ length: workers }, () => this.worker()));
  }

  /** True once the namespace cache has listed. */
  hasSynced(): boolean {
    return this.informer.hasSynced();
  }

  /** Shuts the queue down; workers finish what they hold and exit. */
  stop(): void {
    this.stopped = true;
    this.resyncTimer?.cancel();
    this.queue.shutDown();
  }

  /** enqueueNamespace: only namespaces being deleted, after the deletion grace period. */
  private enqueue(ns: Namespace): void {
    if (!ns.metadata?.deletionTimestamp) return;
    this.queue.addAfter(objectKey(ns), NAMESPACE_DELETION_GRACE_PERIOD_MS);
  }

  /** The resync of the namespace handler (--namespace-sync-period). */
  private scheduleResync(): void {
    const period = this.deps.resyncPeriodMs ?? NAMESPACE_SYNC_PERIOD_MS;
    if (period <= 0 || this.stopped) return;
    this.resyncTimer = this.deps.clock.setTimer(period, () => {
      for (const ns of this.informer.list()) this.enqueue(ns);
      this.scheduleResync();
    });
  }

  private async worker(): Promise<void> {
    for (;;) {
      const next = await this.queue.get();
      if (next.shutdown) return;
      const key = next.item;
      try {
        await this.sync(key);
        this.queue.forget(key);
      } catch (error) {
        if (error instanceof ResourcesRemainingError) {
          this.queue.addAfter(key, (Math.floor(error.estimate / 2) + 1) * 1000);
        } else {
          this.queue.addRateLimited(key);
          this.deps.onError?.(key, new Error(`deletion of namespace ${key} failed: ${(error as Error).message}`));
        }
      } finally {
        this.queue.done(key);
      }
    }
  }

  /** syncNamespaceFromKey: a namespace no longer cached is done. */
  async sync(key: string): Promise<void> {
    if (!this.informer.getByKey(key)) return;
    await this.deleter.delete(key);
  }
}
