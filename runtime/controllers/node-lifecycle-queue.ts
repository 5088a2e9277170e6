import type { Clock } from '../clock';

/** scheduler.EvictionRateLimiterBurst: one node at once. */
const EVICTION_RATE_LIMITER_BURST = 1;

/**
 * A token bucket on the injected clock (flowcontrol.NewTokenBucketRateLimiter): `qps` tokens a
 * second up to `burst`, full at start; qps 0 never accepts (NewFakeNeverRateLimiter).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly clock: Clock,
    readonly qps: number,
    private readonly burst = EVICTION_RATE_LIMITER_BURST,
  ) {
    this.tokens = qps > 0 ? burst : 0;
    this.last = clock.now();
  }

  tryAccept(): boolean {
    if (this.qps <= 0) return false;
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

interface TimedValue {
  value: string;
  uid: string;
  addedAt: number;
  processAt: number;
}

/**
 * scheduler.RateLimitedTimedQueue: a set of node names in the order added, processed by `tryAll`
 * as fast as the zone's limiter allows; a failed item waits and is tried again.
 */
export class RateLimitedTimedQueue {
  private readonly items = new Map<string, TimedValue>();
  private limiter: TokenBucket;

  constructor(
    private readonly clock: Clock,
    qps: number,
  ) {
    this.limiter = new TokenBucket(clock, qps);
  }

  /** Adds a node unless present; true when added. */
  add(value: string, uid: string): boolean {
    if (this.items.has(value)) return false;
    const now = this.clock.now();
    this.items.set(value, { value, uid, addedAt: now, processAt: now });
    return true;
  }

  /** Removes a node; true when it was there. */
  remove(value: string): boolean {
    return this.items.delete(value);
  }

  size(): number {
    return this.items.size;
  }

  /** True when the limiter ever lets anything through. */
  canProceed(): boolean {
    return this.limiter.qps > 0;
  }

  /** SwapLimiter: a new rate (0 stops everything); the same rate keeps the bucket. */
  swapLimiter(qps: number): void {
    if (this.limiter.qps === qps) return;
    const wasThrottled = !this.limiter.tryAccept();
    this.limiter = new TokenBucket(this.clock, qps);
    // With a burst of one, a bucket we were waiting on hands its wait to the new one.
    if (wasThrottled) this.limiter.tryAccept();
  }

  /**
   * Try: processes due items in order while the limiter allows; `fn` resolves done, or the delay
   * after which to try that item again.
   */
  async tryAll(fn: (value: string) => Promise<{ done: boolean; retryAfterMs?: number }>): Promise<void> {
    const due = [...this.items.values()].sort((a, b) => a.processAt - b.processAt);
    for (const item of due) {
      const now = this.clock.now();
      if (!this.limiter.tryAccept()) return;
      if (item.processAt > now) return;
      const { done, retryAfterMs = 0 } = await fn(item.value);
      if (done) this.items.delete(item.value);
      else if (this.items.get(item.value) === item) item.processAt = now + retryAfterMs;
    }
  }
}
