import { podHostPorts, podRequests, portConflicts, type NodeInfo } from './resources';
import type { FilterStatus, Node, NodeSelectorRequirement, NodeSelectorTerm, Pod, Taint, Toleration } from './types';

/** What every Filter plugin sees besides the pod and the node: the whole cycle's snapshot. */
export interface Snapshot {
  nodes: NodeInfo[];
  /** The pods with required anti-affinity terms, with their nodes (computed once a cycle). */
  podsWithRequiredAntiAffinity: Array<{ pod: Pod; node: Node }>;
  /** Namespace labels by name (for affinity terms' namespaceSelector). */
  namespaceLabels(namespace: string): Record<string, string>;
}

/** A Filter plugin (framework.FilterPlugin): undefined when the node fits. */
export interface FilterPlugin {
  name: string;
  filter(pod: Pod, node: NodeInfo, snapshot: Snapshot): FilterStatus | undefined;
}

const reject = (plugin: string, code: FilterStatus['code'], ...reasons: string[]): FilterStatus => ({
  plugin,
  code,
  reasons,
});

// nodeunschedulable/node_unschedulable.go
/** ErrReasonUnschedulable. */
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
// nodename/node_name.go
/** ErrReason of NodeName. */
export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";
// nodeaffinity/node_affinity.go
/** ErrReasonPod of NodeAffinity. */
export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
// nodeports/node_ports.go
/** ErrReason of NodePorts. */
export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

/** v1helper.ToleratesTaint: effect, key and (for Equal) value match; an empty key with Exists matches all. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key !== undefined && toleration.key !== '' && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? 'Equal') {
    case 'Exists':
      return true;
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    default:
      return false;
  }
}

/** v1helper.TolerationsTolerateTaint. */
export function tolerationsTolerate(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** NodeUnschedulable: a cordoned node, unless the pod tolerates node.kubernetes.io/unschedulable:NoSchedule. */
export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(pod, { node }) {
    if (!node.spec?.unschedulable) return undefined;
    const taint: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
    if (tolerationsTolerate(pod.spec?.tolerations, taint)) return undefined;
    return reject(this.name, 'UnschedulableAndUnresolvable', ERR_REASON_UNSCHEDULABLE);
  },
};

/** NodeName: a pod naming a node fits only there. */
export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(pod, info) {
    const wanted = pod.spec?.nodeName;
    if (!wanted || wanted === info.name) return undefined;
    return reject(this.name, 'UnschedulableAndUnresolvable', ERR_REASON_NODE_NAME);
  },
};

/**
 * TaintToleration: the first NoSchedule or NoExecute taint the pod does not tolerate
 * (FindMatchingUntoleratedTaint) rejects the node, named in the reason as v1.34 prints it.
 */
export const taintToleration: FilterPlugin = {
  name: 'TaintToleration',
  filter(pod, { node }) {
    for (const taint of node.spec?.taints ?? []) {
      if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
      if (tolerationsTolerate(pod.spec?.tolerations, taint)) continue;
      const reason = `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
      return reject(this.name, 'UnschedulableAndUnresolvable', reason);
    }
    return undefined;
  },
};

function requirementMatches(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const has = value !== undefined;
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(value);
    case 'NotIn':
      return !has || !values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1 || !/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0])) return false;
      return req.operator === 'Gt' ? Number(value) > Number(values[0]) : Number(value) < Number(values[0]);
    }
    default:
      return false;
  }
}

/** nodeaffinity.NodeSelectorTerm match: every expression (labels) and field (metadata.name) holds; an empty term matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return false;
  const labels = node.metadata?.labels ?? {};
  for (const req of expressions) if (!requirementMatches(req, labels[req.key])) return false;
  for (const req of fields) {
    if (req.key !== 'metadata.name') return false;
    if (!requirementMatches(req, node.metadata?.name)) return false;
  }
  return true;
}

/** The pod's nodeSelector and required node affinity (terms ORed) both hold for `node`. */
export function requiredNodeAffinityMatches(pod: Pod, node: Node): boolean {
  const labels = node.metadata?.labels ?? {};
  for (const [key, value] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[key] !== value) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  return (required.nodeSelectorTerms ?? []).some((term) => termMatches(term, node));
}

/** NodeAffinity: nodeSelector and requiredDuringSchedulingIgnoredDuringExecution. */
export const nodeAffinity: FilterPlugin = {
  name: 'NodeAffinity',
  filter(pod, { node }) {
    if (requiredNodeAffinityMatches(pod, node)) return undefined;
    return reject(this.name, 'UnschedulableAndUnresolvable', ERR_REASON_NODE_AFFINITY);
  },
};

/** NodePorts: every host port the pod asks for is free on the node. */
export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  filter(pod, info) {
    const wanted = podHostPorts(pod);
    if (wanted.some((port) => portConflicts(info.usedPorts, port))) {
      return reject(this.name, 'Unschedulable', ERR_REASON_NODE_PORTS);
    }
    return undefined;
  },
};

/**
 * NodeResourcesFit (fitsRequest): a free pod slot ("Too many pods"), then CPU, memory, ephemeral
 * storage and scalar resources against allocatable minus what the node's pods request. When the
 * pod alone asks for more than the node has, preemption cannot help (UnschedulableAndUnresolvable).
 */
export const nodeResourcesFit: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(pod, info) {
    const alloc = info.allocatable;
    const used = info.requested;
    const req = podRequests(pod);
    const tooMany = info.pods.length + 1 > alloc.allowedPodNumber;
    // Most nodes fit: look for a shortfall before building the reasons.
    if (
      !tooMany &&
      fits(req.milliCPU, alloc.milliCPU, used.milliCPU) &&
      fits(req.memory, alloc.memory, used.memory) &&
      fits(req.ephemeralStorage, alloc.ephemeralStorage, used.ephemeralStorage) &&
      Object.keys(req.scalar).every((name) => fits(req.scalar[name], alloc.scalar[name] ?? 0, used.scalar[name] ?? 0))
    ) {
      return undefined;
    }
    const reasons: string[] = tooMany ? ['Too many pods'] : [];
    let unresolvable = false;
    const check = (name: string, want: number, have: number, inUse: number): void => {
      if (fits(want, have, inUse)) return;
      reasons.push(`Insufficient ${name}`);
      if (want > have) unresolvable = true;
    };
    check('cpu', req.milliCPU, alloc.milliCPU, used.milliCPU);
    check('memory', req.memory, alloc.memory, used.memory);
    check('ephemeral-storage', req.ephemeralStorage, alloc.ephemeralStorage, used.ephemeralStorage);
    for (const [name, want] of Object.entries(req.scalar)) {
      check(name, want, alloc.scalar[name] ?? 0, used.scalar[name] ?? 0);
    }
    return reject(this.name, unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', ...reasons);
  },
};

/** Whether `want` fits in what is left of `have`; asking for nothing always fits. */
function fits(want: number, have: number, inUse: number): boolean {
  return !(want > 0 && want > have - inUse);
}
