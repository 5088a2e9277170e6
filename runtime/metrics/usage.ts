import type { Clock } from '../clock';
import type { Listener } from '../images/types';
import { baselineFor, type UsageBaseline } from './baselines';

/**
 * One container's counters at an instant, as the kubelet's resource metrics endpoint reports
 * them (`container_cpu_usage_seconds_total`, `container_memory_working_set_bytes`).
 */
export interface UsagePoint {
  /** When the container started (epoch ms); the CPU counter starts from zero there. */
  startTime: number;
  /** When the point was taken (epoch ms). */
  timestamp: number;
  /** CPU time used since `startTime`, in nanoseconds (nanocore-seconds). */
  cpuNanoSeconds: number;
  /** The working set, in bytes. */
  memoryBytes: number;
}

/** Releases a load taken with `ContainerUsage.load`. */
export type ReleaseLoad = () => void;

const PAGE = 4096;

/** FNV-1a of `text` as a fraction in [0, 1): a container's fixed place within its image's ranges. */
function fraction(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 2 ** 32;
}

/**
 * A running container's CPU and memory over time on the cluster clock: its image's baseline
 * (each container settles at its own point of the baseline's range, chosen by `seed`), plus
 * the loads its programs take (`load`) and the CPU each HTTP request its listeners serve costs.
 * CPU is integrated into a cumulative counter, as cgroups keep it; memory is the working set now.
 */
export class ContainerUsage {
  private readonly idleMillicores: number;
  private readonly idleMemory: number;
  private readonly loads = new Set<{ millicores: number; memoryBytes: number }>();
  private startTime = 0;
  private running = false;
  private cumulative = 0;
  private lastAt = 0;

  constructor(
    private readonly baseline: UsageBaseline,
    private readonly clock: Clock,
    seed: string,
  ) {
    this.idleMillicores = baseline.cpuMillicores * (0.8 + 0.4 * fraction(`${seed}/cpu`));
    const [low, high] = baseline.memoryBytes;
    this.idleMemory = low + (high - low) * fraction(`${seed}/memory`);
  }

  /** The usage of a container of `repository` (its baseline from the table). */
  static forImage(repository: string, clock: Clock, seed: string): ContainerUsage {
    return new ContainerUsage(baselineFor(repository), clock, seed);
  }

  /** The container started at `at` (earlier than now for one resumed after a reload). */
  start(at = this.clock.now()): void {
    this.running = true;
    this.startTime = at;
    this.lastAt = at;
    this.cumulative = 0;
  }

  /** The container exited: it uses nothing more and reports no points. */
  stop(): void {
    this.advance();
    this.running = false;
  }

  /**
   * Burns `millicores` of CPU and holds `memoryBytes` more memory until the result is called
   * (a program's busy loop, a cache it fills). Several loads add up.
   */
  load(millicores: number, memoryBytes = 0): ReleaseLoad {
    this.advance();
    const entry = { millicores: Math.max(0, millicores), memoryBytes: Math.max(0, memoryBytes) };
    this.loads.add(entry);
    return () => {
      if (!this.loads.has(entry)) return;
      this.advance();
      this.loads.delete(entry);
    };
  }

  /** One HTTP request served: its CPU time is added at once. */
  served(): void {
    if (!this.running) return;
    this.advance();
    this.cumulative += this.baseline.requestCpuMs * 1e6;
  }

  /** `listener`, counting every HTTP request it answers as work of this container. */
  meter(listener: Listener): Listener {
    const http = listener.http;
    if (!http) return listener;
    return {
      ...listener,
      http: (request) => {
        this.served();
        return http(request);
      },
    };
  }

  /** The counters now; undefined once the container is not running. */
  point(): UsagePoint | undefined {
    if (!this.running) return undefined;
    this.advance();
    let memory = this.idleMemory;
    for (const load of this.loads) memory += load.memoryBytes;
    return {
      startTime: this.startTime,
      timestamp: this.clock.now(),
      cpuNanoSeconds: Math.round(this.cumulative),
      memoryBytes: Math.ceil(memory / PAGE) * PAGE,
    };
  }

  /** Adds the CPU used since the last change at the rate that held since. */
  private advance(): void {
    const now = this.clock.now();
    if (!this.running || now <= this.lastAt) return;
    let millicores = this.idleMillicores;
    for (const load of this.loads) millicores += load.millicores;
    // 1 millicore for 1 ms is 1000 ns of CPU time.
    this.cumulative += millicores * (now - this.lastAt) * 1000;
    this.lastAt = now;
  }
}
