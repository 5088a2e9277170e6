/**
 * What a pod takes from a quota (pkg/quota/v1/evaluator/core/pods.go and the resource helpers
 * it calls): whether it is charged at all, its requests and limits as the scheduler sums them,
 * and the pod scopes (Terminating, BestEffort, PriorityClass, CrossNamespacePodAffinity).
 */
import { isObject } from './object';
import { parseQuantity, type Quantity } from './quantity';
import { addLists, count, maxQuantity, type ResourceList } from './quota-resources';
import { parseTime } from '../util/time';

type Json = Record<string, unknown>;

/** A pod as the quota evaluator reads it. */
export interface QuotaPod {
  metadata?: { deletionTimestamp?: string; deletionGracePeriodSeconds?: number };
  spec?: Json;
  status?: { phase?: string; qosClass?: string };
}

/** The resources a pod can be charged for (podResources). */
export const POD_RESOURCES = [
  'count/pods',
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
];

const HUGEPAGES = 'hugepages-';
const REQUESTS = 'requests.';

/** helper.IsNativeResource: no domain, or the kubernetes.io domain. */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.startsWith('kubernetes.io/');
}

/** The pod evaluator's MatchingResources: its own names, hugepages and `requests.<extended>`. */
export function podMatchingResources(names: readonly string[]): string[] {
  return names.filter(
    (name) =>
      POD_RESOURCES.includes(name) ||
      name.startsWith(HUGEPAGES) ||
      name.startsWith(`${REQUESTS}${HUGEPAGES}`) ||
      (!isNativeResource(name) && name.startsWith(REQUESTS)),
  );
}

/**
 * QuotaV1Pod: false for a pod in a terminal phase, and for one marked for deletion whose
 * deletionTimestamp plus its grace period is past `now` (a pod stuck terminating on a lost node
 * must not block new ones).
 */
export function quotaV1Pod(pod: QuotaPod, now: number): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const deletion = parseTime(pod.metadata?.deletionTimestamp);
  const grace = pod.metadata?.deletionGracePeriodSeconds;
  if (deletion !== undefined && grace !== undefined && now > deletion + grace * 1000) return false;
  return true;
}

function resourcesOf(holder: unknown, kind: 'requests' | 'limits'): ResourceList {
  const resources = isObject(holder) && isObject(holder.resources) ? holder.resources : {};
  const list: ResourceList = new Map();
  const values = isObject(resources[kind]) ? resources[kind] : {};
  for (const [name, value] of Object.entries(values)) {
    const quantity = parseQuantity(String(value));
    if (quantity) list.set(name, quantity);
  }
  return list;
}

function maxLists(a: ResourceList, b: ResourceList): ResourceList {
  const result: ResourceList = new Map(a);
  for (const [name, quantity] of b) result.set(name, maxQuantity(result.get(name), quantity) as Quantity);
  return result;
}

const containersOf = (spec: Json, field: string): Json[] =>
  Array.isArray(spec[field]) ? (spec[field] as Json[]).filter(isObject) : [];

/** The pod-level resources that override the containers' sums (IsSupportedPodLevelResource). */
const POD_LEVEL = ['cpu', 'memory'];

/**
 * resourcehelper.PodRequests / PodLimits: the containers' sum; sidecars (restartable init
 * containers) add to it, and each other init container, with the sidecars started before it,
 * raises it to at least its own; pod-level resources replace cpu and memory; the overhead is
 * added (to limits only where a limit is set).
 */
export function podResources(pod: QuotaPod, kind: 'requests' | 'limits'): ResourceList {
  const spec = pod.spec ?? {};
  let total: ResourceList = new Map();
  for (const container of containersOf(spec, 'containers')) total = addLists(total, resourcesOf(container, kind));
  let sidecars: ResourceList = new Map();
  let initMax: ResourceList = new Map();
  for (const container of containersOf(spec, 'initContainers')) {
    const own = resourcesOf(container, kind);
    if (container.restartPolicy === 'Always') {
      total = addLists(total, own);
      sidecars = addLists(sidecars, own);
      initMax = maxLists(initMax, sidecars);
    } else {
      initMax = maxLists(initMax, addLists(own, sidecars));
    }
  }
  total = maxLists(total, initMax);
  const podLevel = resourcesOf(spec, kind);
  for (const name of POD_LEVEL) {
    const quantity = podLevel.get(name);
    if (quantity) total.set(name, quantity);
  }
  const overhead = isObject(spec.overhead) ? spec.overhead : {};
  for (const [name, value] of Object.entries(overhead)) {
    const quantity = parseQuantity(String(value));
    if (!quantity || (kind === 'limits' && !total.has(name))) continue;
    total = addLists(total, new Map([[name, quantity]]));
  }
  return total;
}

/** podComputeUsageHelper: the quota names a pod's requests and limits charge. */
function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const usage: ResourceList = new Map([['pods', count(1)]]);
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const request = requests.get(name);
    if (request) usage.set(name, request).set(`${REQUESTS}${name}`, request);
    const limit = limits.get(name);
    if (limit) usage.set(`limits.${name}`, limit);
  }
  for (const [name, request] of requests) {
    if (name.startsWith(HUGEPAGES)) usage.set(name, request).set(`${REQUESTS}${name}`, request);
    else if (!isNativeResource(name) && !name.startsWith(REQUESTS)) usage.set(`${REQUESTS}${name}`, request);
  }
  return usage;
}

/**
 * PodUsageFunc: `count/pods` always (it counts every pod stored); the compute resources and
 * `pods` only while quotaV1Pod holds.
 */
export function podUsage(pod: QuotaPod, now: number): ResourceList {
  const usage: ResourceList = new Map([['count/pods', count(1)]]);
  if (!quotaV1Pod(pod, now)) return usage;
  return addLists(usage, computeUsage(podResources(pod, 'requests'), podResources(pod, 'limits')));
}

/** qos.GetPodQOS is BestEffort: no cpu or memory request or limit above zero anywhere. */
export function isBestEffort(pod: QuotaPod): boolean {
  if (pod.status?.qosClass) return pod.status.qosClass === 'BestEffort';
  const spec = pod.spec ?? {};
  const holders = [spec, ...containersOf(spec, 'containers'), ...containersOf(spec, 'initContainers')];
  return !holders.some((holder) =>
    (['requests', 'limits'] as const).some((kind) =>
      POD_LEVEL.some((name) => (resourcesOf(holder, kind).get(name)?.milli ?? 0n) > 0n),
    ),
  );
}

/** isTerminating: the pod has an activeDeadlineSeconds of 0 or more. */
export function isTerminatingPod(pod: QuotaPod): boolean {
  const deadline = pod.spec?.activeDeadlineSeconds;
  return typeof deadline === 'number' && deadline >= 0;
}

/** usesCrossNamespacePodAffinity: an affinity term names namespaces or a namespace selector. */
export function usesCrossNamespacePodAffinity(pod: QuotaPod): boolean {
  const affinity = isObject(pod.spec?.affinity) ? pod.spec.affinity : {};
  const crossNamespace = (term: unknown): boolean =>
    isObject(term) &&
    ((Array.isArray(term.namespaces) && term.namespaces.length > 0) || term.namespaceSelector != null);
  return ['podAffinity', 'podAntiAffinity'].some((field) => {
    const terms = isObject(affinity[field]) ? affinity[field] : {};
    const required = Array.isArray(terms.requiredDuringSchedulingIgnoredDuringExecution)
      ? terms.requiredDuringSchedulingIgnoredDuringExecution
      : [];
    const preferred = Array.isArray(terms.preferredDuringSchedulingIgnoredDuringExecution)
      ? terms.preferredDuringSchedulingIgnoredDuringExecution
      : [];
    return required.some(crossNamespace) || preferred.some((w) => isObject(w) && crossNamespace(w.podAffinityTerm));
  });
}
