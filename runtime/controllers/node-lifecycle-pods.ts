import type { KubeObject } from '../api/object';
import type { Clock } from '../clock';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { PODS } from '../client/resources';
import { formatTime } from '../util/time';
import type { EventRecorder } from './events';
import type { Node } from './node-lifecycle-taints';
import type { Pod } from './pods';

/** core/v1 PodCondition (fields in Go's order). */
export interface PodCondition {
  type: string;
  status: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/**
 * podutil.UpdatePodCondition: sets `condition` in the status (lastTransitionTime now, or kept when
 * the status did not change); false when nothing changed.
 */
export function updatePodCondition(conditions: PodCondition[], condition: PodCondition, now: number): boolean {
  const index = conditions.findIndex((c) => c.type === condition.type);
  const next = orderedCondition({ ...condition, lastTransitionTime: formatTime(now) });
  if (index < 0) {
    conditions.push(next);
    return true;
  }
  const old = conditions[index];
  if (next.status === old.status) next.lastTransitionTime = old.lastTransitionTime;
  const same =
    next.status === old.status &&
    next.reason === old.reason &&
    next.message === old.message &&
    (next.lastProbeTime ?? null) === (old.lastProbeTime ?? null) &&
    next.lastTransitionTime === old.lastTransitionTime;
  conditions[index] = orderedCondition(next);
  return !same;
}

/** A condition with its fields in Go's declaration order, unset ones left out. */
function orderedCondition(c: PodCondition): PodCondition {
  const out: PodCondition = { type: c.type, status: c.status };
  if (c.lastProbeTime !== undefined) out.lastProbeTime = c.lastProbeTime;
  if (c.lastTransitionTime !== undefined) out.lastTransitionTime = c.lastTransitionTime;
  if (c.reason !== undefined) out.reason = c.reason;
  if (c.message !== undefined) out.message = c.message;
  return out;
}

/** The object reference of a node in its events (RecordNodeEvent: no namespace). */
export function nodeReference(node: Node): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: node.metadata?.name, uid: node.metadata?.uid } };
}

/** controllerutil.RecordNodeEvent: `Node <name> event: <event>`. */
export function recordNodeEvent(
  recorder: EventRecorder,
  node: Node,
  type: 'Normal' | 'Warning',
  reason: string,
  event: string,
): void {
  recorder.event(nodeReference(node), type, reason, `Node ${node.metadata?.name} event: ${event}`);
}

/** controllerutil.RecordNodeStatusChange: `Node <name> status is now: <status>`. */
export function recordNodeStatusChange(recorder: EventRecorder, node: Node, status: string): void {
  recorder.event(nodeReference(node), 'Normal', status, `Node ${node.metadata?.name} status is now: ${status}`);
}

/**
 * controllerutil.MarkPodsNotReady: each pod on `nodeName` whose Ready condition is not False yet
 * gets it False (a status update), then a Warning NodeNotReady event. Throws the failures.
 */
export async function markPodsNotReady(
  deps: { client: RestClient; clock: Clock; recorder: EventRecorder },
  pods: Pod[],
  nodeName: string,
): Promise<void> {
  const errors: Error[] = [];
  for (const cached of pods) {
    if (cached.spec?.nodeName !== nodeName) continue;
    const conditions = [...((cached.status?.conditions ?? []) as PodCondition[])];
    const ready = conditions.find((c) => c.type === 'Ready');
    if (!ready) continue;
    if (!updatePodCondition(conditions, { ...ready, status: 'False' }, deps.clock.now())) continue;
    const pod: Pod = { ...cached, status: { ...cached.status, conditions } };
    try {
      await deps.client.resource<Pod>(PODS, pod.metadata?.namespace).updateStatus(pod);
    } catch (error) {
      // A pod already gone needs nothing more.
      if (hasStatusCode(error, 404)) continue;
      errors.push(error as Error);
    }
    deps.recorder.event({ ...pod, apiVersion: 'v1', kind: 'Pod' }, 'Warning', 'NodeNotReady', 'Node is not ready');
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new Error(`[${errors.map((e) => e.message).join(', ')}]`);
}
