import type { Clock, TimerHandle } from '../clock';
import { ActiveQueue } from './active-queue';
import type { Pod } from './types';

/** The scheduler's defaults: --pod-initial-backoff-seconds 1, --pod-max-backoff-seconds 10. */
export const POD_INITIAL_BACKOFF_MS = 1000;
export const POD_MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration: an unschedulable pod is retried after 5 minutes regardless. */
export const POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
/** backoffQOrderingWindowDuration: backoff expiries are aligned to whole seconds. */
const ORDERING_WINDOW_MS = 1000;

/** What makes unschedulable pods worth another try (framework.ClusterEvent, simplified). */
export type ClusterEvent = 'NodeAdd' | 'NodeUpdate' | 'AssignedPodAdd' | 'AssignedPodUpdate' | 'AssignedPodDelete';

/**
 * Which events each filter plugin says may make a pod it rejected schedulable (its
 * EventsToRegister, without the finer queueing hints).
 */
export const PLUGIN_EVENTS: Record<string, readonly ClusterEvent[]> = {
  NodeUnschedulable: ['NodeAdd', 'NodeUpdate'],
  NodeName: ['NodeAdd'],
  TaintToleration: ['NodeAdd', 'NodeUpdate'],
  NodeAffinity: ['NodeAdd', 'NodeUpdate'],
  NodePorts: ['NodeAdd', 'AssignedPodDelete'],
  NodeResourcesFit: ['NodeAdd', 'NodeUpdate', 'AssignedPodDelete'],
  InterPodAffinity: ['NodeAdd', 'NodeUpdate', 'AssignedPodAdd', 'AssignedPodUpdate', 'AssignedPodDelete'],
};

/** framework.QueuedPodInfo: a pod waiting in the queue, with its attempts and last failure. */
export interface QueuedPodInfo {
  key: string;
  pod: Pod;
  /** When it was added, or last failed (backoff counts from here). */
  timestamp: number;
  /** Scheduling attempts so far. */
  attempts: number;
  /** Plugins that rejected it in its last attempt (empty after an error). */
  unschedulablePlugins: Set<string>;
  /** Its last attempt ended in an error rather than a rejection. */
  error: boolean;
  /** The scheduling cycle it was popped in. */
  cycle: number;
}

/** How long a pod waits after `attempts` tries: 1 s, 2 s, 4 s, 8 s, then 10 s. */
export function backoffDuration(
  attempts: number,
  initialMs = POD_INITIAL_BACKOFF_MS,
  maxMs = POD_MAX_BACKOFF_MS,
): number {
  if (attempts === 0) return 0;
  let duration = initialMs;
  for (let i = 1; i < attempts; i++) {
    if (duration > maxMs - duration) return maxMs;
    duration += duration;
  }
  return duration;
}

/**
 * The scheduling queue (internal/queue PriorityQueue): activeQ (by priority, then age), the
 * backoff queues (pods that were rejected and are waiting out 1 s · 2^(attempts−1), at most
 * 10 s; pods that hit an error wait in a queue of their own) and the unschedulable pool (pods
 * no node fits, until a cluster event one of their rejecting plugins cares about moves them, or
 * 5 minutes pass). When activeQ is empty, the next rejected pod comes early out of the backoff
 * queue (SchedulerPopFromBackoffQ, on by default since v1.33); errored pods always wait.
 * All waiting is on the injected clock, and timers are set only while something waits.
 */
export class SchedulingQueue {
  private readonly active = new ActiveQueue();
  private readonly backoff = new Map<string, QueuedPodInfo>();
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  private readonly inFlight = new Map<string, QueuedPodInfo>();
  private readonly waiters: Array<(info: QueuedPodInfo | undefined) => void> = [];
  private backoffTimer: { at: number; handle: TimerHandle } | undefined;
  private leftoverTimer: { at: number; handle: TimerHandle } | undefined;
  private cycle = 0;
  private moveRequestCycle = -1;
  private closed = false;

  constructor(private readonly clock: Clock) {}

  /** A new unscheduled pod: straight to activeQ. */
  add(key: string, pod: Pod): void {
    if (this.closed || this.has(key)) return;
    const info: QueuedPodInfo = {
      key,
      pod,
      timestamp: this.clock.now(),
      attempts: 0,
      unschedulablePlugins: new Set(),
      error: false,
      cycle: 0,
    };
    this.active.set(key, info);
    this.wake();
  }

  /**
   * A changed unscheduled pod. Its copy is refreshed wherever it waits; a pod in the
   * unschedulable pool whose spec, labels or annotations changed is moved to be tried again.
   */
  update(key: string, old: Pod, pod: Pod): void {
    for (const queue of [this.active, this.backoff, this.inFlight]) {
      const info = queue.get(key);
      if (info) info.pod = pod;
    }
    const info = this.unschedulable.get(key);
    if (!info) {
      if (!this.has(key)) this.add(key, pod);
      return;
    }
    info.pod = pod;
    if (specChanged(old, pod)) {
      this.unschedulable.delete(key);
      this.requeue(info);
    }
  }

  /** A deleted (or now bound) pod leaves the queue. */
  delete(key: string): void {
    this.active.delete(key);
    this.backoff.delete(key);
    this.unschedulable.delete(key);
    this.inFlight.delete(key);
  }

  /** True when the pod waits anywhere in the queue or is being scheduled. */
  has(key: string): boolean {
    return this.active.has(key) || this.backoff.has(key) || this.unschedulable.has(key) || this.inFlight.has(key);
  }

  /** Where the pod waits: for tests and diagnostics. */
  where(key: string): 'active' | 'backoff' | 'unschedulable' | 'inFlight' | undefined {
    if (this.active.has(key)) return 'active';
    if (this.backoff.has(key)) return 'backoff';
    if (this.unschedulable.has(key)) return 'unschedulable';
    if (this.inFlight.has(key)) return 'inFlight';
    return undefined;
  }

  /** The next pod to schedule, once there is one; undefined once closed. */
  pop(): Promise<QueuedPodInfo | undefined> {
    const next = this.take();
    if (next || this.closed) return Promise.resolve(next);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Ends the attempt of a pod that was scheduled (or dropped). */
  done(key: string): void {
    this.inFlight.delete(key);
  }

  /**
   * AddUnschedulableIfNotPresent: a pod whose attempt failed. After an error it waits out its
   * backoff; after a rejection it goes to the unschedulable pool — unless a cluster event came
   * during its attempt, when it is requeued at once (to backoff or active).
   */
  addUnschedulable(info: QueuedPodInfo): void {
    if (!this.inFlight.has(info.key)) return;
    this.inFlight.delete(info.key);
    if (this.closed) return;
    info.timestamp = this.clock.now();
    if (info.error || this.moveRequestCycle >= info.cycle) this.requeue(info);
    else {
      this.unschedulable.set(info.key, info);
      this.armLeftover();
    }
  }

  /** A pod whose binding failed after its cycle ended: it waits out its backoff, as after an error. */
  addErrored(info: QueuedPodInfo): void {
    if (this.closed || this.has(info.key)) return;
    info.error = true;
    info.unschedulablePlugins = new Set();
    info.timestamp = this.clock.now();
    this.requeue(info);
  }

  /** MoveAllToActiveOrBackoffQueue for the pods in the pool that `event` may help. */
  moveOnEvent(event: ClusterEvent): void {
    this.moveRequestCycle = this.cycle;
    for (const [key, info] of [...this.unschedulable]) {
      const interested = [...info.unschedulablePlugins].some((plugin) => PLUGIN_EVENTS[plugin]?.includes(event));
      if (!interested) continue;
      this.unschedulable.delete(key);
      this.requeue(info);
    }
  }

  /** Stops: waiting pops resolve undefined, timers are cancelled. */
  close(): void {
    this.closed = true;
    this.backoffTimer?.handle.cancel();
    this.leftoverTimer?.handle.cancel();
    for (const resolve of this.waiters.splice(0)) resolve(undefined);
  }

  /** When a pod's backoff ends (its failure time plus its backoff, aligned to the second). */
  backoffExpiry(info: QueuedPodInfo): number {
    const at = info.timestamp + backoffDuration(info.attempts);
    return Math.floor(at / ORDERING_WINDOW_MS) * ORDERING_WINDOW_MS;
  }

  private requeue(info: QueuedPodInfo): void {
    if (this.backoffExpiry(info) > this.clock.now()) {
      this.backoff.set(info.key, info);
      this.armBackoff();
    } else {
      this.active.set(info.key, info);
    }
    this.wake();
  }

  private take(): QueuedPodInfo | undefined {
    let best = this.active.pop();
    if (!best) {
      // activeQ is empty: pop the rejected pod whose backoff ends first (errored pods wait).
      for (const info of this.backoff.values()) {
        if (info.error) continue;
        if (!best || this.backoffExpiry(info) < this.backoffExpiry(best)) best = info;
      }
      if (best) this.backoff.delete(best.key);
    }
    if (!best) return undefined;
    best.attempts++;
    best.cycle = ++this.cycle;
    this.inFlight.set(best.key, best);
    return best;
  }

  private wake(): void {
    while (this.waiters.length > 0) {
      const next = this.take();
      if (!next) return;
      (this.waiters.shift() as (info: QueuedPodInfo | undefined) => void)(next);
    }
  }

  /** flushBackoffQCompleted, run when the earliest backoff ends. */
  private armBackoff(): void {
    let earliest = Infinity;
    for (const info of this.backoff.values()) earliest = Math.min(earliest, this.backoffExpiry(info));
    if (earliest === Infinity || this.closed) return;
    if (this.backoffTimer && this.backoffTimer.at <= earliest) return;
    this.backoffTimer?.handle.cancel();
    const handle = this.clock.setTimer(earliest - this.clock.now(), () => {
      this.backoffTimer = undefined;
      const now = this.clock.now();
      for (const [key, info] of [...this.backoff]) {
        if (this.backoffExpiry(info) > now) continue;
        this.backoff.delete(key);
        this.active.set(key, info);
      }
      this.armBackoff();
      this.wake();
    });
    this.backoffTimer = { at: earliest, handle };
  }

  /** flushUnschedulablePodsLeftover, run when the oldest pod in the pool reaches 5 minutes. */
  private armLeftover(): void {
    let earliest = Infinity;
    for (const info of this.unschedulable.values()) earliest = Math.min(earliest, info.timestamp);
    if (earliest === Infinity || this.closed) return;
    const at = earliest + POD_MAX_IN_UNSCHEDULABLE_MS;
    if (this.leftoverTimer && this.leftoverTimer.at <= at) return;
    this.leftoverTimer?.handle.cancel();
    const handle = this.clock.setTimer(at - this.clock.now(), () => {
      this.leftoverTimer = undefined;
      const now = this.clock.now();
      for (const [key, info] of [...this.unschedulable]) {
        if (now - info.timestamp < POD_MAX_IN_UNSCHEDULABLE_MS) continue;
        this.unschedulable.delete(key);
        this.requeue(info);
      }
      this.armLeftover();
    });
    this.leftoverTimer = { at, handle };
  }
}

/** isPodUpdated without status: what a user changes (spec, labels, annotations). */
function specChanged(old: Pod, pod: Pod): boolean {
  const strip = (p: Pod): string =>
    JSON.stringify([p.spec ?? {}, p.metadata?.labels ?? {}, p.metadata?.annotations ?? {}]);
  return strip(old) !== strip(pod);
}
