import type { KubeObject, OwnerReference } from '../api/object';
import { parseTime } from '../util/time';

/** A pod as controllers read it. */
export interface Pod extends KubeObject {
  spec?: { nodeName?: string; [field: string]: unknown };
  status?: {
    phase?: string;
    conditions?: Array<{ type: string; status: string; lastTransitionTime?: string }>;
    containerStatuses?: Array<{ restartCount?: number }>;
    [field: string]: unknown;
  };
}

/** metav1.LabelSelector. */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/**
 * metav1.LabelSelectorAsSelector as a predicate: no selector selects nothing, an empty one
 * everything; matchLabels and each of In, NotIn, Exists, DoesNotExist must hold.
 */
export function labelSelectorMatcher(
  selector: LabelSelectorSpec | undefined,
): (labels: Record<string, string> | undefined) => boolean {
  if (!selector) return () => false;
  const matchLabels = Object.entries(selector.matchLabels ?? {});
  const expressions = selector.matchExpressions ?? [];
  return (labels = {}) => {
    for (const [key, value] of matchLabels) if (labels[key] !== value) return false;
    for (const { key, operator, values = [] } of expressions) {
      const has = Object.prototype.hasOwnProperty.call(labels, key);
      switch (operator) {
        case 'In':
          if (!has || !values.includes(labels[key])) return false;
          break;
        case 'NotIn':
          if (has && values.includes(labels[key])) return false;
          break;
        case 'Exists':
          if (!has) return false;
          break;
        case 'DoesNotExist':
          if (has) return false;
          break;
        default:
          return false;
      }
    }
    return true;
  };
}

/** True when a selector has no requirements (it would select every object). */
export function isEmptySelector(selector: LabelSelectorSpec | undefined): boolean {
  return (
    !!selector && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0
  );
}

/** metav1.GetControllerOf: the owner reference marked controller, if any. */
export function controllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata?.ownerReferences?.find((ref) => ref.controller === true);
}

/** controller.IsPodActive: not Succeeded, not Failed, not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata?.deletionTimestamp;
}

/** controller.IsPodTerminating: being deleted and not yet Succeeded or Failed. */
export function isPodTerminating(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !!pod.metadata?.deletionTimestamp;
}

function readyCondition(pod: Pod): { status: string; lastTransitionTime?: string } | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** podutil.IsPodReady: its Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/**
 * podutil.IsPodAvailable: ready, and for at least minReadySeconds (its Ready condition's
 * lastTransitionTime plus minReadySeconds is before now).
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds === 0) return true;
  const since = parseTime(readyCondition(pod)?.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/** The pod's controller.kubernetes.io/pod-deletion-cost (0 when unset or not an int32). */
export function deletionCost(pod: Pod): number {
  const text = pod.metadata?.annotations?.['controller.kubernetes.io/pod-deletion-cost'];
  if (text === undefined || !/^-?\d+$/.test(text)) return 0;
  const value = Number(text);
  return value >= -2147483648 && value <= 2147483647 ? value : 0;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function readyTime(pod: Pod): number | undefined {
  return isPodReady(pod) ? parseTime(readyCondition(pod)?.lastTransitionTime) : undefined;
}

function maxRestarts(pod: Pod): number {
  return Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
}

/** afterOrZero: a missing time sorts first, else the later time does. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

/** floor(log2(now − t in nanoseconds)), or −1 for a time not in the past (logarithmicRankDiff). */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Compares two times on the logarithmic scale, equal ranks by UID; undefined when it cannot. */
function logarithmicLess(a: number, b: number, now: number, uidA: string, uidB: string): boolean {
  const diff = logRank(a, now) - logRank(b, now);
  if (diff === 0) return uidA < uidB;
  return diff < 0;
}

/**
 * controller.ActivePodsWithRanks.Less: true when pod `a` should be deleted before pod `b`:
 * unassigned before assigned; Pending before Unknown before Running; not ready before ready;
 * lower pod-deletion-cost first; more colocated related pods (rank) first; ready for less time
 * first; more container restarts first; newer first. Times compare on a logarithmic scale
 * (LogarithmicScaleDown, GA since 1.31), ties broken by UID.
 */
export function deleteBefore(a: Pod, rankA: number, b: Pod, rankB: number, now: number): boolean {
  const nodeA = a.spec?.nodeName ?? '';
  const nodeB = b.spec?.nodeName ?? '';
  if (nodeA !== nodeB && (nodeA === '' || nodeB === '')) return nodeA === '';
  const phaseA = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
  const phaseB = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
  if (phaseA !== phaseB) return phaseA < phaseB;
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  const costA = deletionCost(a);
  const costB = deletionCost(b);
  if (costA !== costB) return costA < costB;
  if (rankA !== rankB) return rankA > rankB;
  const uidA = a.metadata?.uid ?? '';
  const uidB = b.metadata?.uid ?? '';
  if (isPodReady(a) && isPodReady(b)) {
    const readyA = readyTime(a);
    const readyB = readyTime(b);
    if (readyA !== readyB) {
      if (readyA === undefined || readyB === undefined) return afterOrZero(readyA, readyB);
      return logarithmicLess(readyA, readyB, now, uidA, uidB);
    }
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  const createdA = parseTime(a.metadata?.creationTimestamp);
  const createdB = parseTime(b.metadata?.creationTimestamp);
  if (createdA !== createdB) {
    if (createdA === undefined || createdB === undefined) return afterOrZero(createdA, createdB);
    return logarithmicLess(createdA, createdB, now, uidA, uidB);
  }
  return false;
}

/**
 * The pods to delete first, `count` of them (replicaset getPodsToDelete): ranked by
 * ActivePodsWithRanks with each pod's rank the number of active `related` pods on its node.
 */
export function podsToDelete(pods: readonly Pod[], related: readonly Pod[], count: number, now: number): Pod[] {
  if (count >= pods.length) return pods.slice(0, count);
  const onNode = new Map<string, number>();
  for (const pod of related) {
    if (!isPodActive(pod)) continue;
    const node = pod.spec?.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((x, y) =>
    deleteBefore(x.pod, x.rank, y.pod, y.rank, now) ? -1 : deleteBefore(y.pod, y.rank, x.pod, x.rank, now) ? 1 : 0,
  );
  return ranked.slice(0, count).map((r) => r.pod);
}
