import type { ServedObject } from './served-object';

// kubectl's pod orderings (pkg/util/podutils): which pod `logs deploy/x` reads (ByLogging) and
// which one `exec`, `attach` and `port-forward` pick (ActivePods, reversed).

interface PodShape {
  spec?: {
    nodeName?: string;
    initContainers?: Array<{ name: string; restartPolicy?: string }>;
  };
  status?: {
    phase?: string;
    conditions?: Array<{ type: string; status: string; lastTransitionTime?: string }>;
    containerStatuses?: Array<{ restartCount?: number }>;
    initContainerStatuses?: Array<{ name: string; restartCount?: number }>;
  };
}

const shape = (pod: ServedObject): PodShape => pod as unknown as PodShape;

/** Whether the pod's Ready condition is True (IsPodReady). */
export function isPodReady(pod: ServedObject): boolean {
  return (shape(pod).status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Milliseconds of a timestamp, 0 for none (Go's zero time). */
const time = (text: string | undefined): number => (text ? Date.parse(text) : 0);

const readyTime = (pod: ServedObject): number =>
  time(
    (shape(pod).status?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime,
  );

/** t1 after t2, a zero time counting as after everything (afterOrZero). */
function afterOrZero(t1: number, t2: number): boolean {
  if (t1 === 0 || t2 === 0) return t1 === 0;
  return t1 > t2;
}

function maxRestarts(pod: ServedObject): [number, number] {
  const status = shape(pod).status ?? {};
  const regular = Math.max(0, ...(status.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  const sidecars = new Set(
    (shape(pod).spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name),
  );
  const sidecar = Math.max(
    0,
    ...(status.initContainerStatuses ?? []).filter((c) => sidecars.has(c.name)).map((c) => c.restartCount ?? 0),
  );
  return [regular, sidecar];
}

function compareRestarts(a: ServedObject, b: ServedObject): boolean | undefined {
  const [ra, sa] = maxRestarts(a);
  const [rb, sb] = maxRestarts(b);
  if (ra !== rb) return ra > rb;
  if (sa !== sb) return sa > sb;
  return undefined;
}

const nodeName = (pod: ServedObject): string => shape(pod).spec?.nodeName ?? '';
const phase = (pod: ServedObject): string => shape(pod).status?.phase ?? '';
const created = (pod: ServedObject): number => time(pod.metadata.creationTimestamp);
const deleting = (pod: ServedObject): boolean => pod.metadata.deletionTimestamp !== undefined;

/** ByLogging.Less: the pod best to read logs from first. */
export function byLoggingLess(a: ServedObject, b: ServedObject): boolean {
  if (nodeName(a) !== nodeName(b) && (!nodeName(a) || !nodeName(b))) return nodeName(a) !== '';
  const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  if ((rank[phase(a)] ?? 0) !== (rank[phase(b)] ?? 0)) return (rank[phase(a)] ?? 0) < (rank[phase(b)] ?? 0);
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a);
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(b), readyTime(a));
  const restarts = compareRestarts(a, b);
  if (restarts !== undefined) return restarts;
  if (created(a) !== created(b)) return afterOrZero(created(b), created(a));
  return false;
}

/** ActivePods.Less: the pod least worth keeping first (attach picks the last). */
export function activePodsLess(a: ServedObject, b: ServedObject): boolean {
  if (nodeName(a) !== nodeName(b) && (!nodeName(a) || !nodeName(b))) return nodeName(a) === '';
  const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  if ((rank[phase(a)] ?? 0) !== (rank[phase(b)] ?? 0)) return (rank[phase(a)] ?? 0) < (rank[phase(b)] ?? 0);
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  if (deleting(a) !== deleting(b)) return deleting(a);
  const da = time(a.metadata.deletionTimestamp);
  const db = time(b.metadata.deletionTimestamp);
  if (deleting(a) && deleting(b) && da !== db) return da < db;
  if (isPodReady(a) && isPodReady(b) && readyTime(a) !== readyTime(b)) return afterOrZero(readyTime(a), readyTime(b));
  const restarts = compareRestarts(a, b);
  if (restarts !== undefined) return restarts;
  if (created(a) !== created(b)) return afterOrZero(created(a), created(b));
  return false;
}

/** `pods` sorted by a Less function (stable, where Go's sort.Sort leaves ties in any order). */
export function sortPods(
  pods: readonly ServedObject[],
  less: (a: ServedObject, b: ServedObject) => boolean,
): ServedObject[] {
  return [...pods].sort((a, b) => (less(a, b) ? -1 : less(b, a) ? 1 : 0));
}
