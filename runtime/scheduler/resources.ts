import { parseQuantity } from '../api/quantity';
import type { Container, Node, Pod, ResourceList } from './types';

/** framework.Resource: CPU in millicores, memory and ephemeral storage in bytes, pod slots, others. */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  /** Extended and hugepages resources by name, in whole units. */
  scalar: Record<string, number>;
}

/** schedutil.DefaultMilliCPURequest: what a container without a CPU request counts as when scoring. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** schedutil.DefaultMemoryRequest: 200 MiB, for a container without a memory request when scoring. */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** An empty Resource. */
export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: {} };
}

/** Quantity.MilliValue (cpu) or Quantity.Value (everything else, rounded up as Kubernetes does). */
function quantityValue(name: string, text: string): number {
  const q = parseQuantity(String(text));
  if (!q) return 0;
  if (name === 'cpu') return Number(q.milli);
  const whole = q.milli / 1000n;
  return Number(whole * 1000n === q.milli || q.milli < 0n ? whole : whole + 1n);
}

/** schedutil.IsScalarResourceName: extended resources (a domain-qualified name), hugepages, attachable volumes. */
function isScalar(name: string): boolean {
  return name.startsWith('hugepages-') || name.startsWith('attachable-volumes-') || name.includes('/');
}

/** Resource.Add: adds a ResourceList. */
export function addList(r: Resource, list: ResourceList | undefined): void {
  for (const [name, text] of Object.entries(list ?? {})) {
    const value = quantityValue(name, text);
    if (name === 'cpu') r.milliCPU += value;
    else if (name === 'memory') r.memory += value;
    else if (name === 'pods') r.allowedPodNumber += value;
    else if (name === 'ephemeral-storage') r.ephemeralStorage += value;
    else if (isScalar(name)) r.scalar[name] = (r.scalar[name] ?? 0) + value;
  }
}

function addResource(a: Resource, b: Resource): void {
  a.milliCPU += b.milliCPU;
  a.memory += b.memory;
  a.ephemeralStorage += b.ephemeralStorage;
  for (const [name, value] of Object.entries(b.scalar)) a.scalar[name] = (a.scalar[name] ?? 0) + value;
}

function maxResource(a: Resource, b: Resource): void {
  a.milliCPU = Math.max(a.milliCPU, b.milliCPU);
  a.memory = Math.max(a.memory, b.memory);
  a.ephemeralStorage = Math.max(a.ephemeralStorage, b.ephemeralStorage);
  for (const [name, value] of Object.entries(b.scalar)) a.scalar[name] = Math.max(a.scalar[name] ?? 0, value);
}

function copyResource(r: Resource): Resource {
  return { ...r, scalar: { ...r.scalar } };
}

/**
 * A container's requests. The API server defaults missing requests to the limits; kubeplay's does
 * not (yet), so the scheduler falls back to the limits as that defaulting would have set them.
 */
function containerRequests(container: Container, nonZero: boolean): Resource {
  const r = emptyResource();
  const requests = { ...(container.resources?.limits ?? {}), ...(container.resources?.requests ?? {}) };
  addList(r, requests);
  if (nonZero) {
    if (requests.cpu === undefined) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
    if (requests.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
  }
  return r;
}

/**
 * resourcehelper.PodRequests as the scheduler computes a pod's requests: the sum over its
 * containers, plus its sidecars (restartable init containers); then the maximum with what each
 * init container needs while it runs (itself plus the sidecars started before it); plus the
 * pod's overhead. `nonZero` counts a container without a CPU or memory request as 100m / 200 MiB
 * (the scores' NonZeroRequested).
 */
export function podRequests(pod: Pod, nonZero = false): Resource {
  // Informer objects are never changed in place, and a status write keeps the spec's object,
  // so a pod's requests can be kept with its spec.
  const cache = nonZero ? nonZeroRequestsCache : requestsCache;
  const key = pod.spec ?? pod;
  let reqs = cache.get(key);
  if (!reqs) cache.set(key, (reqs = computePodRequests(pod, nonZero)));
  return reqs;
}

const requestsCache = new WeakMap<object, Resource>();
const nonZeroRequestsCache = new WeakMap<object, Resource>();
const hostPortsCache = new WeakMap<object, HostPort[]>();

function computePodRequests(pod: Pod, nonZero: boolean): Resource {
  const reqs = emptyResource();
  for (const container of pod.spec?.containers ?? []) addResource(reqs, containerRequests(container, nonZero));
  const sidecars = emptyResource();
  const init = emptyResource();
  for (const container of pod.spec?.initContainers ?? []) {
    const own = containerRequests(container, nonZero);
    let running: Resource;
    if (container.restartPolicy === 'Always') {
      addResource(reqs, own);
      addResource(sidecars, own);
      running = copyResource(sidecars);
    } else {
      running = copyResource(own);
      addResource(running, sidecars);
    }
    maxResource(init, running);
  }
  maxResource(reqs, init);
  if (pod.spec?.overhead) addList(reqs, pod.spec.overhead);
  return reqs;
}

/** The node's allocatable resources (status.allocatable). */
export function nodeAllocatable(node: Node): Resource {
  const r = emptyResource();
  addList(r, node.status?.allocatable ?? node.status?.capacity);
  return r;
}

/** A host port a pod asks for (framework.ProtocolPort with its host IP). */
export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** The host ports of a pod's containers (and sidecars), sanitized as HostPortInfo does. */
export function podHostPorts(pod: Pod): HostPort[] {
  const key = pod.spec ?? pod;
  let ports = hostPortsCache.get(key);
  if (!ports) hostPortsCache.set(key, (ports = computeHostPorts(pod)));
  return ports;
}

function computeHostPorts(pod: Pod): HostPort[] {
  const ports: HostPort[] = [];
  const containers = [
    ...(pod.spec?.containers ?? []),
    ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always'),
  ];
  for (const container of containers) {
    for (const p of container.ports ?? []) {
      if (!p.hostPort || p.hostPort <= 0) continue;
      ports.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
    }
  }
  return ports;
}

/** HostPortInfo.CheckConflict: 0.0.0.0 conflicts with every IP on the same protocol and port. */
export function portConflicts(used: HostPort[], wanted: HostPort): boolean {
  return used.some(
    (u) =>
      u.protocol === wanted.protocol &&
      u.port === wanted.port &&
      (wanted.ip === '0.0.0.0' || u.ip === '0.0.0.0' || u.ip === wanted.ip),
  );
}

/** framework.NodeInfo: a node with the pods on it (bound or assumed) and what they request. */
export interface NodeInfo {
  node: Node;
  name: string;
  pods: Pod[];
  allocatable: Resource;
  requested: Resource;
  /** Requests with 100m / 200 MiB for containers that ask for nothing (for scores). */
  nonZeroRequested: Resource;
  usedPorts: HostPort[];
}

/** Builds the NodeInfo of `node` with `pods` on it. */
export function nodeInfo(node: Node, pods: Pod[]): NodeInfo {
  const info: NodeInfo = {
    node,
    name: node.metadata?.name ?? '',
    pods: [],
    allocatable: nodeAllocatable(node),
    requested: emptyResource(),
    nonZeroRequested: emptyResource(),
    usedPorts: [],
  };
  for (const pod of pods) addPod(info, pod);
  return info;
}

/** A copy of `info` with `pods` added (snapshots keep the NodeInfos they were given). */
export function withPods(info: NodeInfo, pods: readonly Pod[]): NodeInfo {
  const grown: NodeInfo = {
    ...info,
    pods: [...info.pods],
    requested: copyResource(info.requested),
    nonZeroRequested: copyResource(info.nonZeroRequested),
    usedPorts: [...info.usedPorts],
  };
  for (const pod of pods) addPod(grown, pod);
  growths.set(grown, { from: info, added: pods });
  return grown;
}

/** Which NodeInfo each grown one came from, and by which pods (for caches derived from a NodeInfo). */
const growths = new WeakMap<NodeInfo, { from: NodeInfo; added: readonly Pod[] }>();

/** The NodeInfo `info` grew from by `withPods`, and the pods it added; undefined for one built whole. */
export function grownFrom(info: NodeInfo): { from: NodeInfo; added: readonly Pod[] } | undefined {
  return growths.get(info);
}

/** NodeInfo.AddPod. */
export function addPod(info: NodeInfo, pod: Pod): void {
  info.pods.push(pod);
  addResource(info.requested, podRequests(pod));
  addResource(info.nonZeroRequested, podRequests(pod, true));
  info.usedPorts.push(...podHostPorts(pod));
}
