import type { Clock, TimerHandle } from '../clock';
import { NODE_OVERHEAD } from './baselines';
import type {
  ContainerMetricsValue,
  MetricsProvider,
  NodeMetricsValue,
  NodeUsageReport,
  PodMetricsValue,
} from './types';
import type { UsagePoint } from './usage';

/** What metrics-server scrapes: a kubelet's resource metrics endpoint. */
export interface MetricsSource {
  resourceUsage(): NodeUsageReport;
}

/** How the metrics-server runs. */
export interface MetricsServerOptions {
  clock: Clock;
  /** The kubelets it scrapes, asked afresh at every scrape (nodes join). */
  sources: () => readonly MetricsSource[];
  /** --metric-resolution: how often it scrapes. minikube's addon passes 60s (metrics-server's default is 15s). */
  resolutionMs?: number;
  /**
   * Whether its pod is serving (the APIService Available): while false it neither scrapes nor
   * serves, and what it held is gone, as when its pod is deleted. Always serving by default.
   */
  serving?: () => boolean;
}

/** The resolution minikube's metrics-server addon runs with. */
export const MINIKUBE_METRIC_RESOLUTION_MS = 60_000;
/** A container younger than this has no first point to rate against (freshContainerMinMetricsResolution). */
const FRESH_CONTAINER_MIN_MS = 10_000;

type PodPoints = Map<string, UsagePoint>;

/**
 * metrics-server (kubernetes-sigs/metrics-server) in miniature: every resolution it scrapes the
 * kubelets, keeps each container's last two points (a container started within the last
 * resolution, but 10 s or more ago, rates against its start), and serves CPU as the rate between
 * them and memory as the last working set. A pod has metrics once every container has two points;
 * nodes add what the node itself uses. The API server serves metrics.k8s.io from it.
 */
export class MetricsServer implements MetricsProvider {
  private readonly resolutionMs: number;
  private last = new Map<string, PodPoints>();
  private prev = new Map<string, PodPoints>();
  private nodeLast = new Map<string, UsagePoint>();
  private nodePrev = new Map<string, UsagePoint>();
  /** Each node's own CPU counter and the container counters it last summed. */
  private readonly nodeCounters = new Map<string, { at: number; total: number; seen: Map<string, UsagePoint> }>();
  private timer: TimerHandle | undefined;

  constructor(private readonly options: MetricsServerOptions) {
    this.resolutionMs = options.resolutionMs ?? MINIKUBE_METRIC_RESOLUTION_MS;
  }

  /** Scrapes now and every resolution until `stop`. */
  start(): void {
    if (this.timer) return;
    const tick = (): void => {
      this.scrape();
      this.timer = this.options.clock.setTimer(this.resolutionMs, tick);
    };
    tick();
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  available(): boolean {
    return this.options.serving?.() ?? true;
  }

  /** One scrape of every kubelet (the ticker's `tick`). */
  scrape(): void {
    if (!this.available()) {
      this.last.clear();
      this.prev.clear();
      this.nodeLast.clear();
      this.nodePrev.clear();
      this.nodeCounters.clear();
      return;
    }
    const last = new Map<string, PodPoints>();
    const prev = new Map<string, PodPoints>();
    const nodeLast = new Map<string, UsagePoint>();
    const nodePrev = new Map<string, UsagePoint>();
    for (const source of this.options.sources()) {
      const report = source.resourceUsage();
      for (const pod of report.pods) {
        const key = `${pod.namespace}/${pod.name}`;
        const newLast: PodPoints = new Map();
        const newPrev: PodPoints = new Map();
        for (const { name, point } of pod.containers) {
          newLast.set(name, point);
          const earlier = this.previousPoint(point, this.last.get(key)?.get(name), this.prev.get(key)?.get(name));
          if (earlier) newPrev.set(name, earlier);
        }
        last.set(key, newLast);
        if (newPrev.size) prev.set(key, newPrev);
      }
      const point = this.nodePoint(report);
      nodeLast.set(report.node, point);
      const before = this.nodeLast.get(report.node);
      if (before && before.timestamp < point.timestamp) nodePrev.set(report.node, before);
    }
    this.last = last;
    this.prev = prev;
    this.nodeLast = nodeLast;
    this.nodePrev = nodePrev;
  }

  podMetrics(namespace?: string): PodMetricsValue[] {
    const out: PodMetricsValue[] = [];
    for (const [key, lastPod] of this.last) {
      const [ns, name] = key.split('/');
      if (namespace !== undefined && ns !== namespace) continue;
      const prevPod = this.prev.get(key);
      if (!prevPod) continue;
      const containers: ContainerMetricsValue[] = [];
      let timestamp = 0;
      let windowMs = 0;
      let complete = true;
      for (const [container, point] of lastPod) {
        const before = prevPod.get(container);
        if (!before) {
          complete = false;
          break;
        }
        const window = point.timestamp - before.timestamp;
        containers.push({ name: container, cpuNanoCores: rate(point, before), memoryBytes: point.memoryBytes });
        if (timestamp === 0 || point.timestamp < timestamp) {
          timestamp = point.timestamp;
          windowMs = window;
        }
      }
      if (complete) out.push({ namespace: ns, name, timestamp, windowMs, containers });
    }
    return out.sort((a, b) => a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
  }

  nodeMetrics(): NodeMetricsValue[] {
    const out: NodeMetricsValue[] = [];
    for (const [name, point] of this.nodeLast) {
      const before = this.nodePrev.get(name);
      if (!before) continue;
      out.push({
        name,
        timestamp: point.timestamp,
        windowMs: point.timestamp - before.timestamp,
        cpuNanoCores: rate(point, before),
        memoryBytes: point.memoryBytes,
      });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The point a new one rates against (podStorage.Store): its start, the stored last, or the stored previous. */
  private previousPoint(point: UsagePoint, last?: UsagePoint, prev?: UsagePoint): UsagePoint | undefined {
    const age = point.timestamp - point.startTime;
    if (point.startTime < point.timestamp && age < this.resolutionMs && age >= FRESH_CONTAINER_MIN_MS)
      return { ...point, timestamp: point.startTime, cpuNanoSeconds: 0 };
    if (!last || point.startTime >= last.timestamp) return undefined;
    if (point.timestamp > last.timestamp) return last;
    return prev && prev.timestamp < point.timestamp ? prev : undefined;
  }

  /**
   * The node's counters: its own use plus every container's CPU since the last scrape (a new
   * container's since its start), so the counter only grows; memory is the sum now.
   */
  private nodePoint(report: NodeUsageReport): UsagePoint {
    const now = this.options.clock.now();
    let counter = this.nodeCounters.get(report.node);
    if (!counter) {
      counter = { at: now, total: 0, seen: new Map() };
      this.nodeCounters.set(report.node, counter);
    }
    const seen = new Map<string, UsagePoint>();
    let total = counter.total + NODE_OVERHEAD.cpuMillicores * (now - counter.at) * 1000;
    let memory = NODE_OVERHEAD.memoryBytes;
    for (const pod of report.pods) {
      for (const { name, point } of pod.containers) {
        const key = `${pod.namespace}/${pod.name}/${name}`;
        const before = counter.seen.get(key);
        const same = before && before.startTime === point.startTime;
        total += point.cpuNanoSeconds - (same ? before.cpuNanoSeconds : 0);
        memory += point.memoryBytes;
        seen.set(key, point);
      }
    }
    counter.at = now;
    counter.total = total;
    counter.seen = seen;
    return { startTime: 0, timestamp: now, cpuNanoSeconds: Math.round(total), memoryBytes: memory };
  }
}

/** CPU in nanocores between two points (resourceUsage: the counter's growth over the window). */
function rate(last: UsagePoint, prev: UsagePoint): number {
  const seconds = (last.timestamp - prev.timestamp) / 1000;
  if (seconds <= 0 || last.cpuNanoSeconds < prev.cpuNanoSeconds) return 0;
  return Math.floor((last.cpuNanoSeconds - prev.cpuNanoSeconds) / seconds);
}
