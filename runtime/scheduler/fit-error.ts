import type { NodeInfo } from './resources';
import type { FilterStatus, Pod } from './types';

// framework/types.go
/** NoNodeAvailableMsg. */
export const NO_NODE_AVAILABLE_MSG = (n: number): string => `0/${n} nodes are available`;
/** schedule_one.go ErrNoNodesAvailable, the error (not a FitError) of a cluster without nodes. */
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';
// framework/preemption/preemption.go and defaultpreemption
/** The status nodesWherePreemptionMightHelp gives nodes whose filters said UnschedulableAndUnresolvable. */
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
/** The status of a node where the dry run found no lower-priority pods to evict. */
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';
/** PodEligibleToPreemptOthers for a pod with preemptionPolicy Never. */
export const NOT_ELIGIBLE_PREEMPTION_NEVER = 'not eligible due to preemptionPolicy=Never.';

/**
 * FitError.Error(): `0/N nodes are available:` then the histogram of the reasons every node was
 * rejected for (`<count> <reason>`, sorted as strings, joined by `, `, ended by `.`), then the
 * PostFilter (preemption) message after a space.
 */
export function fitErrorMessage(numAllNodes: number, statuses: Iterable<FilterStatus>, postFilterMsg = ''): string {
  let message = `${NO_NODE_AVAILABLE_MSG(numAllNodes)}:`;
  const reasons = new Map<string, number>();
  for (const status of statuses)
    for (const reason of status.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  const histogram = [...reasons].map(([reason, count]) => `${count} ${reason}`).sort();
  if (histogram.length > 0) message += ` ${histogram.join(', ')}.`;
  if (postFilterMsg) message += ` ${postFilterMsg}`;
  return message;
}

/** podutil.GetPodPriority. */
export function podPriority(pod: Pod): number {
  return pod.spec?.priority ?? 0;
}

/**
 * DefaultPreemption's PostFilter message when it finds no candidate, prefixed `preemption: `:
 * a pod that may not preempt says so; otherwise a FitError over every node, where nodes that
 * failed with UnschedulableAndUnresolvable are "not helpful" and the rest are dry-run. kubeplay's
 * dry run only looks for lower-priority pods: with none on a node it reports "No preemption
 * victims found"; evicting victims is not implemented, so such nodes report the same.
 */
export function preemptionMessage(pod: Pod, nodes: NodeInfo[], statuses: Map<string, FilterStatus>): string {
  if (pod.spec?.preemptionPolicy === 'Never') return `preemption: ${NOT_ELIGIBLE_PREEMPTION_NEVER}`;
  const results: FilterStatus[] = nodes.map((info) => {
    const status = statuses.get(info.name);
    if (status?.code === 'UnschedulableAndUnresolvable') {
      return { plugin: 'DefaultPreemption', code: 'UnschedulableAndUnresolvable', reasons: [PREEMPTION_NOT_HELPFUL] };
    }
    return { plugin: 'DefaultPreemption', code: 'Unschedulable', reasons: [NO_PREEMPTION_VICTIMS] };
  });
  return `preemption: ${fitErrorMessage(nodes.length, results)}`;
}
