import type { Node } from '../scheduler/types';
import {
  nodeShouldRunDaemonPod,
  podByCreationTimestampAndPhase,
  type DaemonSet,
  type FailedPodsBackoff,
} from './daemonset-util';
import type { Pod } from './pods';

/** What podsShouldBeOnNode needs of its controller. */
export interface NodeManageContext {
  /** The failed-pod back-off of the controller. */
  backoff: FailedPodsBackoff;
  /** Syncs the DaemonSet again after `ms`. */
  requeueAfter(ms: number): void;
  /** Records a Warning event about the DaemonSet. */
  warn(reason: string, message: string): void;
}

/**
 * podsShouldBeOnNode without surge: the node needs a pod if it wants one and has none; failed
 * pods are killed (with an event, and a growing per-node back-off against a kubelet that keeps
 * rejecting them), succeeded ones and all but the oldest of several running ones are deleted,
 * and a node that may not keep its pods loses them all.
 */
export function podsShouldBeOnNode(
  node: Node,
  nodeToPods: Map<string, Pod[]>,
  ds: DaemonSet,
  ctx: NodeManageContext,
): { needing: string[]; toDelete: string[] } {
  const nodeName = node.metadata?.name ?? '';
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  const pods = nodeToPods.get(nodeName) ?? [];
  const toDelete: string[] = [];
  if (shouldRun && pods.length === 0) return { needing: [nodeName], toDelete };
  if (shouldContinueRunning) {
    const running: Pod[] = [];
    for (const pod of pods) {
      if (pod.metadata?.deletionTimestamp) continue;
      if (pod.status?.phase === 'Failed') {
        // Against a kubelet that keeps rejecting the pod: a growing wait per node.
        const backoffKey = `${ds.metadata?.uid}/${ds.status?.observedGeneration ?? 0}/${nodeName}`;
        if (ctx.backoff.inBackoffSinceUpdate(backoffKey)) {
          ctx.requeueAfter(ctx.backoff.get(backoffKey));
          continue;
        }
        ctx.backoff.next(backoffKey);
        const meta = pod.metadata ?? {};
        const message = `Found failed daemon pod ${meta.namespace}/${meta.name} on node ${nodeName}, will try to kill it`;
        ctx.warn('FailedDaemonPod', message);
        toDelete.push(meta.name ?? '');
      } else if (pod.status?.phase === 'Succeeded') {
        toDelete.push(pod.metadata?.name ?? '');
      } else {
        running.push(pod);
      }
    }
    // More than one: all but the oldest go.
    running.sort(podByCreationTimestampAndPhase);
    for (const pod of running.slice(1)) toDelete.push(pod.metadata?.name ?? '');
    return { needing: [], toDelete };
  }
  for (const pod of pods) if (!pod.metadata?.deletionTimestamp) toDelete.push(pod.metadata?.name ?? '');
  return { needing: [], toDelete };
}
