import { CancelledError, type CancelSignal } from './cancel';
import { Heap } from './util/heap';

/**
 * Time for the whole runtime. Nothing in runtime/ reads the system clock or schedules host
 * timers directly: a Clock is injected, real in the browser and the interactive CLI, virtual in
 * tests and scripts, where it moves only when told.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `callback` once, `delayMs` from now; the handle cancels it. */
  setTimer(delayMs: number, callback: () => void): TimerHandle;
}

/** A scheduled callback that has not run yet. */
export interface TimerHandle {
  cancel(): void;
}

/** What a host (browser, worker, Node) lends the runtime to build a real-time Clock. */
export interface HostTimers {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Schedules `callback` on the host's timer queue; returns the host's handle. */
  schedule(callback: () => void, delayMs: number): unknown;
  /** Cancels what `schedule` returned. */
  unschedule(handle: unknown): void;
}

/** A Clock on real time, over timers the host passes in. */
export function createHostClock(host: HostTimers): Clock {
  return {
    now: () => host.now(),
    setTimer(delayMs, callback) {
      const handle = host.schedule(callback, Math.max(0, delayMs));
      return { cancel: () => host.unschedule(handle) };
    },
  };
}

interface VirtualTimer {
  at: number;
  seq: number;
  callback: () => void;
  cancelled: boolean;
}

/** Earlier due time first; ties in the order the timers were set. */
function before(a: VirtualTimer, b: VirtualTimer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}

/**
 * A Clock that stands still until advanced. Timers fire in time order (ties in the order they
 * were set), each seeing `now()` equal to its own due time. Timers wait in a binary heap;
 * a cancelled one stays there, marked, until it reaches the top, so a cluster with thousands
 * of pending timers sets, cancels and fires each in logarithmic time.
 */
export class VirtualClock implements Clock {
  private current: number;
  private readonly heap = new Heap<VirtualTimer>(before);
  private seq = 0;

  /** @param startMs the epoch milliseconds the clock shows before any advance. */
  constructor(startMs: number) {
    this.current = startMs;
  }

  now(): number {
    return this.current;
  }

  setTimer(delayMs: number, callback: () => void): TimerHandle {
    const timer: VirtualTimer = {
      at: this.current + Math.max(0, delayMs),
      seq: this.seq++,
      callback,
      cancelled: false,
    };
    this.heap.push(timer);
    return {
      cancel: () => {
        timer.cancelled = true;
      },
    };
  }

  /** Due time of the earliest pending timer, or undefined when none is pending. */
  nextTimerAt(): number | undefined {
    return this.earliest()?.at;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const target = this.current + Math.max(0, ms);
    for (let timer = this.earliest(); timer && timer.at <= target; timer = this.earliest()) {
      this.fire();
    }
    this.current = target;
  }

  /** Jumps to the earliest pending timer and fires it; false when nothing is pending. */
  advanceToNextTimer(): boolean {
    if (!this.earliest()) return false;
    this.fire();
    return true;
  }

  /** Fires the timer at the top of the heap (the caller has checked there is one). */
  private fire(): void {
    const timer = this.heap.pop() as VirtualTimer;
    timer.cancelled = true;
    this.current = Math.max(this.current, timer.at);
    timer.callback();
  }

  /** The earliest live timer, after dropping cancelled ones from the top. */
  private earliest(): VirtualTimer | undefined {
    while (this.heap.peek()?.cancelled) this.heap.pop();
    return this.heap.peek();
  }
}

/** Resolves after `ms` on `clock`; rejects with CancelledError when `signal` fires first. */
export function sleep(clock: Clock, ms: number, signal: CancelSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new CancelledError());
    const unsubscribe = signal.onAbort(() => {
      timer.cancel();
      reject(new CancelledError());
    });
    const timer = clock.setTimer(ms, () => {
      unsubscribe();
      resolve();
    });
  });
}
