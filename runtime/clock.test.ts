import { describe, expect, it } from 'vitest';
import { CancelController, CancelledError } from './cancel';
import { createHostClock, sleep, VirtualClock } from './clock';

describe('VirtualClock', () => {
  it('stands still until advanced, then fires due timers in time order', () => {
    const clock = new VirtualClock(1000);
    const fired: string[] = [];
    clock.setTimer(30, () => fired.push(`b@${clock.now()}`));
    clock.setTimer(10, () => fired.push(`a@${clock.now()}`));
    clock.setTimer(30, () => fired.push(`c@${clock.now()}`));
    expect(clock.now()).toBe(1000);
    clock.advance(20);
    expect(fired).toEqual(['a@1010']);
    expect(clock.now()).toBe(1020);
    clock.advance(100);
    expect(fired).toEqual(['a@1010', 'b@1030', 'c@1030']);
    expect(clock.now()).toBe(1120);
  });

  it('jumps to the next timer and reports when none is left', () => {
    const clock = new VirtualClock(0);
    let fired = false;
    clock.setTimer(5000, () => (fired = true));
    expect(clock.nextTimerAt()).toBe(5000);
    expect(clock.advanceToNextTimer()).toBe(true);
    expect(fired).toBe(true);
    expect(clock.now()).toBe(5000);
    expect(clock.advanceToNextTimer()).toBe(false);
  });

  it('runs timers that timers set, and forgets cancelled ones', () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    const cancelled = clock.setTimer(5, () => fired.push(-1));
    clock.setTimer(10, () => clock.setTimer(10, () => fired.push(clock.now())));
    cancelled.cancel();
    clock.advance(100);
    expect(fired).toEqual([20]);
  });
});

describe('sleep', () => {
  it('resolves when the clock reaches the deadline', async () => {
    const clock = new VirtualClock(0);
    let done = false;
    const waiting = sleep(clock, 1000, new CancelController().signal).then(() => (done = true));
    clock.advance(999);
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1);
    await waiting;
    expect(done).toBe(true);
  });

  it('rejects with CancelledError when cancelled, and leaves no timer behind', async () => {
    const clock = new VirtualClock(0);
    const controller = new CancelController();
    const waiting = sleep(clock, 1000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
    expect(clock.nextTimerAt()).toBeUndefined();
  });
});

describe('createHostClock', () => {
  it('reads time and schedules through the host it is given', () => {
    const scheduled: Array<[() => void, number]> = [];
    const cleared: unknown[] = [];
    const clock = createHostClock({
      now: () => 42,
      schedule: (callback, ms) => scheduled.push([callback, ms]),
      unschedule: (handle) => cleared.push(handle),
    });
    expect(clock.now()).toBe(42);
    clock.setTimer(-5, () => {}).cancel();
    expect(scheduled[0][1]).toBe(0);
    expect(cleared).toEqual([1]);
  });
});
