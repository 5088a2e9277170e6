import type { Clock, HostTimers, TimerHandle } from './clock';
import type { StorageBackend } from './storage/backend';

/** The speeds the UI and `minikube` offer (×1 is real time). */
export const CLOCK_SPEEDS = [1, 10, 60] as const;

/** What is kept of the cluster clock across reloads. */
export interface ClockSettings {
  /** Cluster time minus host time when saved (how far the cluster is ahead). */
  offsetMs: number;
  speed: number;
  paused: boolean;
  /** Cluster time when saved: a paused cluster resumes from here, not from host time + offset. */
  clusterMs?: number;
}

/** The storage key of the clock settings. */
export const CLOCK_KEY = 'host/clock';

interface PendingTimer {
  at: number;
  callback: () => void;
  handle?: unknown;
}

/**
 * The cluster's clock in the browser and the CLI: real time by default, which the learner can
 * pause, speed up (×10, ×60) or step forward. Cluster time is `anchor + (host − hostAnchor) ·
 * speed` while running and stands still while paused; timers are kept in cluster time and
 * rescheduled on the host whenever the speed changes, so a 30 s grace period takes 3 s at ×10.
 * While the tab is closed the cluster runs on at ×1 from where it was (a paused one stays paused).
 */
export class ControlledClock implements Clock {
  private anchor: number;
  private hostAnchor: number;
  private currentSpeed: number;
  private isPaused: boolean;
  private readonly timers = new Set<PendingTimer>();
  private listeners = new Set<() => void>();

  constructor(
    private readonly host: HostTimers,
    settings: ClockSettings = { offsetMs: 0, speed: 1, paused: false },
  ) {
    this.hostAnchor = host.now();
    this.anchor =
      settings.paused && settings.clusterMs !== undefined ? settings.clusterMs : this.hostAnchor + settings.offsetMs;
    this.currentSpeed = settings.speed;
    this.isPaused = settings.paused;
  }

  now(): number {
    if (this.isPaused) return this.anchor;
    return Math.floor(this.anchor + (this.host.now() - this.hostAnchor) * this.currentSpeed);
  }

  get speed(): number {
    return this.currentSpeed;
  }

  get paused(): boolean {
    return this.isPaused;
  }

  /** What to save: the offset from host time, the speed, whether paused. */
  settings(): ClockSettings {
    const now = this.now();
    return { offsetMs: now - this.host.now(), speed: this.currentSpeed, paused: this.isPaused, clusterMs: now };
  }

  /** Called after every change of speed, pause or step (to save the settings, redraw a control). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  setTimer(delayMs: number, callback: () => void): TimerHandle {
    const timer: PendingTimer = { at: this.now() + Math.max(0, delayMs), callback };
    this.timers.add(timer);
    this.schedule(timer);
    return {
      cancel: () => {
        this.timers.delete(timer);
        this.unschedule(timer);
      },
    };
  }

  pause(): void {
    if (this.isPaused) return;
    this.rebase();
    this.isPaused = true;
    this.rescheduleAll();
  }

  resume(): void {
    if (!this.isPaused) return;
    this.hostAnchor = this.host.now();
    this.isPaused = false;
    this.rescheduleAll();
  }

  setSpeed(speed: number): void {
    if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError(`invalid clock speed: ${speed}`);
    this.rebase();
    this.currentSpeed = speed;
    this.rescheduleAll();
  }

  /** Moves cluster time forward by `ms` at once; timers due on the way fire in order. */
  step(ms: number): void {
    if (!(ms >= 0)) throw new RangeError(`invalid step: ${ms}`);
    this.rebase();
    const target = this.anchor + ms;
    for (;;) {
      let next: PendingTimer | undefined;
      for (const t of this.timers) if (t.at <= target && (!next || t.at < next.at)) next = t;
      if (!next) break;
      this.anchor = Math.max(this.anchor, next.at);
      this.timers.delete(next);
      this.unschedule(next);
      next.callback();
    }
    this.anchor = target;
    this.rescheduleAll();
  }

  /** Restarts the running-time formula from now, so a change applies from this instant. */
  private rebase(): void {
    this.anchor = this.now();
    this.hostAnchor = this.host.now();
    this.changed();
  }

  private changed(): void {
    void Promise.resolve().then(() => {
      for (const listener of this.listeners) listener();
    });
  }

  private schedule(timer: PendingTimer): void {
    if (this.isPaused) return;
    const hostDelay = Math.max(0, (timer.at - this.now()) / this.currentSpeed);
    timer.handle = this.host.schedule(() => {
      timer.handle = undefined;
      if (!this.timers.has(timer)) return;
      // A host timer can fire a little early after a speed change: wait for cluster time.
      if (this.now() < timer.at) return this.schedule(timer);
      this.timers.delete(timer);
      timer.callback();
    }, hostDelay);
  }

  private unschedule(timer: PendingTimer): void {
    if (timer.handle !== undefined) this.host.unschedule(timer.handle);
    timer.handle = undefined;
  }

  private rescheduleAll(): void {
    for (const timer of this.timers) {
      this.unschedule(timer);
      this.schedule(timer);
    }
  }
}

/** The saved clock settings, or real time. */
export async function loadClockSettings(storage: StorageBackend): Promise<ClockSettings | undefined> {
  const [entry] = await storage.scan(CLOCK_KEY);
  const value = entry?.[1] as Partial<ClockSettings> | undefined;
  if (!value || typeof value.offsetMs !== 'number' || typeof value.speed !== 'number') return undefined;
  const clusterMs = typeof value.clusterMs === 'number' ? value.clusterMs : undefined;
  return { offsetMs: value.offsetMs, speed: value.speed, paused: value.paused === true, clusterMs };
}

/** Saves the settings (after each change). */
export function saveClockSettings(storage: StorageBackend, clock: ControlledClock): Promise<void> {
  return storage.commit([{ key: CLOCK_KEY, value: clock.settings() }]);
}
