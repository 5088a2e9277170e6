// How healthy an object looks: the status word and the coloured dot the lists and details show.
import type { Json } from './api';

/** A status dot's colour: green for running or ready, yellow while pending, red when failed. */
export type Health = 'ok' | 'pending' | 'failed' | 'done';

/** A pod's status as kubectl's STATUS column words it, and its health. */
export function podStatus(pod: Json): { text: string; health: Health } {
  if (pod.metadata?.deletionTimestamp) return { text: 'Terminating', health: 'pending' };
  const phase: string = pod.status?.phase ?? 'Pending';
  let reason: string = pod.status?.reason ?? phase;
  for (const container of (pod.status?.containerStatuses ?? []) as Json[]) {
    const waiting = container.state?.waiting?.reason;
    const terminated = container.state?.terminated;
    if (waiting) reason = waiting;
    else if (terminated && phase !== 'Succeeded') reason = terminated.reason ?? 'Error';
  }
  if (/BackOff|Err|Error|Invalid|OOMKilled|CrashLoop/.test(reason) || phase === 'Failed')
    return { text: reason, health: 'failed' };
  if (phase === 'Succeeded') return { text: reason === phase ? 'Completed' : reason, health: 'done' };
  const ready = ((pod.status?.conditions ?? []) as Json[]).some((c) => c.type === 'Ready' && c.status === 'True');
  if (phase === 'Running' && reason === 'Running') return { text: 'Running', health: ready ? 'ok' : 'pending' };
  return { text: reason, health: 'pending' };
}

/** The restarts of a pod's containers, summed. */
export const podRestarts = (pod: Json): number =>
  ((pod.status?.containerStatuses ?? []) as Json[]).reduce((sum, c) => sum + (c.restartCount ?? 0), 0);

/** A controller's pods, ready over desired (`2 / 2`), and its health. */
export function podsCount(ready: number, desired: number): { text: string; health: Health } {
  return { text: `${ready} / ${desired}`, health: ready >= desired ? 'ok' : 'pending' };
}

/** Ready over desired pods of a workload of `plural` (deployments, replicasets, …). */
export function workloadPods(plural: string, object: Json): { text: string; health: Health } {
  const spec = object.spec ?? {};
  const status = object.status ?? {};
  switch (plural) {
    case 'daemonsets':
      return podsCount(status.numberReady ?? 0, status.desiredNumberScheduled ?? 0);
    case 'jobs': {
      const failed = (status.failed ?? 0) > 0 && !status.succeeded;
      const counted = podsCount(status.succeeded ?? 0, spec.completions ?? 1);
      return failed ? { ...counted, health: 'failed' } : counted;
    }
    default:
      return podsCount(status.readyReplicas ?? 0, spec.replicas ?? 1);
  }
}

/** Whether a node's Ready condition is True (`True`, `False` or `Unknown`). */
export const nodeReady = (node: Json): string =>
  ((node.status?.conditions ?? []) as Json[]).find((c) => c.type === 'Ready')?.status ?? 'Unknown';
