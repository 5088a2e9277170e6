import { parseQuantity } from '../api/quantity';
import { StatusError } from '../api/status';
import type { RestClient } from '../client/rest-client';
import { parseTime } from '../util/time';
import type { PodMetric, PodMetricsInfo } from './horizontal-pod-autoscaler-types';
import type { Pod } from './pods';

/** --horizontal-pod-autoscaler-tolerance: usage within 10% of the target changes nothing. */
export const HPA_TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period. */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
/** --horizontal-pod-autoscaler-initial-readiness-delay. */
export const INITIAL_READINESS_DELAY_MS = 30_000;

/** A replica count proposal and the usage it came from. */
export interface ReplicaProposal {
  replicas: number;
  /** The average utilization in percent of the request (utilization targets only). */
  utilization?: number;
  /** The average usage in milli-units. */
  rawUsage: number;
  timestamp: number;
}

/** An error with the text the controller reports (Go's fmt.Errorf chains). */
export class HpaError extends Error {}

const fail = (message: string): never => {
  throw new HpaError(message);
};

/** A quantity's MilliValue (rounded up, as resource.Quantity does). */
export function milliValue(text: string | undefined): number {
  const q = text === undefined ? undefined : parseQuantity(String(text));
  return q ? Number(q.milli) : 0;
}

/** An API failure as client-go words it: a bare 404 gets `(get <resource>)`, as its generic server responses do. */
function clientError(error: unknown, resource: string): string {
  if (!(error instanceof StatusError)) return error instanceof Error ? error.message : String(error);
  const status = error.status;
  if (status.code === 404 && !status.details?.name) return `${status.message} (get ${resource})`;
  if (status.code === 503) return `the server is currently unable to handle the request (get ${resource})`;
  return status.message ?? '';
}

interface PodMetricsJson {
  metadata?: { name?: string };
  timestamp?: string;
  window?: string;
  containers?: Array<{ name: string; usage?: Record<string, string> }>;
}

/** A Go duration string (`1m0s`, `15.5s`, `850ms`) in milliseconds. */
export function parseGoDuration(text: string | undefined): number {
  let ms = 0;
  for (const [, value, unit] of (text ?? '').matchAll(/([\d.]+)(h|ms|m|s|us|µs|ns)/g)) {
    const scale = { h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 1e-3, µs: 1e-3, ns: 1e-6 }[unit] ?? 0;
    ms += Number(value) * scale;
  }
  return ms;
}

/**
 * The resource metrics client (metrics.GetResourceMetric): lists PodMetrics of `namespace` by
 * `selector` through metrics.k8s.io and sums each pod's containers (or takes one container).
 */
export async function getResourceMetric(
  client: RestClient,
  resource: string,
  namespace: string,
  selector: string,
  container: string,
): Promise<{ metrics: PodMetricsInfo; timestamp: number }> {
  let list: { items?: PodMetricsJson[] };
  try {
    const query = selector ? `?labelSelector=${encodeURIComponent(selector)}` : '';
    list = await client.request('GET', `/apis/metrics.k8s.io/v1beta1/namespaces/${namespace}/pods${query}`);
  } catch (error) {
    return fail(`unable to fetch metrics from resource metrics API: ${clientError(error, 'pods.metrics.k8s.io')}`);
  }
  const items = list.items ?? [];
  if (items.length === 0) fail('no metrics returned from resource metrics API');
  const metrics: PodMetricsInfo = new Map();
  for (const item of items) {
    const base = { timestamp: parseTime(item.timestamp) ?? 0, windowMs: parseGoDuration(item.window) };
    const containers = item.containers ?? [];
    if (container) {
      const found = containers.find((c) => c.name === container);
      const value = found?.usage?.[resource];
      if (value !== undefined) metrics.set(item.metadata?.name ?? '', { ...base, value: milliValue(value) });
      continue;
    }
    let sum = 0;
    let missing = containers.length === 0;
    for (const c of containers) {
      const value = c.usage?.[resource];
      if (value === undefined) {
        missing = true;
        break;
      }
      sum += milliValue(value);
    }
    if (!missing) metrics.set(item.metadata?.name ?? '', { ...base, value: sum });
  }
  return { metrics, timestamp: parseTime(items[0].timestamp) ?? 0 };
}

interface Grouped {
  readyPodCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

/** groupPods: deleted and failed pods ignored, pending ones unready, those without metrics missing, CPU of initialising pods unready. */
export function groupPods(pods: readonly Pod[], metrics: PodMetricsInfo, resource: string, now: number): Grouped {
  const grouped: Grouped = { readyPodCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata?.name ?? '';
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (pod.metadata?.deletionTimestamp || phase === 'Failed') {
      grouped.ignored.add(name);
      continue;
    }
    if (phase === 'Pending') {
      grouped.unready.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      grouped.missing.add(name);
      continue;
    }
    if (resource === 'cpu' && cpuUnready(pod, metric, now)) {
      grouped.unready.add(name);
      continue;
    }
    grouped.readyPodCount++;
  }
  return grouped;
}

function cpuUnready(pod: Pod, metric: PodMetric, now: number): boolean {
  const status = pod.status as
    | { startTime?: string; conditions?: Array<{ type: string; status: string; lastTransitionTime?: string }> }
    | undefined;
  const condition = status?.conditions?.find((c) => c.type === 'Ready');
  const start = parseTime(status?.startTime);
  if (!condition || start === undefined) return true;
  const transition = parseTime(condition.lastTransitionTime) ?? 0;
  if (start + CPU_INITIALIZATION_PERIOD_MS > now) {
    // Within the initialisation period: unready, or no full window measured since it became ready.
    return condition.status === 'False' || metric.timestamp < transition + metric.windowMs;
  }
  // Past it: ignored only if unready and never ready since shortly after it started.
  return condition.status === 'False' && start + INITIAL_READINESS_DELAY_MS > transition;
}

/** calculateRequests: each pod's request of `resource` (one container's, or the containers' and sidecars' sum). */
export function calculateRequests(pods: readonly Pod[], container: string, resource: string): Map<string, number> {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    const spec = pod.spec as
      | {
          containers?: Array<{ name: string; resources?: { requests?: Record<string, string> } }>;
          initContainers?: Array<{
            name: string;
            restartPolicy?: string;
            resources?: { requests?: Record<string, string> };
          }>;
        }
      | undefined;
    const containers = [
      ...(spec?.containers ?? []),
      ...(spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'),
    ];
    let request = 0;
    let found = false;
    for (const c of containers) {
      if (container === '' || container === c.name) {
        const value = c.resources?.requests?.[resource];
        if (value === undefined)
          fail(`missing request for ${resource} in container ${c.name} of Pod ${pod.metadata?.name ?? ''}`);
        request += milliValue(value);
      }
      if (container === c.name) {
        found = true;
        break;
      }
    }
    if (container !== '' && !found) fail(`container ${container} not found in Pod ${pod.metadata?.name ?? ''}`);
    requests.set(pod.metadata?.name ?? '', request);
  }
  return requests;
}

/** GetResourceUtilizationRatio: the usage ratio, the utilization in percent and the average raw value. */
export function resourceUtilizationRatio(
  metrics: PodMetricsInfo,
  requests: Map<string, number>,
  target: number,
): { ratio: number; utilization: number; rawAverage: number } {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let entries = 0;
  for (const [name, metric] of metrics) {
    const request = requests.get(name);
    if (request === undefined) continue;
    metricsTotal += metric.value;
    requestsTotal += request;
    entries++;
  }
  if (requestsTotal === 0) fail('no metrics returned matched known pods');
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(metricsTotal / entries) };
}

/** GetMetricUsageRatio: average usage against the target. */
function metricUsageRatio(metrics: PodMetricsInfo, target: number): { ratio: number; usage: number } {
  let total = 0;
  for (const metric of metrics.values()) total += metric.value;
  const usage = Math.trunc(total / metrics.size);
  return { ratio: usage / target, usage };
}

const within = (ratio: number): boolean => 1 - HPA_TOLERANCE <= ratio && ratio <= 1 + HPA_TOLERANCE;

/** The metrics of the pods that count (ignored and unready ones left out), and how the pods group; fails without any. */
function readyMetrics(
  pods: readonly Pod[],
  fetched: PodMetricsInfo,
  resource: string,
  now: number,
): { metrics: PodMetricsInfo; grouped: Grouped } {
  const metrics = new Map(fetched);
  if (pods.length === 0) fail('no pods returned by selector while calculating replica count');
  const grouped = groupPods(pods, metrics, resource, now);
  for (const name of [...grouped.ignored, ...grouped.unready]) metrics.delete(name);
  if (metrics.size === 0) fail('did not receive metrics for targeted pods (pods might be unready)');
  return { metrics, grouped };
}

/**
 * GetResourceReplicas: the replicas for a utilization target (percent of the request). Unready
 * pods count as 0% on a scale-up; pods without metrics as 0% on a scale-up and 100% (or the
 * target, if higher) on a scale-down; no change within the tolerance or against the direction.
 */
export function resourceReplicas(
  currentReplicas: number,
  target: number,
  resource: string,
  container: string,
  pods: readonly Pod[],
  fetched: { metrics: PodMetricsInfo; timestamp: number },
  now: number,
): ReplicaProposal {
  const { metrics, grouped } = readyMetrics(pods, fetched.metrics, resource, now);
  const requests = calculateRequests(pods, container, resource);
  const { ratio, utilization, rawAverage } = resourceUtilizationRatio(metrics, requests, target);
  const result = (replicas: number): ReplicaProposal => ({
    replicas,
    utilization,
    rawUsage: rawAverage,
    timestamp: fetched.timestamp,
  });
  const scaleUpWithUnready = grouped.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && grouped.missing.size === 0) {
    if (within(ratio)) return result(currentReplicas);
    return result(Math.ceil(ratio * grouped.readyPodCount));
  }
  if (grouped.missing.size > 0) {
    const fallback = Math.max(100, target);
    for (const name of grouped.missing) {
      if (ratio < 1)
        metrics.set(name, { timestamp: 0, windowMs: 0, value: ((requests.get(name) ?? 0) * fallback) / 100 });
      else if (ratio > 1) metrics.set(name, { timestamp: 0, windowMs: 0, value: 0 });
    }
  }
  if (scaleUpWithUnready)
    for (const name of grouped.unready) metrics.set(name, { timestamp: 0, windowMs: 0, value: 0 });
  const next = resourceUtilizationRatio(metrics, requests, target).ratio;
  if (within(next) || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return result(currentReplicas);
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas))
    return result(currentReplicas);
  return result(replicas);
}

/** GetRawResourceReplicas (calcPlainMetricReplicas): the replicas for an average value target, in milli-units. */
export function rawResourceReplicas(
  currentReplicas: number,
  target: number,
  resource: string,
  pods: readonly Pod[],
  fetched: { metrics: PodMetricsInfo; timestamp: number },
  now: number,
): ReplicaProposal {
  const { metrics, grouped } = readyMetrics(pods, fetched.metrics, resource, now);
  const { ratio, usage } = metricUsageRatio(metrics, target);
  const result = (replicas: number): ReplicaProposal => ({ replicas, rawUsage: usage, timestamp: fetched.timestamp });
  const scaleUpWithUnready = grouped.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && grouped.missing.size === 0) {
    if (within(ratio)) return result(currentReplicas);
    return result(Math.ceil(ratio * grouped.readyPodCount));
  }
  for (const name of grouped.missing) {
    if (ratio < 1) metrics.set(name, { timestamp: 0, windowMs: 0, value: target });
    else if (ratio > 1) metrics.set(name, { timestamp: 0, windowMs: 0, value: 0 });
  }
  if (scaleUpWithUnready)
    for (const name of grouped.unready) metrics.set(name, { timestamp: 0, windowMs: 0, value: 0 });
  const next = metricUsageRatio(metrics, target).ratio;
  if (within(next) || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return result(currentReplicas);
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas))
    return result(currentReplicas);
  return result(replicas);
}
