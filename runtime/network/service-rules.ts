import type { EndpointSlice, Service, ServicePort } from '../controllers/endpoints-types';
import type { Endpoint } from './socket';

/** A Service with the fields kube-proxy reads beyond the endpoint controllers' view. */
export interface ProxiedService extends Service {
  spec?: Service['spec'] & {
    clusterIPs?: string[];
    externalIPs?: string[];
    externalName?: string;
    sessionAffinity?: string;
    sessionAffinityConfig?: { clientIP?: { timeoutSeconds?: number } };
    ports?: Array<ServicePort & { nodePort?: number }>;
  };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string }> } };
}

/** One service port as kube-proxy programs it: its endpoints and how a client sticks to one. */
export interface ServicePortRule {
  /** `namespace/name:port` (what kube-proxy's chains are named after). */
  name: string;
  endpoints: Endpoint[];
  /** sessionAffinity ClientIP: how long a client keeps its endpoint (seconds); 0 without affinity. */
  affinitySeconds: number;
}

/** The rules by frontend: `ip:port/PROTOCOL`, or `node:port/PROTOCOL` for a NodePort on every node. */
export type ServiceRules = Map<string, ServicePortRule>;

/** kube-proxy's default ClientIP affinity (v1.DefaultClientIPServiceAffinitySeconds). */
const DEFAULT_AFFINITY_SECONDS = 10_800;

/** The frontend key of `ip:port` for `protocol`. */
export const frontendKey = (ip: string, port: number, protocol: string): string => `${ip}:${port}/${protocol}`;

/**
 * The endpoints of a service port from its EndpointSlices: those ready (a missing condition
 * counts as ready); when none is, those still serving while terminating (kube-proxy's
 * terminating fallback). Slice ports are matched by the service port's name and protocol, so a
 * named targetPort is already resolved to each pod's number.
 */
function portEndpoints(slices: EndpointSlice[], portName: string, protocol: string): Endpoint[] {
  const ready: Endpoint[] = [];
  const serving: Endpoint[] = [];
  const seen = new Set<string>();
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    const port = (slice.ports ?? []).find((p) => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === protocol);
    if (!port?.port) continue;
    for (const endpoint of slice.endpoints ?? []) {
      const address = endpoint.addresses[0];
      const key = `${address}:${port.port}`;
      if (!address || seen.has(key)) continue;
      seen.add(key);
      const { ready: isReady, serving: isServing, terminating } = endpoint.conditions;
      if (isReady !== false) ready.push({ address, port: port.port });
      else if (isServing && terminating) serving.push({ address, port: port.port });
    }
  }
  return ready.length > 0 ? ready : serving;
}

/** The rules kube-proxy programs for `services` over `slices` (its iptables/nftables proxier, in data). */
export function buildServiceRules(services: ProxiedService[], slices: EndpointSlice[]): ServiceRules {
  const byService = new Map<string, EndpointSlice[]>();
  for (const slice of slices) {
    const name = slice.metadata?.labels?.['kubernetes.io/service-name'];
    if (!name) continue;
    const key = `${slice.metadata?.namespace}/${name}`;
    byService.set(key, [...(byService.get(key) ?? []), slice]);
  }
  const rules: ServiceRules = new Map();
  for (const service of services) {
    const spec = service.spec ?? {};
    // ExternalName services are DNS only; headless ones have no virtual IP.
    if (spec.type === 'ExternalName' || !spec.clusterIP || spec.clusterIP === 'None') continue;
    const key = `${service.metadata?.namespace}/${service.metadata?.name}`;
    const affinitySeconds =
      spec.sessionAffinity === 'ClientIP'
        ? (spec.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? DEFAULT_AFFINITY_SECONDS)
        : 0;
    const clusterIPs = spec.clusterIPs?.length ? spec.clusterIPs : [spec.clusterIP];
    const ingress = (service.status?.loadBalancer?.ingress ?? []).flatMap((i) => (i.ip ? [i.ip] : []));
    for (const port of spec.ports ?? []) {
      const protocol = port.protocol ?? 'TCP';
      const rule: ServicePortRule = {
        name: `${key}:${port.name ?? ''}`,
        endpoints: portEndpoints(byService.get(key) ?? [], port.name ?? '', protocol),
        affinitySeconds,
      };
      for (const ip of [...clusterIPs, ...(spec.externalIPs ?? []), ...ingress])
        rules.set(frontendKey(ip, port.port, protocol), rule);
      if (port.nodePort && (spec.type === 'NodePort' || spec.type === 'LoadBalancer'))
        rules.set(frontendKey('node', port.nodePort, protocol), rule);
    }
  }
  return rules;
}
