import { controllerOf } from '../controllers/pods';
import { termMatches, tolerationsTolerate } from './filters';
import { grownFrom, podRequests, type NodeInfo, type Resource } from './resources';
import type { Pod } from './types';

/** framework.MaxNodeScore. */
export const MAX_NODE_SCORE = 100;

/** A Score plugin with its NormalizeScore, and its weight in the default profile. */
export interface ScorePlugin {
  name: string;
  weight: number;
  /** Raw scores of the feasible nodes, in their order; normalized to 0…100. */
  score(pod: Pod, nodes: NodeInfo[]): number[];
}

/** helper.DefaultNormalizeScore: scale to 0…100 by the maximum; `reverse` flips it. */
function defaultNormalize(scores: number[], reverse: boolean): number[] {
  const max = Math.max(0, ...scores);
  if (max === 0) return scores.map(() => (reverse ? MAX_NODE_SCORE : 0));
  return scores.map((s) => {
    const score = Math.trunc((MAX_NODE_SCORE * s) / max);
    return reverse ? MAX_NODE_SCORE - score : score;
  });
}

function withPod(node: Resource, pod: Resource): { cpu: number; memory: number } {
  return { cpu: node.milliCPU + pod.milliCPU, memory: node.memory + pod.memory };
}

/** LeastAllocated's score of one resource: the share left free, 0…100. */
function leastAllocatedShare(used: number, capacity: number): number {
  return capacity === 0 || used > capacity ? 0 : Math.trunc(((capacity - used) * MAX_NODE_SCORE) / capacity);
}

/** BalancedAllocation's fraction of one resource in use, at most 1. */
function usedFraction(used: number, capacity: number): number {
  return capacity === 0 ? 0 : Math.min(1, used / capacity);
}

/**
 * NodeResourcesFit with the LeastAllocated strategy (cpu and memory, weight 1 each): the share of
 * each resource left free after the pod, counting containers without requests as 100m / 200 MiB.
 */
export const leastAllocated: ScorePlugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  score(pod, nodes) {
    const req = podRequests(pod, true);
    return nodes.map((info) => {
      const requested = withPod(info.nonZeroRequested, req);
      return Math.trunc(
        (leastAllocatedShare(requested.cpu, info.allocatable.milliCPU) +
          leastAllocatedShare(requested.memory, info.allocatable.memory)) /
          2,
      );
    });
  },
};

/**
 * NodeResourcesBalancedAllocation: nodes whose cpu and memory would be used in equal shares
 * score highest — (1 − standard deviation of the two fractions) · 100.
 */
export const balancedAllocation: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  score(pod, nodes) {
    const req = podRequests(pod);
    // PreScore skips best-effort pods, so that they do not pile onto one node (issue 129138).
    if (req.milliCPU === 0 && req.memory === 0) return nodes.map(() => 0);
    return nodes.map((info) => {
      const requested = withPod(info.requested, req);
      const cpu = usedFraction(requested.cpu, info.allocatable.milliCPU);
      const memory = usedFraction(requested.memory, info.allocatable.memory);
      const std = Math.abs(cpu - memory) / 2;
      return Math.trunc((1 - std) * MAX_NODE_SCORE);
    });
  },
};

/**
 * PodTopologySpread with the system default constraints, for the hostname one (maxSkew 3,
 * ScheduleAnyway): fewer pods of the same group on a node score higher. The group is the pods
 * of the same controller (upstream builds the selector from the Services, ReplicaSets,
 * ReplicationControllers and StatefulSets that select the pod). Pods with no controller are
 * not scored (PreScore skips them).
 */
export const podTopologySpread: ScorePlugin = {
  name: 'PodTopologySpread',
  weight: 2,
  score(pod, nodes) {
    const owner = controllerOf(pod)?.uid;
    if (!owner) return nodes.map(() => 0);
    const namespace = pod.metadata?.namespace;
    const maxSkew = 3;
    const weight = Math.log(nodes.length + 2);
    const raw = nodes.map((info) => {
      const count = groupCounts(info).get(namespace)?.get(owner) ?? 0;
      return Math.round(count * weight + (maxSkew - 1));
    });
    const min = Math.min(...raw);
    const max = Math.max(...raw);
    return raw.map((s) => (max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - s)) / max)));
  },
};

/** How many pods on a node each controller has, by namespace and controller UID (not counting pods being deleted). */
function groupCounts(info: NodeInfo): GroupCounts {
  // A NodeInfo's pods never change once it is built (the scheduler builds or grows a new one),
  // so the counts are kept with it; a grown one starts from the counts of the one it grew from.
  let counts = groupCountsCache.get(info);
  if (counts) return counts;
  const growth = grownFrom(info);
  const base = growth && groupCountsCache.get(growth.from);
  if (growth && base) {
    counts = new Map([...base].map(([namespace, byOwner]) => [namespace, new Map(byOwner)]));
    countPods(counts, growth.added);
  } else {
    counts = new Map();
    countPods(counts, info.pods);
  }
  groupCountsCache.set(info, counts);
  return counts;
}

type GroupCounts = Map<string | undefined, Map<string, number>>;

function countPods(counts: GroupCounts, pods: readonly Pod[]): void {
  for (const pod of pods) {
    const owner = controllerOf(pod)?.uid;
    if (pod.metadata?.deletionTimestamp || owner === undefined) continue;
    let byOwner = counts.get(pod.metadata?.namespace);
    if (!byOwner) counts.set(pod.metadata?.namespace, (byOwner = new Map()));
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + 1);
  }
}

const groupCountsCache = new WeakMap<NodeInfo, GroupCounts>();

/** TaintToleration: fewer untolerated PreferNoSchedule taints score higher. */
export const taintTolerationScore: ScorePlugin = {
  name: 'TaintToleration',
  weight: 3,
  score(pod, nodes) {
    const tolerations = (pod.spec?.tolerations ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    const raw = nodes.map(
      (info) =>
        (info.node.spec?.taints ?? []).filter(
          (taint) => taint.effect === 'PreferNoSchedule' && !tolerationsTolerate(tolerations, taint),
        ).length,
    );
    return defaultNormalize(raw, true);
  },
};

/** NodeAffinity: the summed weights of the preferred terms a node matches. */
export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  weight: 2,
  score(pod, nodes) {
    const preferred = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    const raw = nodes.map((info) =>
      preferred.reduce((sum, term) => sum + (termMatches(term.preference, info.node) ? term.weight : 0), 0),
    );
    return defaultNormalize(raw, false);
  },
};

/** The default profile's score plugins that kubeplay runs. */
export const DEFAULT_SCORE_PLUGINS: readonly ScorePlugin[] = [
  taintTolerationScore,
  nodeAffinityScore,
  leastAllocated,
  podTopologySpread,
  balancedAllocation,
];

/** The weighted sum of every plugin's normalized score, per node. */
export function totalScores(pod: Pod, nodes: NodeInfo[], plugins = DEFAULT_SCORE_PLUGINS): number[] {
  const totals = nodes.map(() => 0);
  for (const plugin of plugins) {
    const scores = plugin.score(pod, nodes);
    scores.forEach((s, i) => (totals[i] += s * plugin.weight));
  }
  return totals;
}
