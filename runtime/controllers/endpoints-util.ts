import { formatTime, parseTime } from '../util/time';
import { sameLabels } from './controller-ref';
import type { DeletedFinalStateUnknown, Informer } from './informer';
import { objectKey, tombstoneObject } from './informer';
import { isPodReady, type Pod } from './pods';
import type { Service, ServicePort } from './endpoints-types';

// Helpers both endpoint controllers share (k8s.io/endpointslice/util and pkg/api/v1/pod).

/** v1.EndpointsLastChangeTriggerTime: when the change that led to this write happened. */
export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';
/** v1.IsHeadlessService: set (empty) on the endpoints of a Service without a cluster IP. */
export const HEADLESS_SERVICE_LABEL = 'service.kubernetes.io/headless';

interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
}
interface PodSpecPorts {
  hostname?: string;
  subdomain?: string;
  containers?: Array<{ ports?: ContainerPort[] }>;
  initContainers?: Array<{ restartPolicy?: string; ports?: ContainerPort[] }>;
}

const specOf = (pod: Pod): PodSpecPorts => (pod.spec ?? {}) as PodSpecPorts;

/** The pod's IPs (status.podIPs, or status.podIP when only that is set). */
export function podIPs(pod: Pod): string[] {
  const ips = (pod.status?.podIPs as Array<{ ip: string }> | undefined)?.map((p) => p.ip) ?? [];
  const single = pod.status?.podIP as string | undefined;
  return ips.length > 0 ? ips : single ? [single] : [];
}

/** True for an IPv6 address (utilnet.IsIPv6String, enough for addresses a pod reports). */
export const isIPv6 = (ip: string): boolean => ip.includes(':');

/**
 * ShouldPodBeInEndpoints: not Succeeded or Failed, with an IP, and (unless terminating pods are
 * wanted) not being deleted.
 */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (podIPs(pod).length === 0) return false;
  return includeTerminating || !pod.metadata?.deletionTimestamp;
}

/** ShouldSetHostname: the pod names a hostname and the Service as its subdomain. */
export function shouldSetHostname(pod: Pod, service: Service): boolean {
  const spec = specOf(pod);
  return (
    !!spec.hostname &&
    spec.subdomain === service.metadata?.name &&
    service.metadata?.namespace === pod.metadata?.namespace
  );
}

/** helper.IsServiceIPSet: a cluster IP other than None. */
export function isServiceIPSet(service: Service): boolean {
  const ip = service.spec?.clusterIP ?? '';
  return ip !== 'None' && ip !== '';
}

/**
 * FindPort: a numeric targetPort as it is; a named one is the container port of that name and
 * the service port's protocol, in a container or a sidecar (an init container that always
 * restarts). Undefined when the pod has no such port. A missing targetPort defaults to the port.
 */
export function findPort(pod: Pod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  const protocol = servicePort.protocol ?? 'TCP';
  const matches = (p: ContainerPort): boolean => p.name === target && (p.protocol ?? 'TCP') === protocol;
  const spec = specOf(pod);
  for (const container of spec.containers ?? []) {
    const port = container.ports?.find(matches);
    if (port) return port.containerPort;
  }
  for (const container of spec.initContainers ?? []) {
    if (container.restartPolicy !== 'Always') continue;
    const port = container.ports?.find(matches);
    if (port) return port.containerPort;
  }
  return undefined;
}

/**
 * True when the Service has a selector. An empty one counts as none: the controllers read
 * Services from protobuf, where an empty map arrives as nil.
 */
export function hasSelector(service: Service): boolean {
  const selector = service.spec?.selector;
  return !!selector && Object.keys(selector).length > 0;
}

/** True when every key of the Service's selector has its value in `labels` (no selector: none). */
function selects(service: Service, labels: Record<string, string> = {}): boolean {
  if (!hasSelector(service)) return false;
  return Object.entries(service.spec?.selector ?? {}).every(([k, v]) => labels[k] === v);
}

/** The pods of the Service's namespace its selector picks, from the pod cache. */
export function podsOfService(pods: Informer<Pod>, service: Service): Pod[] {
  return pods.list(service.metadata?.namespace ?? '').filter((p) => selects(service, p.metadata?.labels));
}

/** getServicesForPod: the keys of the Services in `namespace` whose selector matches `labels`. */
function servicesFor(services: Informer<Service>, namespace: string, labels?: Record<string, string>): Set<string> {
  const keys = new Set<string>();
  for (const service of services.list(namespace)) {
    if (selects(service, labels)) keys.add(objectKey(service));
  }
  return keys;
}

/** GetPodServiceMemberships: the Services that select a pod (added, or deleted, or a tombstone). */
export function podServiceMemberships(
  services: Informer<Service>,
  object: Pod | DeletedFinalStateUnknown<Pod>,
): Set<string> {
  const pod = tombstoneObject(object);
  return servicesFor(services, pod.metadata?.namespace ?? '', pod.metadata?.labels);
}

/**
 * podEndpointsChanged: whether the change may alter the pod's endpoints (deletion, readiness,
 * IPs), and whether it may alter which Services select it (labels, hostname, subdomain).
 */
function podEndpointsChanged(old: Pod, cur: Pod): { podChanged: boolean; labelsChanged: boolean } {
  const oldSpec = specOf(old);
  const curSpec = specOf(cur);
  const labelsChanged =
    !sameLabels(old.metadata?.labels, cur.metadata?.labels) ||
    oldSpec.hostname !== curSpec.hostname ||
    oldSpec.subdomain !== curSpec.subdomain;
  const podChanged =
    old.metadata?.deletionTimestamp !== cur.metadata?.deletionTimestamp ||
    isPodReady(old) !== isPodReady(cur) ||
    JSON.stringify(podIPs(old)) !== JSON.stringify(podIPs(cur));
  return { podChanged, labelsChanged };
}

/**
 * GetServicesToUpdateOnPodChange: nothing for a resync; for a pod whose endpoints changed, the
 * Services selecting it; when its labels changed too, those that selected it before as well, and
 * when only its labels changed, those that selected it before or after but not both.
 */
export function servicesToUpdateOnPodChange(services: Informer<Service>, old: Pod, cur: Pod): Set<string> {
  if (old.metadata?.resourceVersion === cur.metadata?.resourceVersion) return new Set();
  const { podChanged, labelsChanged } = podEndpointsChanged(old, cur);
  if (!podChanged && !labelsChanged) return new Set();
  const namespace = cur.metadata?.namespace ?? '';
  const now = servicesFor(services, namespace, cur.metadata?.labels);
  if (!labelsChanged) return now;
  const before = servicesFor(services, namespace, old.metadata?.labels);
  if (podChanged) return new Set([...now, ...before]);
  return new Set([...[...now].filter((k) => !before.has(k)), ...[...before].filter((k) => !now.has(k))]);
}

/**
 * TriggerTimeTracker (k8s.io/endpointslice/util): the time to put in the last-change-trigger-time
 * annotation. A Service seen for the first time gives its creationTimestamp; after that, the
 * earliest pod Ready transition (or Service creation) newer than at the previous sync, or none.
 */
export class TriggerTimeTracker {
  private readonly states = new Map<string, { service: number; pods: Map<string, number> }>();

  /** ComputeEndpointLastChangeTriggerTime: the annotation's value, or undefined to leave it out. */
  compute(service: Service, pods: Pod[]): string | undefined {
    const key = objectKey(service);
    const state = this.states.get(key);
    let earliest: number | undefined;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
      const at = parseTime(ready?.lastTransitionTime);
      if (at === undefined) continue;
      const name = pod.metadata?.name ?? '';
      podTimes.set(name, at);
      if (at > (state?.pods.get(name) ?? -Infinity)) earliest = Math.min(earliest ?? at, at);
    }
    const created = parseTime(service.metadata?.creationTimestamp) ?? 0;
    if (created > (state?.service ?? -Infinity)) earliest = Math.min(earliest ?? created, created);
    this.states.set(key, { service: created, pods: podTimes });
    if (!state) return formatTime(created);
    return earliest === undefined ? undefined : formatTime(earliest);
  }

  /** Forgets a deleted Service. */
  deleteService(key: string): void {
    this.states.delete(key);
  }
}
