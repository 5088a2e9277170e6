import type { Node } from '../scheduler/types';
import {
  isPodUpdated,
  nodeShouldRunDaemonPod,
  scaledValue,
  templateGeneration,
  type DaemonSet,
} from './daemonset-util';
import { isPodAvailable, type Pod } from './pods';

/**
 * findUpdatedPodsOnNode: the node's one new and one old pod (either may be missing), ignoring
 * pods being deleted; undefined when the node has two of a kind (the manage loop cleans it up).
 */
function updatedPodsOnNode(
  pods: Pod[],
  hash: string,
  generation: number | undefined,
): { cur?: Pod; old?: Pod } | undefined {
  let cur: Pod | undefined;
  let old: Pod | undefined;
  for (const pod of pods) {
    if (pod.metadata?.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (cur) return undefined;
      cur = pod;
    } else {
      if (old) return undefined;
      old = pod;
    }
  }
  return { cur, old };
}

/**
 * rollingUpdate without surge (update.go): the old pods to delete now. Old pods that are not
 * available go at once; available ones only while fewer than maxUnavailable (of the nodes that
 * want a pod, rounded up; 1 when that comes to 0) nodes are unavailable. The manage loop then
 * creates their replacements. maxSurge is not simulated: kubeplay always rolls as with 0.
 */
export function rollingUpdate(
  ds: DaemonSet,
  nodes: Node[],
  hash: string,
  nodeToPods: Map<string, Pod[]>,
  now: number,
): string[] {
  const wanted = new Map<string, Pod[]>();
  for (const node of nodes) {
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) continue;
    const name = node.metadata?.name ?? '';
    wanted.set(name, nodeToPods.get(name) ?? []);
  }
  // Nodes with pods but no longer wanting them count too, as upstream's map holds them all.
  for (const [name, pods] of nodeToPods) if (!wanted.has(name)) wanted.set(name, pods);
  const desired = nodes.filter((node) => nodeShouldRunDaemonPod(node, ds).shouldRun).length;
  let maxUnavailable = scaledValue(ds.spec?.updateStrategy?.rollingUpdate?.maxUnavailable ?? 1, desired, true);
  // An impossible configuration (as on the controller's first run) falls back to 1.
  if (desired > 0 && maxUnavailable === 0) maxUnavailable = 1;
  const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
  const generation = templateGeneration(ds);
  let numUnavailable = 0;
  const replacements: string[] = [];
  const candidates: string[] = [];
  for (const name of [...wanted.keys()].sort()) {
    const found = updatedPodsOnNode(wanted.get(name) ?? [], hash, generation);
    if (!found) {
      numUnavailable++;
      continue;
    }
    const { cur, old } = found;
    if (!cur === !old) {
      // Neither or both: the manage loop creates or deletes; unavailable meanwhile.
      numUnavailable++;
    } else if (cur) {
      if (!isPodAvailable(cur, minReadySeconds, now)) numUnavailable++;
    } else if (old && !isPodAvailable(old, minReadySeconds, now)) {
      replacements.push(old.metadata?.name ?? '');
    } else if (old && numUnavailable < maxUnavailable) {
      candidates.push(old.metadata?.name ?? '');
    }
  }
  const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
  return [...replacements, ...candidates.slice(0, remaining)];
}
