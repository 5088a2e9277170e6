// The list tables' columns per kind, as the real dashboard (v2.7) lays them out; CPU and memory
// usage are left out.
import type { Json } from './api';
import { ago } from './format';
import { chips, dot, escapeHtml } from './html';
import { byPlural, type Kind } from './kinds';
import { objectLink } from './links';
import type { View } from './page';
import { nodeReady, podRestarts, podStatus, type Health, workloadPods } from './status';

/** One column: its heading and the HTML of its cell for an object. */
export interface Column {
  heading: string;
  cell(object: Json, view: View): string;
}

const column = (heading: string, cell: (object: Json, view: View) => string): Column => ({ heading, cell });

/** The name, linked to its detail page, after a status dot when the kind has a health. */
const name = (kind: Kind, health?: (object: Json) => Health): Column =>
  column('Name', (object, view) => (health ? dot(health(object)) : '') + objectLink(view, kind, object));

const text = (heading: string, value: (object: Json) => unknown): Column =>
  column(heading, (object) => escapeHtml(value(object) ?? '-'));

const labels = column('Labels', (object) => chips(object.metadata?.labels));
const created = column('Created', (object, view) => escapeHtml(ago(view.now, object.metadata?.creationTimestamp)));

/** The images of a pod template's (or a pod's) containers, as chips. */
const images = (spec: (object: Json) => Json): Column =>
  column('Images', (object) => {
    const containers: Json[] = spec(object)?.containers ?? [];
    return containers.map((c) => `<span class="chip">${escapeHtml(c.image)}</span>`).join('') || '-';
  });

const template = (object: Json): Json => object.spec?.template?.spec;

/** The columns of a workload that runs pods from a template. */
function workload(plural: string): Column[] {
  const kind = byPlural(plural) as Kind;
  const health = (object: Json): Health => workloadPods(plural, object).health;
  return [
    name(kind, health),
    images(template),
    labels,
    column('Pods', (object) => escapeHtml(workloadPods(plural, object).text)),
    created,
  ];
}

/** A Service's endpoints inside the cluster: `name.namespace:port TCP`, and the node ports. */
export function internalEndpoints(service: Json): string[] {
  const host = `${service.metadata?.name}.${service.metadata?.namespace}`;
  const ports: Json[] = service.spec?.ports ?? [];
  const lines = ports.map((p) => `${host}:${p.port} ${p.protocol ?? 'TCP'}`);
  for (const p of ports) if (p.nodePort) lines.push(`${host}:${p.nodePort} ${p.protocol ?? 'TCP'}`);
  return lines;
}

/** A Service's endpoints outside: its load balancer's addresses with each port. */
export function externalEndpoints(service: Json): string[] {
  const ingress: Json[] = service.status?.loadBalancer?.ingress ?? [];
  const ports: Json[] = service.spec?.ports ?? [];
  const hosts = [...ingress.map((i) => i.ip ?? i.hostname), ...(service.spec?.externalIPs ?? [])];
  return hosts.flatMap((host) => ports.map((p) => `${host}:${p.port}`));
}

const lines = (values: string[]): string => (values.length ? values.map(escapeHtml).join('<br>') : '-');

/** Each listed kind's columns, by its plural. */
export const COLUMNS: Record<string, Column[]> = {
  deployments: workload('deployments'),
  replicasets: workload('replicasets'),
  statefulsets: workload('statefulsets'),
  daemonsets: workload('daemonsets'),
  jobs: workload('jobs'),
  cronjobs: [
    name(byPlural('cronjobs') as Kind),
    images((object) => object.spec?.jobTemplate?.spec?.template?.spec),
    labels,
    text('Schedule', (object) => object.spec?.schedule),
    text('Suspend', (object) => String(object.spec?.suspend ?? false)),
    text('Active', (object) => (object.status?.active ?? []).length),
    column('Last schedule', (object, view) => escapeHtml(ago(view.now, object.status?.lastScheduleTime))),
    created,
  ],
  pods: [
    name(byPlural('pods') as Kind, (pod) => podStatus(pod).health),
    images((pod) => pod.spec),
    labels,
    text('Node', (pod) => pod.spec?.nodeName),
    text('Status', (pod) => podStatus(pod).text),
    text('Restarts', podRestarts),
    created,
  ],
  services: [
    name(byPlural('services') as Kind),
    labels,
    text('Type', (service) => service.spec?.type ?? 'ClusterIP'),
    text('Cluster IP', (service) => service.spec?.clusterIP),
    column('Internal Endpoints', (service) => lines(internalEndpoints(service))),
    column('External Endpoints', (service) => lines(externalEndpoints(service))),
    created,
  ],
  ingresses: [
    name(byPlural('ingresses') as Kind),
    labels,
    column('Endpoints', (ing) =>
      lines(((ing.status?.loadBalancer?.ingress ?? []) as Json[]).map((i) => i.ip ?? i.hostname)),
    ),
    column('Hosts', (ing) => lines(((ing.spec?.rules ?? []) as Json[]).map((r) => r.host ?? '*'))),
    created,
  ],
  configmaps: [name(byPlural('configmaps') as Kind), labels, created],
  secrets: [name(byPlural('secrets') as Kind), labels, text('Type', (secret) => secret.type ?? 'Opaque'), created],
  persistentvolumeclaims: [
    name(byPlural('persistentvolumeclaims') as Kind, (pvc) => (pvc.status?.phase === 'Bound' ? 'ok' : 'pending')),
    labels,
    text('Status', (pvc) => pvc.status?.phase ?? 'Pending'),
    text('Volume', (pvc) => pvc.spec?.volumeName || '-'),
    text('Capacity', (pvc) => pvc.status?.capacity?.storage),
    text('Access Modes', (pvc) => (pvc.spec?.accessModes ?? []).join(', ') || '-'),
    text('Storage Class', (pvc) => pvc.spec?.storageClassName),
    created,
  ],
  namespaces: [
    name(byPlural('namespaces') as Kind, (ns) => (ns.status?.phase === 'Terminating' ? 'pending' : 'ok')),
    labels,
    text('Phase', (ns) => ns.status?.phase ?? 'Active'),
    created,
  ],
  nodes: [
    name(byPlural('nodes') as Kind, (node) => (nodeReady(node) === 'True' ? 'ok' : 'failed')),
    labels,
    text('Ready', nodeReady),
    created,
  ],
  persistentvolumes: [
    name(byPlural('persistentvolumes') as Kind, (pv) => (pv.status?.phase === 'Failed' ? 'failed' : 'ok')),
    text('Capacity', (pv) => pv.spec?.capacity?.storage),
    text('Access Modes', (pv) => (pv.spec?.accessModes ?? []).join(', ') || '-'),
    text('Reclaim Policy', (pv) => pv.spec?.persistentVolumeReclaimPolicy),
    text('Status', (pv) => pv.status?.phase),
    text('Claim', (pv) => (pv.spec?.claimRef ? `${pv.spec.claimRef.namespace}/${pv.spec.claimRef.name}` : '-')),
    text('Storage Class', (pv) => pv.spec?.storageClassName),
    text('Reason', (pv) => pv.status?.reason || '-'),
    created,
  ],
  events: [
    column('Message', (event) => dot(event.type === 'Warning' ? 'failed' : 'ok', event.message ?? event.note ?? '')),
    text('Source', (event) => {
      const source = event.source ?? {};
      return [source.component ?? event.reportingComponent, source.host].filter(Boolean).join(' ') || '-';
    }),
    text('Sub-object', (event) => event.involvedObject?.fieldPath || '-'),
    text('Count', (event) => event.count ?? event.series?.count ?? 1),
    column('First seen', (event, view) => escapeHtml(ago(view.now, firstSeen(event)))),
    column('Last seen', (event, view) => escapeHtml(ago(view.now, lastSeen(event)))),
  ],
};

/** When an event was first seen. */
export const firstSeen = (event: Json): string | undefined =>
  event.firstTimestamp ?? event.eventTime ?? event.metadata?.creationTimestamp;

/** When an event was last seen. */
export const lastSeen = (event: Json): string | undefined =>
  event.lastTimestamp ?? event.series?.lastObservedTime ?? firstSeen(event);
