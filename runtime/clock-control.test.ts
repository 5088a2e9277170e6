import { describe, expect, it } from 'vitest';
import type { HostTimers } from './clock';
import { ControlledClock, loadClockSettings, saveClockSettings } from './clock-control';
import { MemoryBackend } from './storage/backend';

/** Host timers on a hand-moved clock, so tests never sleep. */
function fakeHost(start = 1_000_000) {
  let now = start;
  let seq = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const host: HostTimers = {
    now: () => now,
    schedule: (callback, delayMs) => {
      const id = ++seq;
      timers.set(id, { at: now + delayMs, callback });
      return id;
    },
    unschedule: (handle) => timers.delete(handle as number),
  };
  const advance = (ms: number) => {
    const target = now + ms;
    for (;;) {
      const due = [...timers].filter(([, t]) => t.at <= target).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = Math.max(now, due[1].at);
      due[1].callback();
    }
    now = target;
  };
  return { host, advance };
}

describe('ControlledClock', () => {
  it('runs at real time, ×10 and ×60, and fires timers at cluster time', () => {
    const { host, advance } = fakeHost();
    const clock = new ControlledClock(host);
    const fired: number[] = [];
    clock.setTimer(30_000, () => fired.push(clock.now()));
    advance(1_000);
    expect(clock.now()).toBe(1_001_000);
    clock.setSpeed(10);
    advance(2_000);
    expect(clock.now()).toBe(1_021_000);
    expect(fired).toEqual([]);
    advance(1_000);
    expect(fired).toEqual([1_030_000]);
    clock.setSpeed(60);
    advance(1_000);
    expect(clock.now()).toBe(1_091_000);
  });

  it('stands still while paused, and steps forward firing what falls due in order', () => {
    const { host, advance } = fakeHost();
    const clock = new ControlledClock(host);
    const fired: string[] = [];
    clock.setTimer(5_000, () => fired.push(`a@${clock.now()}`));
    clock.setTimer(2_000, () => fired.push(`b@${clock.now()}`));
    clock.pause();
    advance(10_000);
    expect(clock.now()).toBe(1_000_000);
    expect(fired).toEqual([]);
    clock.step(3_000);
    expect(fired).toEqual(['b@1002000']);
    expect(clock.now()).toBe(1_003_000);
    clock.resume();
    advance(2_000);
    expect(fired).toEqual(['b@1002000', 'a@1005000']);
  });

  it('keeps its settings across a reload: a running cluster ran on while closed, a paused one did not', async () => {
    const storage = new MemoryBackend();
    const { host, advance } = fakeHost();
    const clock = new ControlledClock(host);
    clock.setSpeed(10);
    advance(1_000);
    await saveClockSettings(storage, clock);
    advance(60_000);
    const reopened = new ControlledClock(host, await loadClockSettings(storage));
    // 1 s at ×10 before saving, then 60 s closed, run at ×1.
    expect(reopened.now()).toBe(1_000_000 + 10_000 + 60_000);
    expect(reopened.speed).toBe(10);
    clock.pause();
    await saveClockSettings(storage, clock);
    const frozenAt = clock.now();
    advance(60_000);
    const paused = new ControlledClock(host, await loadClockSettings(storage));
    expect(paused.paused).toBe(true);
    expect(paused.now()).toBe(frozenAt);
  });

  it('refuses a speed that is not a positive number', () => {
    const clock = new ControlledClock(fakeHost().host);
    expect(() => clock.setSpeed(0)).toThrow('invalid clock speed: 0');
  });
});
