import { collectionPath, listAll } from './api-reads';
import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { formatLabels } from './go-format';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { LEVEL_0, tabbedString } from './prefix-writer';
import type { KubeObject } from './types';

/** v1 Service. */
interface Service extends KubeObject {
  spec?: {
    selector?: Record<string, string>;
    type?: string;
    ipFamilyPolicy?: string;
    ipFamilies?: string[];
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    loadBalancerIP?: string;
    externalName?: string;
    ports?: Array<{ name?: string; port: number; protocol?: string; targetPort?: number | string; nodePort?: number }>;
    sessionAffinity?: string;
    externalTrafficPolicy?: string;
    internalTrafficPolicy?: string;
    healthCheckNodePort?: number;
    loadBalancerSourceRanges?: string[];
    trafficDistribution?: string;
  };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string; ipMode?: string }> } };
}

/** discovery/v1 EndpointSlice. */
export interface EndpointSlice extends KubeObject {
  addressType?: string;
  ports?: Array<{ name?: string; port?: number; protocol?: string }>;
  endpoints?: Array<{
    addresses?: string[];
    conditions?: { ready?: boolean };
    hostname?: string;
    targetRef?: { kind?: string; name?: string };
    nodeName?: string;
    zone?: string;
  }>;
}

/** net.JoinHostPort. */
const joinHostPort = (host: string, port: number): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

/**
 * formatEndpointSlices for one service port name: the ready endpoints' `ip:port` (only the IP
 * for port-less slices), the first three comma-joined, then ` + N more...`; `<none>` for no slices.
 */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const take = (endpoint: NonNullable<EndpointSlice['endpoints']>[number], text: string): void => {
    if (list.length === 3) more = true;
    if (endpoint.conditions?.ready === false) return;
    if (!more) list.push(text);
    count++;
  };
  for (const slice of slices) {
    if (!slice.ports?.length) {
      for (const e of slice.endpoints ?? []) take(e, e.addresses?.[0] ?? '');
      continue;
    }
    for (const port of slice.ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const e of slice.endpoints ?? []) take(e, joinHostPort(e.addresses?.[0] ?? '', port.port ?? 0));
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - 3} more...` : text;
}

/** ServiceDescriber: the Service, its endpoints (from its EndpointSlices) and its events. */
export async function describeService(ctx: DescribeContext): Promise<string> {
  const svc = await getDescribed<Service>(ctx);
  const path = collectionPath('discovery.k8s.io', 'v1', 'endpointslices', svc.metadata.namespace);
  // Listed without a limit, as the describer does; a failure shows no endpoints.
  const slices = await listAll<EndpointSlice>(
    ctx.api,
    path,
    { labelSelector: `kubernetes.io/service-name=${svc.metadata.name}` },
    0,
  ).catch(() => []);
  const events = await objectEvents(ctx, svc);
  const spec = svc.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${svc.metadata.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${svc.metadata.namespace}\n`);
    printLabelsMultiline(w, 'Labels', svc.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', svc.metadata.annotations);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy !== undefined) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(LEVEL_0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(LEVEL_0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length > 0) {
      const text = ingress
        .map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? '')))
        .join(', ');
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${text}\n`);
    }
    for (const port of spec.ports ?? []) {
      const name = port.name || '<unset>';
      const protocol = port.protocol ?? '';
      w.write(LEVEL_0, `Port:\t${name}\t${port.port}/${protocol}\n`);
      w.write(LEVEL_0, `TargetPort:\t${port.targetPort ?? 0}/${protocol}\n`);
      if (port.nodePort) w.write(LEVEL_0, `NodePort:\t${name}\t${port.nodePort}/${protocol}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, port.name ?? '')}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy !== undefined)
      w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort) w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length)
      w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    if (spec.trafficDistribution !== undefined)
      w.write(LEVEL_0, `Traffic Distribution:\t${spec.trafficDistribution}\n`);
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
