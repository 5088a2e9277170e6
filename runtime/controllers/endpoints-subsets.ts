import { endpointPortDump, endpointSubsetDump, md5Hex } from './endpoints-hash';
import type { EndpointAddress, EndpointPort, EndpointSubset } from './endpoints-types';

/** The most addresses one Endpoints object keeps (endpoint.maxCapacity). */
export const MAX_ENDPOINTS_CAPACITY = 1000;
/** v1.EndpointsOverCapacity: set to `truncated` when addresses past the capacity were left out. */
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';

/** LessEndpointAddress: by IP (bytewise), then by the target's UID. */
function compareAddresses(a: EndpointAddress, b: EndpointAddress): number {
  if (a.ip !== b.ip) return a.ip < b.ip ? -1 : 1;
  const ua = a.targetRef?.uid;
  const ub = b.targetRef?.uid;
  if (ub === undefined) return a.targetRef === undefined ? 0 : 1;
  if (a.targetRef === undefined) return -1;
  return (ua ?? '') < ub ? -1 : (ua ?? '') > ub ? 1 : 0;
}

/** Sorts `items` by the MD5 of their dumps (each hashed once). */
function sortByHash<T>(items: T[], dump: (item: T) => string): T[] {
  const hashed = items.map((item) => ({ item, hash: md5Hex(dump(item)) }));
  hashed.sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
  return hashed.map(({ item }) => item);
}

/** SortSubsets: addresses by IP and UID, ports and then subsets by the MD5 of their dumps. */
export function sortSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  for (const subset of subsets) {
    subset.addresses?.sort(compareAddresses);
    subset.notReadyAddresses?.sort(compareAddresses);
    if (subset.ports) subset.ports = sortByHash(subset.ports, endpointPortDump);
  }
  return sortByHash(subsets, endpointSubsetDump);
}

const portKey = (p: EndpointPort): string => JSON.stringify([p.name ?? '', p.port, p.protocol ?? '', p.appProtocol]);

/**
 * RepackSubsets: the canonical layout of a set of subsets. Each address (by IP and target UID)
 * is mapped to every port it serves — not ready for a port if any subset says so — then the
 * addresses that share one set of ports become one subset. Addresses without ports (a headless
 * Service without ports) form a subset with no ports.
 */
export function repackSubsets(subsets: EndpointSubset[]): EndpointSubset[] {
  const addresses = new Map<string, EndpointAddress>();
  // port key → (port, address key → ready)
  const byPort = new Map<string, { port?: EndpointPort; ready: Map<string, boolean> }>();
  const mapAddress = (address: EndpointAddress, port: EndpointPort | undefined, ready: boolean): void => {
    const key = JSON.stringify([address.ip, address.targetRef?.uid ?? '']);
    if (!addresses.has(key)) addresses.set(key, address);
    const pk = port ? portKey(port) : '';
    let entry = byPort.get(pk);
    if (!entry) byPort.set(pk, (entry = { port, ready: new Map() }));
    // Not ready wins over ready.
    if (entry.ready.get(key) !== false) entry.ready.set(key, ready);
  };
  for (const subset of subsets) {
    const ports: Array<EndpointPort | undefined> = subset.ports?.length ? subset.ports : [undefined];
    for (const port of ports) {
      for (const address of subset.addresses ?? []) mapAddress(address, port, true);
      for (const address of subset.notReadyAddresses ?? []) mapAddress(address, port, false);
    }
  }
  // The address sets (with readiness) that ports share, and those ports.
  const groups = new Map<string, { ready: Map<string, boolean>; ports: EndpointPort[] }>();
  for (const { port, ready } of byPort.values()) {
    const key = JSON.stringify([...ready].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ready, ports: [] }));
    if (port) group.ports.push(port);
  }
  const repacked: EndpointSubset[] = [];
  for (const { ready, ports } of groups.values()) {
    const subset: EndpointSubset = {};
    const readyAddresses = [...ready].filter(([, r]) => r).map(([k]) => ({ ...addresses.get(k)! }));
    const notReady = [...ready].filter(([, r]) => !r).map(([k]) => ({ ...addresses.get(k)! }));
    if (readyAddresses.length) subset.addresses = readyAddresses;
    if (notReady.length) subset.notReadyAddresses = notReady;
    if (ports.length) subset.ports = ports;
    repacked.push(subset);
  }
  return sortSubsets(repacked);
}

const countAddresses = (subsets: EndpointSubset[], ready: boolean): number =>
  subsets.reduce((n, s) => n + ((ready ? s.addresses : s.notReadyAddresses)?.length ?? 0), 0);

/**
 * truncateEndpoints: past MAX_ENDPOINTS_CAPACITY addresses, keeps ready ones first, each subset
 * keeping its share (rounded up, the last ones what is left). True when it truncated.
 */
export function truncateSubsets(subsets: EndpointSubset[]): boolean {
  const totalReady = countAddresses(subsets, true);
  const totalNotReady = countAddresses(subsets, false);
  if (totalReady + totalNotReady <= MAX_ENDPOINTS_CAPACITY) return false;
  const truncateReady = totalReady > MAX_ENDPOINTS_CAPACITY;
  const max = truncateReady ? MAX_ENDPOINTS_CAPACITY : MAX_ENDPOINTS_CAPACITY - totalReady;
  const total = truncateReady ? totalReady : totalNotReady;
  let canBeAdded = max;
  for (const subset of subsets) {
    const inSubset = (truncateReady ? subset.addresses : subset.notReadyAddresses)?.length ?? 0;
    const toBeAdded = Math.min(Math.ceil((inSubset / total) * max), canBeAdded);
    if (truncateReady) {
      subset.addresses = subset.addresses?.slice(0, toBeAdded);
      delete subset.notReadyAddresses;
      canBeAdded -= subset.addresses?.length ?? 0;
    } else {
      subset.notReadyAddresses = subset.notReadyAddresses?.slice(0, toBeAdded);
      canBeAdded -= subset.notReadyAddresses?.length ?? 0;
    }
    if (subset.addresses?.length === 0) delete subset.addresses;
    if (subset.notReadyAddresses?.length === 0) delete subset.notReadyAddresses;
  }
  return true;
}

/** capacityAnnotationSetCorrectly: within capacity and not annotated as truncated. */
export function capacityAnnotationSetCorrectly(
  annotations: Record<string, string> | undefined,
  subsets: EndpointSubset[],
): boolean {
  if (countAddresses(subsets, true) + countAddresses(subsets, false) > MAX_ENDPOINTS_CAPACITY) return false;
  return !Object.hasOwn(annotations ?? {}, OVER_CAPACITY_ANNOTATION);
}

/** The subsets without targetRef resourceVersions, for comparing what matters. */
function normalized(subsets: EndpointSubset[] | undefined): string {
  const address = (a: EndpointAddress): EndpointAddress => {
    const out: EndpointAddress = { ip: a.ip };
    if (a.hostname) out.hostname = a.hostname;
    if (a.nodeName !== undefined) out.nodeName = a.nodeName;
    if (a.targetRef) {
      const { kind, namespace, name, uid, apiVersion, fieldPath } = a.targetRef;
      out.targetRef = { kind, namespace, name, uid, apiVersion, fieldPath };
    }
    return out;
  };
  return JSON.stringify(
    (subsets ?? []).map((s) => ({
      addresses: (s.addresses ?? []).map(address),
      notReadyAddresses: (s.notReadyAddresses ?? []).map(address),
      ports: (s.ports ?? []).map((p) => [p.name ?? '', p.port, p.protocol ?? '', p.appProtocol ?? null]),
    })),
  );
}

/** endpointSubsetsEqualIgnoreResourceVersion. */
export function subsetsEqual(a: EndpointSubset[] | undefined, b: EndpointSubset[] | undefined): boolean {
  return normalized(a) === normalized(b);
}
