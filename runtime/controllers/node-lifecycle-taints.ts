import type { KubeObject } from '../api/object';
import type { Clock } from '../clock';
import { hasStatusCode, type RestClient } from '../client/rest-client';
import { NODES } from '../client/resources';
import { formatTime } from '../util/time';

/** core/v1 Taint (fields in Go's order). */
export interface Taint {
  key: string;
  value?: string;
  effect: string;
  timeAdded?: string;
}

/** core/v1 Toleration. */
export interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** core/v1 NodeCondition. */
export interface NodeCondition {
  type: string;
  status: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** core/v1 Node, the fields the node controllers read and write. */
export interface Node extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: Taint[]; [field: string]: unknown };
  status?: { conditions?: NodeCondition[]; [field: string]: unknown };
}

// v1.TaintNode* keys.
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** UnreachableTaintTemplate: the NoExecute taint of a node whose Ready condition is Unknown. */
export const UNREACHABLE_TAINT: Taint = { key: TAINT_NODE_UNREACHABLE, effect: 'NoExecute' };
/** NotReadyTaintTemplate: the NoExecute taint of a node whose Ready condition is False. */
export const NOT_READY_TAINT: Taint = { key: TAINT_NODE_NOT_READY, effect: 'NoExecute' };

/** nodeConditionToTaintKeyStatusMap: which condition status earns which NoSchedule taint key. */
export const CONDITION_TAINT_KEYS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};

/** taintKeyToNodeConditionMap's keys: the taints this controller owns. */
export const CONDITION_TAINTS = new Set(Object.values(CONDITION_TAINT_KEYS).flatMap((m) => Object.values(m)));

/** Taint.MatchTaint: same key and effect. */
export function taintMatches(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

/** taintutils.TaintExists. */
export function taintExists(taints: Taint[] | undefined, taint: Taint): boolean {
  return (taints ?? []).some((t) => taintMatches(t, taint));
}

/** The node's condition of `type`, if posted (GetNodeCondition). */
export function nodeCondition(node: Node | undefined, type: string): NodeCondition | undefined {
  return node?.status?.conditions?.find((c) => c.type === type);
}

/** Toleration.ToleratesTaint. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case 'Exists':
      return true;
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

/**
 * v1helper.GetMatchingTolerations: whether every taint is tolerated, and for each the first
 * toleration that does.
 */
export function matchingTolerations(
  taints: Taint[],
  tolerations: Toleration[],
): { allTolerated: boolean; used: Toleration[] } {
  if (taints.length === 0) return { allTolerated: true, used: [] };
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => toleratesTaint(t, taint));
    if (!match) return { allTolerated: false, used: [] };
    used.push(match);
  }
  return { allTolerated: true, used };
}

/** What taint writes need: a client, the clock (for timeAdded). */
export interface TaintWriter {
  client: RestClient;
  clock: Clock;
}

/** retry.RetryOnConflict with UpdateTaintBackoff's 5 steps. */
const TAINT_UPDATE_ATTEMPTS = 5;

/**
 * controller.PatchNodeTaints: a strategic merge patch carrying the whole taint list (it has no
 * merge key) and the resourceVersion read, so that a concurrent change is a conflict.
 */
async function patchNodeTaints(writer: TaintWriter, node: Node, taints: Taint[]): Promise<void> {
  const patch = {
    metadata: { resourceVersion: node.metadata?.resourceVersion },
    spec: { taints: taints.length ? taints : null },
  };
  await writer.client.resource<Node>(NODES).patch(node.metadata?.name ?? '', 'strategic', patch);
}

/** Reads the node and applies `change` to its taints, retrying conflicts; no write if nothing changes. */
async function updateTaints(
  writer: TaintWriter,
  nodeName: string,
  change: (taints: Taint[]) => Taint[] | undefined,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const node = await writer.client.resource<Node>(NODES).get(nodeName);
    const next = change(node.spec?.taints ?? []);
    if (!next) return;
    try {
      await patchNodeTaints(writer, node, next);
      return;
    } catch (error) {
      if (!hasStatusCode(error, 409) || attempt >= TAINT_UPDATE_ATTEMPTS) throw error;
    }
  }
}

/** controller.AddOrUpdateTaintOnNode: each taint replaces one of the same key and effect, or is appended. */
export async function addOrUpdateTaints(writer: TaintWriter, nodeName: string, taints: Taint[]): Promise<void> {
  if (taints.length === 0) return;
  await updateTaints(writer, nodeName, (current) => {
    let next = [...current];
    let updated = false;
    for (const taint of taints) {
      const index = next.findIndex((t) => taintMatches(t, taint));
      if (index >= 0 && JSON.stringify(next[index]) === JSON.stringify(taint)) continue;
      if (index >= 0) next = next.map((t, i) => (i === index ? taint : t));
      else next.push(taint);
      updated = true;
    }
    return updated ? next : undefined;
  });
}

/** controller.RemoveTaintOffNode: nothing to do when the cached node has none of them. */
export async function removeTaints(
  writer: TaintWriter,
  nodeName: string,
  cached: Node | undefined,
  taints: Taint[],
): Promise<void> {
  if (taints.length === 0) return;
  if (cached && !taints.some((t) => taintExists(cached.spec?.taints, t))) return;
  await updateTaints(writer, nodeName, (current) => {
    const next = current.filter((t) => !taints.some((r) => taintMatches(t, r)));
    return next.length === current.length ? undefined : next;
  });
}

/**
 * controllerutil.SwapNodeControllerTaint: adds `toAdd` (stamped with timeAdded now), then removes
 * `toRemove`; throws what failed.
 */
export async function swapNodeControllerTaint(
  writer: TaintWriter,
  toAdd: Taint[],
  toRemove: Taint[],
  node: Node,
): Promise<void> {
  const timeAdded = formatTime(writer.clock.now());
  const name = node.metadata?.name ?? '';
  await addOrUpdateTaints(
    writer,
    name,
    toAdd.map((t) => ({ ...t, timeAdded })),
  );
  await removeTaints(writer, name, node, toRemove);
}
