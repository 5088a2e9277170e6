import type { Clock } from '../clock';

/**
 * If a watch drops a create or delete, a controller waiting for it syncs anyway after this long
 * (pkg/controller ExpectationsTimeout).
 */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Expectation {
  add: number;
  del: number;
  timestamp: number;
}

/**
 * What a controller expects to see before it acts again (pkg/controller
 * UIDTrackingControllerExpectations over ControllerExpectations): after creating N pods it waits
 * for N creations in its informer, after deleting some it waits for those very pods (by
 * `namespace/name`) to be deleted or marked for deletion. A key with no expectations, with all
 * of them observed, or with expectations older than five minutes is satisfied.
 */
export class ControllerExpectations {
  private readonly expectations = new Map<string, Expectation>();
  private readonly deletions = new Map<string, Set<string>>();

  constructor(private readonly clock: Clock) {}

  /** True when the controller of `key` may sync: nothing outstanding, or it timed out. */
  satisfied(key: string): boolean {
    const exp = this.expectations.get(key);
    if (!exp) return true;
    if (exp.add <= 0 && exp.del <= 0) return true;
    return this.clock.now() - exp.timestamp > EXPECTATIONS_TIMEOUT_MS;
  }

  /** Expects `adds` creations (forgetting earlier expectations). */
  expectCreations(key: string, adds: number): void {
    this.expectations.set(key, { add: adds, del: 0, timestamp: this.clock.now() });
  }

  /** Expects the deletion of each pod in `podKeys` (forgetting earlier expectations). */
  expectDeletions(key: string, podKeys: readonly string[]): void {
    const keys = new Set(podKeys);
    this.deletions.set(key, keys);
    this.expectations.set(key, { add: 0, del: keys.size, timestamp: this.clock.now() });
  }

  /** One expected creation happened (or will never happen). */
  creationObserved(key: string): void {
    const exp = this.expectations.get(key);
    if (exp) exp.add--;
  }

  /** `podKey` was deleted; counts only if its deletion was expected, and only once. */
  deletionObserved(key: string, podKey: string): void {
    const keys = this.deletions.get(key);
    if (!keys?.has(podKey)) return;
    keys.delete(podKey);
    const exp = this.expectations.get(key);
    if (exp) exp.del--;
  }

  /** Forgets everything expected for `key` (its owner is gone). */
  delete(key: string): void {
    this.expectations.delete(key);
    this.deletions.delete(key);
  }

  /** The outstanding adds and deletes of `key`, if any are recorded. */
  get(key: string): { add: number; del: number } | undefined {
    const exp = this.expectations.get(key);
    return exp ? { add: exp.add, del: exp.del } : undefined;
  }
}
