import { CancelController, CancelledError, type CancelSignal } from '../cancel';
import type { Clock, TimerHandle } from '../clock';

// How a network client waits on the clock: for its work, until a deadline of its own (curl's
// --connect-timeout, wget's -T), or until Ctrl-C, ticking once a second meanwhile (progress
// meters redraw on those ticks).

/** How a wait ended. */
export type WaitOutcome<T> =
  { kind: 'done'; value: T } | { kind: 'failed'; error: unknown } | { kind: 'deadline' } | { kind: 'interrupted' };

export interface WaitOptions {
  clock: Clock;
  /** Ctrl-C. */
  signal: CancelSignal;
  /** Epoch milliseconds at which the client gives up; none when undefined. */
  deadline?: number;
  /** The epoch milliseconds ticks count from. */
  since: number;
  /** Called each whole second after `since` while the work is pending. */
  onTick?(): void;
}

/**
 * Runs `work` with a signal of its own, which fires on Ctrl-C and at the deadline (so its
 * timers stop), and resolves to how it ended. Never rejects.
 */
export function waitFor<T>(work: (signal: CancelSignal) => Promise<T>, options: WaitOptions): Promise<WaitOutcome<T>> {
  const { clock, signal, deadline, since, onTick } = options;
  const own = new CancelController();
  return new Promise((resolve) => {
    let settled = false;
    let tick: TimerHandle | undefined;
    let limit: TimerHandle | undefined;
    const finish = (outcome: WaitOutcome<T>): void => {
      if (settled) return;
      settled = true;
      tick?.cancel();
      limit?.cancel();
      unsubscribe();
      if (outcome.kind !== 'done' && outcome.kind !== 'failed') own.abort();
      resolve(outcome);
    };
    const unsubscribe = signal.onAbort(() => finish({ kind: 'interrupted' }));
    if (deadline !== undefined) limit = clock.setTimer(deadline - clock.now(), () => finish({ kind: 'deadline' }));
    const scheduleTick = (): void => {
      const elapsed = clock.now() - since;
      tick = clock.setTimer(1000 - (elapsed % 1000), () => {
        onTick?.();
        scheduleTick();
      });
    };
    if (onTick) scheduleTick();
    if (settled) return;
    work(own.signal).then(
      (value) => finish({ kind: 'done', value }),
      (error: unknown) => finish(error instanceof CancelledError ? { kind: 'interrupted' } : { kind: 'failed', error }),
    );
  });
}
