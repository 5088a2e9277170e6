import type { Clock } from '../clock';

/**
 * How long an item waits before it is retried (client-go util/workqueue TypedRateLimiter). Times
 * are in milliseconds.
 */
export interface RateLimiter<T> {
  /** The delay before `item` may be processed again; counts one more failure of it. */
  when(item: T): number;
  /** Stops tracking `item`: its next failure starts from the base delay again. */
  forget(item: T): void;
  /** How many times `item` has been requeued. */
  numRequeues(item: T): number;
}

/** baseDelay · 2^failures, capped at maxDelay (ItemExponentialFailureRateLimiter). */
export class ItemExponentialFailureRateLimiter<T> implements RateLimiter<T> {
  private readonly failures = new Map<T, number>();

  constructor(
    private readonly baseDelayMs: number,
    private readonly maxDelayMs: number,
  ) {}

  when(item: T): number {
    const exp = this.failures.get(item) ?? 0;
    this.failures.set(item, exp + 1);
    const backoff = this.baseDelayMs * 2 ** exp;
    return backoff > this.maxDelayMs ? this.maxDelayMs : backoff;
  }

  forget(item: T): void {
    this.failures.delete(item);
  }

  numRequeues(item: T): number {
    return this.failures.get(item) ?? 0;
  }
}

/**
 * A token bucket shared by all items (BucketRateLimiter over golang.org/x/time/rate's Limiter):
 * `qps` tokens a second up to `burst`, starting full; every `when` reserves a token and waits
 * until the bucket would have had it.
 */
export class BucketRateLimiter<T> implements RateLimiter<T> {
  private tokens: number;
  private last: number;

  constructor(
    private readonly clock: Clock,
    private readonly qps: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
    this.last = clock.now();
  }

  when(_item: T): number {
    const now = Math.max(this.clock.now(), this.last);
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    this.tokens -= 1;
    return this.tokens < 0 ? (-this.tokens / this.qps) * 1000 : 0;
  }

  forget(_item: T): void {}

  numRequeues(_item: T): number {
    return 0;
  }
}

/** The longest delay any of `limiters` asks for (MaxOfRateLimiter); every one of them counts the failure. */
export class MaxOfRateLimiter<T> implements RateLimiter<T> {
  private readonly limiters: RateLimiter<T>[];

  constructor(...limiters: RateLimiter<T>[]) {
    this.limiters = limiters;
  }

  when(item: T): number {
    let longest = 0;
    for (const limiter of this.limiters) longest = Math.max(longest, limiter.when(item));
    return longest;
  }

  forget(item: T): void {
    for (const limiter of this.limiters) limiter.forget(item);
  }

  numRequeues(item: T): number {
    return Math.max(0, ...this.limiters.map((l) => l.numRequeues(item)));
  }
}

/**
 * client-go's DefaultTypedControllerRateLimiter, which every kube-controller-manager queue uses:
 * per item 5 ms · 2^failures up to 1000 s, and overall a bucket of 10 qps with a burst of 100.
 */
export function defaultControllerRateLimiter<T>(clock: Clock): RateLimiter<T> {
  return new MaxOfRateLimiter<T>(
    new ItemExponentialFailureRateLimiter<T>(5, 1_000_000),
    new BucketRateLimiter<T>(clock, 10, 100),
  );
}
