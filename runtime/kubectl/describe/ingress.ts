import { collectionPath, getJson, listAll } from './api-reads';
import type { DescribeContext } from './context';
import { describeEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './meta-lines';
import { getDescribed, objectEvents } from './object-reads';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './prefix-writer';
import { formatEndpointSlices, type EndpointSlice } from './service';
import type { KubeObject } from './types';

/** networking/v1 IngressBackend. */
interface Backend {
  service?: { name: string; port?: { number?: number; name?: string } };
  resource?: { apiGroup?: string; kind?: string; name?: string };
}

/** networking/v1 Ingress. */
interface Ingress extends KubeObject {
  spec?: {
    ingressClassName?: string;
    defaultBackend?: Backend;
    tls?: Array<{ hosts?: string[]; secretName?: string }>;
    rules?: Array<{ host?: string; http?: { paths?: Array<{ path?: string; backend: Backend }> } }>;
  };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };
}

/** serviceBackendStringer: `name:port`, the port by number or name. */
const serviceBackend = (service: NonNullable<Backend['service']>): string =>
  `${service.name}:${service.port?.number ? service.port.number : (service.port?.name ?? '')}`;

/** describeBackendV1: a service backend with its endpoints, or a resource backend. */
async function describeBackend(ctx: DescribeContext, namespace: string, backend: Backend): Promise<string> {
  if (backend.service) {
    const service = backend.service;
    const text = serviceBackend(service);
    try {
      const slices = await listAll<EndpointSlice>(
        ctx.api,
        collectionPath('discovery.k8s.io', 'v1', 'endpointslices', namespace),
        { labelSelector: `kubernetes.io/service-name=${service.name}` },
        0,
      );
      const svc = await getJson<{ spec?: { ports?: Array<{ name?: string; port: number }> } }>(
        ctx.api,
        `${collectionPath('', 'v1', 'services', namespace)}/${encodeURIComponent(service.name)}`,
      );
      let portName = '';
      for (const port of svc.spec?.ports ?? []) {
        if (service.port?.number && service.port.number === port.port) portName = port.name ?? '';
        else if (service.port?.name && service.port.name === port.name) portName = port.name ?? '';
      }
      return `${text} (${formatEndpointSlices(slices, portName)})`;
    } catch (error) {
      return `${text} (<error: ${(error as Error).message}>)`;
    }
  }
  if (backend.resource) {
    const { apiGroup, kind, name } = backend.resource;
    return `APIGroup: ${apiGroup ?? '<none>'}, Kind: ${kind ?? ''}, Name: ${name ?? ''}`;
  }
  return '';
}

/** IngressDescriber (networking/v1): class, backends with their endpoints, TLS, rules, events. */
export async function describeIngress(ctx: DescribeContext): Promise<string> {
  const ing = await getDescribed<Ingress>(ctx);
  const events = await objectEvents(ctx, ing);
  const namespace = ing.metadata.namespace ?? '';
  const spec = ing.spec ?? {};
  const addresses = [
    ...new Set((ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean)),
  ].sort();
  const defaultBackend = spec.defaultBackend ? await describeBackend(ctx, namespace, spec.defaultBackend) : '<default>';
  const rules: Array<{ host: string; paths: Array<[string, string]> }> = [];
  for (const rule of spec.rules ?? []) {
    if (!rule.http) continue;
    const paths: Array<[string, string]> = [];
    for (const path of rule.http.paths ?? [])
      paths.push([path.path ?? '', await describeBackend(ctx, namespace, path.backend)]);
    rules.push({ host: rule.host || '*', paths });
  }
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ing.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ing.metadata.labels);
    w.write(LEVEL_0, `Namespace:\t${namespace}\n`);
    w.write(LEVEL_0, `Address:\t${addresses.join(',')}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${spec.ingressClassName ?? '<none>'}\n`);
    w.write(LEVEL_0, `Default backend:\t${defaultBackend}\n`);
    if (spec.tls?.length) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of spec.tls) {
        const hosts = (t.hosts ?? []).join(',');
        w.write(LEVEL_1, t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const rule of rules) {
      w.write(LEVEL_1, `${rule.host}\t\n`);
      for (const [path, backend] of rule.paths) w.write(LEVEL_2, `\t${path} \t${backend}\n`);
    }
    if (rules.length === 0) w.write(LEVEL_1, `*\t*\t${defaultBackend}\n`);
    printAnnotationsMultiline(w, 'Annotations', ing.metadata.annotations);
    if (events) describeEvents(events, w, ctx.options.now);
  });
}
