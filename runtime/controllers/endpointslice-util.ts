import { clone, type KubeObject } from '../api/object';
import { fnv128aHex, slicePortDump } from './endpoints-hash';
import type { EndpointSlice, Service, SliceEndpoint, SlicePort } from './endpoints-types';
import {
  findPort,
  HEADLESS_SERVICE_LABEL,
  isIPv6,
  isServiceIPSet,
  LAST_CHANGE_TRIGGER_TIME,
  podIPs,
  shouldSetHostname,
} from './endpoints-util';
import { SERVICE_NAME_LABEL } from './endpointslice-tracker';
import { isPodReady, type Pod } from './pods';

// What the EndpointSlice reconciler builds slices from (k8s.io/endpointslice utils.go).

/** discovery.LabelManagedBy: which controller manages a slice. */
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
/** The EndpointSlice controller's value of MANAGED_BY_LABEL (controllerQualifiedName). */
export const ENDPOINTSLICE_MANAGED_BY = 'endpointslice-controller.k8s.io';
/** v1.LabelTopologyZone: a node's zone, copied to its endpoints. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** A port set's identity: its ports sorted as NewPortMapKey sorts them (by FNV-128a of the dump). */
export function sortPorts(ports: SlicePort[]): SlicePort[] {
  return ports
    .map((port) => ({ port, hash: fnv128aHex(slicePortDump(port)) }))
    .sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0))
    .map(({ port }) => port);
}
/** NewPortMapKey: the identity of a set of ports, whatever their order. */
export const portMapKey = (ports: SlicePort[] | null): string =>
  JSON.stringify(sortPorts(ports ?? []).map((p) => [p.name, p.protocol, p.port, p.appProtocol ?? null]));

/** hashEndpoint: an endpoint's identity — its addresses, hostname and target. */
export const endpointKey = (e: SliceEndpoint): string =>
  JSON.stringify([[...e.addresses].sort(), e.hostname ?? '', e.targetRef?.namespace ?? '', e.targetRef?.name ?? '']);

/** EndpointsEqualBeyondHash: node, zone, conditions and target (but its resourceVersion) agree. */
export function sameBeyondKey(a: SliceEndpoint, b: SliceEndpoint): boolean {
  const c = (e: SliceEndpoint): unknown[] => [e.conditions?.ready, e.conditions?.serving, e.conditions?.terminating];
  const ref = (e: SliceEndpoint): unknown[] => {
    const r = e.targetRef;
    return r ? [r.kind, r.namespace, r.name, r.uid, r.apiVersion, r.fieldPath] : [];
  };
  return (
    a.nodeName === b.nodeName &&
    a.zone === b.zone &&
    JSON.stringify(c(a)) === JSON.stringify(c(b)) &&
    JSON.stringify(ref(a)) === JSON.stringify(ref(b))
  );
}

/** getAddressTypesForService: from ipFamilies, else the cluster IP's family, else (headless) both. */
export function addressTypes(service: Service): Set<string> {
  const types = new Set<string>();
  for (const family of service.spec?.ipFamilies ?? []) {
    if (family === 'IPv4') types.add('IPv4');
    if (family === 'IPv6') types.add('IPv6');
  }
  if (types.size > 0) return types;
  if (isServiceIPSet(service)) return new Set([isIPv6(service.spec?.clusterIP ?? '') ? 'IPv6' : 'IPv4']);
  return new Set(['IPv4', 'IPv6']);
}

/** ownedBy: the slice's owners include the Service (by UID). */
export const ownedBy = (slice: EndpointSlice, service: Service): boolean =>
  (slice.metadata?.ownerReferences ?? []).some(
    (o) => o.uid === service.metadata?.uid && o.kind === 'Service' && o.apiVersion === 'v1',
  );

const isReservedLabel = (key: string): boolean =>
  key === SERVICE_NAME_LABEL || key === MANAGED_BY_LABEL || key === HEADLESS_SERVICE_LABEL;

/**
 * setEndpointSliceLabels: the Service's labels (but the reserved ones), the headless label for a
 * Service without a cluster IP, the service-name and managed-by labels; and whether the slice's
 * own (unreserved) labels differ from the Service's.
 */
export function sliceLabels(
  slice: EndpointSlice,
  service: Service,
): { labels: Record<string, string>; changed: boolean } {
  const own = Object.entries(slice.metadata?.labels ?? {}).filter(([k]) => !isReservedLabel(k));
  const labels = Object.fromEntries(
    Object.entries(service.metadata?.labels ?? {}).filter(([k]) => !isReservedLabel(k)),
  );
  const changed = own.length !== Object.keys(labels).length || own.some(([k, v]) => labels[k] !== v);
  if (!isServiceIPSet(service)) labels[HEADLESS_SERVICE_LABEL] = '';
  labels[SERVICE_NAME_LABEL] = service.metadata?.name ?? '';
  labels[MANAGED_BY_LABEL] = ENDPOINTSLICE_MANAGED_BY;
  return { labels, changed };
}

/** newEndpointSlice: an empty slice for the Service, named by the API server from `<service>-`. */
export function newSlice(service: Service, ports: SlicePort[], addressType: string): EndpointSlice {
  const meta = service.metadata ?? {};
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${meta.name}-`.length <= 253 ? `${meta.name}-` : meta.name,
      namespace: meta.namespace,
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name: meta.name ?? '',
          uid: meta.uid ?? '',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    addressType,
    endpoints: [],
    ports,
  };
  slice.metadata = { ...slice.metadata, labels: sliceLabels(slice, service).labels };
  return slice;
}

/** getSliceToFill: the slice closest to full once `count` endpoints are added, if any fits them. */
export function sliceToFill(slices: EndpointSlice[], count: number, max: number): EndpointSlice | undefined {
  let closestDiff = max;
  let closest: EndpointSlice | undefined;
  for (const slice of slices) {
    const diff = max - (count + (slice.endpoints?.length ?? 0));
    if (diff >= 0 && diff < closestDiff) {
      closestDiff = diff;
      closest = slice;
      if (diff === 0) return closest;
    }
  }
  return closest;
}

/** A deep copy of a slice, to change without touching the cache. */
export const copySlice = (slice: EndpointSlice): EndpointSlice => clone(slice);

/** `namespace/name` of a Service, as messages print it. */
export const serviceName = (service: Service): string => `${service.metadata?.namespace}/${service.metadata?.name}`;

/** placeholderSliceCompare: the same namespace, labels and address type, and no endpoints or ports. */
export function isPlaceholderOf(slice: EndpointSlice, placeholder: EndpointSlice): boolean {
  const a = slice.metadata?.labels ?? {};
  const b = placeholder.metadata?.labels ?? {};
  return (
    slice.metadata?.namespace === placeholder.metadata?.namespace &&
    Object.keys(a).length === Object.keys(b).length &&
    Object.entries(a).every(([k, v]) => b[k] === v) &&
    slice.addressType === placeholder.addressType &&
    (slice.endpoints ?? []).length === 0 &&
    (slice.ports ?? []).length === 0 &&
    JSON.stringify(slice.metadata?.ownerReferences ?? []) ===
      JSON.stringify(placeholder.metadata?.ownerReferences ?? [])
  );
}

/**
 * The slice as it is sent: with the trigger-time annotation set or cleared, and empty lists as
 * null, as the controller's protobuf leaves them.
 */
export function wireForm(slice: EndpointSlice, triggerTime: string | undefined): EndpointSlice {
  const annotations = { ...slice.metadata?.annotations };
  if (triggerTime) annotations[LAST_CHANGE_TRIGGER_TIME] = triggerTime;
  else delete annotations[LAST_CHANGE_TRIGGER_TIME];
  const metadata: KubeObject['metadata'] = { ...slice.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  return {
    ...slice,
    metadata,
    endpoints: slice.endpoints?.length ? slice.endpoints : null,
    ports: slice.ports?.length ? slice.ports : null,
  };
}

/** getEndpointPorts: each Service port the pod resolves, with the Service port's name and protocol. */
export function endpointPorts(service: Service, pod: Pod): SlicePort[] {
  const servicePorts = service.spec?.ports ?? [];
  if (servicePorts.length === 0 && service.spec?.clusterIP === 'None') return [];
  const ports: SlicePort[] = [];
  for (const servicePort of servicePorts) {
    const port = findPort(pod, servicePort);
    if (port === undefined) continue;
    const out: SlicePort = { name: servicePort.name ?? '', protocol: servicePort.protocol ?? 'TCP', port };
    if (servicePort.appProtocol !== undefined) out.appProtocol = servicePort.appProtocol;
    ports.push(out);
  }
  return ports;
}

/**
 * podToEndpoint: the pod's addresses of `addressType`; serving when ready, terminating when being
 * deleted, ready when serving and not terminating (or always, if the Service publishes not-ready
 * addresses); its node, the node's zone, and its hostname under the Service's subdomain.
 */
export function podToEndpoint(
  pod: Pod,
  node: KubeObject | undefined,
  service: Service,
  addressType: string,
): SliceEndpoint {
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata?.deletionTimestamp;
  const ready = service.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const addresses = podIPs(pod).filter((ip) => isIPv6(ip) === (addressType === 'IPv6'));
  const meta = pod.metadata ?? {};
  const endpoint: SliceEndpoint = { addresses, conditions: { ready, serving, terminating } };
  if (shouldSetHostname(pod, service)) endpoint.hostname = pod.spec?.hostname as string;
  endpoint.targetRef = { kind: 'Pod', namespace: meta.namespace, name: meta.name, uid: meta.uid };
  if (pod.spec?.nodeName) endpoint.nodeName = pod.spec.nodeName;
  const zone = node?.metadata?.labels?.[ZONE_LABEL];
  if (zone) endpoint.zone = zone;
  return endpoint;
}
