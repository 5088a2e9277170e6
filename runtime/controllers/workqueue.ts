import type { Clock, TimerHandle } from '../clock';
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiter';

/** What `get` hands a worker: an item to process, or the news that the queue has shut down. */
export type QueueItem<T> = { item: T; shutdown: false } | { item?: undefined; shutdown: true };

/**
 * client-go's rate-limiting work queue (util/workqueue: Typed, delayingType and rateLimitingType
 * in one): items are processed in the order added, each once however often it was added while
 * waiting (the dirty set), and never by two workers at once: an item added while a worker holds
 * it (the processing set) waits until that worker calls `done`, then goes back in the queue.
 * `addAfter` waits on the injected clock (an earlier deadline for a waiting item wins);
 * `addRateLimited` waits as long as the rate limiter says (by default client-go's
 * DefaultControllerRateLimiter); `forget` resets an item's back-off.
 */
export class WorkQueue<T> {
  private readonly queue: T[] = [];
  private readonly dirty = new Set<T>();
  private readonly processing = new Set<T>();
  private readonly waiting = new Map<T, { readyAt: number; timer: TimerHandle }>();
  private readonly getters: Array<(next: QueueItem<T>) => void> = [];
  private readonly drained: Array<() => void> = [];
  private shuttingDown = false;

  constructor(
    private readonly clock: Clock,
    private readonly rateLimiter: RateLimiter<T> = defaultControllerRateLimiter<T>(clock),
  ) {}

  /** Marks `item` as needing processing; ignored once the queue is shutting down. */
  add(item: T): void {
    if (this.shuttingDown || this.dirty.has(item)) return;
    this.dirty.add(item);
    if (this.processing.has(item)) return;
    this.push(item);
  }

  /** How many items wait to be handed out (for information only). */
  len(): number {
    return this.queue.length;
  }

  /**
   * The next item to process, once there is one; the caller must call `done(item)` when finished.
   * Resolves `{shutdown: true}` once the queue is shut down and empty.
   */
  get(): Promise<QueueItem<T>> {
    if (this.queue.length > 0) return Promise.resolve(this.take());
    if (this.shuttingDown) return Promise.resolve({ shutdown: true });
    return new Promise((resolve) => this.getters.push(resolve));
  }

  /** Ends processing of `item`; if it was added meanwhile, it goes back in the queue. */
  done(item: T): void {
    this.processing.delete(item);
    if (this.dirty.has(item)) this.push(item);
    else if (this.processing.size === 0) for (const resolve of this.drained.splice(0)) resolve();
  }

  /** Adds `item` after `delayMs` on the clock (at once when it is not positive). */
  addAfter(item: T, delayMs: number): void {
    if (this.shuttingDown) return;
    if (delayMs <= 0) {
      this.add(item);
      return;
    }
    // Whole milliseconds (rounded up) keep the cluster clock on whole milliseconds.
    delayMs = Math.ceil(delayMs);
    const readyAt = this.clock.now() + delayMs;
    const existing = this.waiting.get(item);
    if (existing) {
      if (existing.readyAt <= readyAt) return;
      existing.timer.cancel();
    }
    const timer = this.clock.setTimer(delayMs, () => {
      this.waiting.delete(item);
      this.add(item);
    });
    this.waiting.set(item, { readyAt, timer });
  }

  /** Adds `item` when the rate limiter allows (its back-off grows with each call until `forget`). */
  addRateLimited(item: T): void {
    this.addAfter(item, this.rateLimiter.when(item));
  }

  /** Stops the back-off of `item` (its failures are forgotten); it does not leave the queue. */
  forget(item: T): void {
    this.rateLimiter.forget(item);
  }

  /** How often `item` has been requeued by `addRateLimited` since it was last forgotten. */
  numRequeues(item: T): number {
    return this.rateLimiter.numRequeues(item);
  }

  /** True once shutDown has been called. */
  isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  /**
   * Stops taking items: new adds are ignored, delayed adds are dropped, and workers get
   * `{shutdown: true}` once the items already queued have been handed out.
   */
  shutDown(): void {
    this.shuttingDown = true;
    for (const { timer } of this.waiting.values()) timer.cancel();
    this.waiting.clear();
    if (this.queue.length === 0) for (const resolve of this.getters.splice(0)) resolve({ shutdown: true });
  }

  /** Shuts down, then resolves once no item is being processed (ShutDownWithDrain). */
  shutDownWithDrain(): Promise<void> {
    this.shutDown();
    if (this.processing.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private push(item: T): void {
    const getter = this.getters.shift();
    if (getter) {
      // The queue is empty whenever a getter waits, so handing the item straight over keeps order.
      this.processing.add(item);
      this.dirty.delete(item);
      getter({ item, shutdown: false });
    } else this.queue.push(item);
  }

  private take(): QueueItem<T> {
    const item = this.queue.shift() as T;
    this.processing.add(item);
    this.dirty.delete(item);
    if (this.shuttingDown && this.queue.length === 0) {
      for (const resolve of this.getters.splice(0)) resolve({ shutdown: true });
    }
    return { item, shutdown: false };
  }
}

/**
 * Runs `workers` workers over `queue` until it shuts down (processNextWorkItem): each takes a key,
 * syncs it, forgets its back-off on success, and on failure reports the error and adds the key
 * back rate-limited — up to `maxRetries` times, after which it is dropped (handleErr).
 */
export async function processQueue<T>(
  queue: WorkQueue<T>,
  workers: number,
  sync: (key: T) => Promise<void>,
  onError?: (key: T, error: unknown) => void,
  maxRetries = Infinity,
): Promise<void> {
  const worker = async (): Promise<void> => {
    for (;;) {
      const next = await queue.get();
      if (next.shutdown) return;
      const key = next.item;
      try {
        await sync(key);
        queue.forget(key);
      } catch (error) {
        onError?.(key, error);
        if (queue.numRequeues(key) < maxRetries) queue.addRateLimited(key);
        else queue.forget(key);
      } finally {
        queue.done(key);
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
}
