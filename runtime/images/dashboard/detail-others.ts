// The sections of the detail pages of services, ingresses, config, storage and the cluster's
// own objects.
import type { Json } from './api';
import { externalEndpoints, internalEndpoints } from './columns';
import { conditionsTable, kindTable } from './detail-helpers';
import { card, chips, escapeHtml, fields, link, table } from './html';
import { pagePath } from './http';
import type { View } from './page';

type Sections = (object: Json, view: View) => Promise<string[]>;

const value = (v: unknown): string => escapeHtml(v ?? '-');
const lines = (values: string[]): string => (values.length ? values.map(escapeHtml).join('<br>') : '-');

/** Whether `labels` has every key and value of `selector`. */
const matches = (selector: Record<string, string>, labels: Record<string, string> | undefined): boolean =>
  Object.entries(selector).every(([key, wanted]) => labels?.[key] === wanted);

const service: Sections = async (object, view) => {
  const spec = object.spec ?? {};
  const { namespace, name } = object.metadata;
  const info = fields([
    ['Type', value(spec.type ?? 'ClusterIP')],
    ['Cluster IP', value(spec.clusterIP)],
    ['Session affinity', value(spec.sessionAffinity ?? 'None')],
    ['Selector', chips(spec.selector)],
    ['Internal Endpoints', lines(internalEndpoints(object))],
    ['External Endpoints', lines(externalEndpoints(object))],
  ]);
  const ports = table(
    ['Name', 'Port', 'Protocol', 'Target port', 'Node port'],
    ((spec.ports ?? []) as Json[]).map((p) =>
      [p.name || '-', p.port, p.protocol ?? 'TCP', p.targetPort ?? p.port, p.nodePort ?? '-'].map(value),
    ),
  );
  let endpoints = '-';
  try {
    const found = await view.api.get(
      `/api/v1/namespaces/${encodeURIComponent(namespace)}/endpoints/${encodeURIComponent(name)}`,
    );
    const rows = ((found.subsets ?? []) as Json[]).flatMap((subset) => {
      const portText = ((subset.ports ?? []) as Json[])
        .map((p) => `${p.name ? `${p.name} ` : ''}${p.port}/${p.protocol ?? 'TCP'}`)
        .join(', ');
      const row = (address: Json, ready: boolean): string[] =>
        [address.ip, portText, address.nodeName ?? '-', String(ready)].map(value);
      return [
        ...((subset.addresses ?? []) as Json[]).map((a) => row(a, true)),
        ...((subset.notReadyAddresses ?? []) as Json[]).map((a) => row(a, false)),
      ];
    });
    if (rows.length) endpoints = table(['Host', 'Ports (Name, Port, Protocol)', 'Node', 'Ready'], rows);
  } catch {
    // No Endpoints object (yet): nothing to list.
  }
  const selector = spec.selector as Record<string, string> | undefined;
  const pods = selector
    ? (await view.api.list(`/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`)).filter((pod) =>
        matches(selector, pod.metadata?.labels),
      )
    : [];
  return [
    card('Resource information', info),
    card('Ports', ports),
    card('Endpoints', endpoints),
    card('Pods', kindTable('pods', pods, { ...view, namespace })),
  ];
};

const ingress: Sections = async (object) => {
  const spec = object.spec ?? {};
  const rows = ((spec.rules ?? []) as Json[]).flatMap((rule) =>
    ((rule.http?.paths ?? []) as Json[]).map((p) =>
      [
        rule.host ?? '*',
        p.path ?? '/',
        p.pathType ?? '-',
        p.backend?.service?.name ?? '-',
        p.backend?.service?.port?.number ?? p.backend?.service?.port?.name ?? '-',
      ].map(value),
    ),
  );
  const info = fields([
    ['Ingress class', value(spec.ingressClassName)],
    ['Default backend', value(spec.defaultBackend?.service?.name)],
    ['TLS hosts', lines(((spec.tls ?? []) as Json[]).flatMap((t) => t.hosts ?? []))],
  ]);
  return [
    card('Resource information', info),
    card('Rules', rows.length ? table(['Host', 'Path', 'Path type', 'Service name', 'Service port'], rows) : '-'),
  ];
};

const configMap: Sections = async (object) => {
  const data = Object.entries((object.data ?? {}) as Record<string, string>);
  const body = data.length
    ? data.map(([key, text]) => `<h3>${escapeHtml(key)}</h3><pre>${escapeHtml(text)}</pre>`).join('')
    : '-';
  return [card('Data', body)];
};

const secret: Sections = async (object) => {
  const data = Object.entries((object.data ?? {}) as Record<string, string>);
  const size = (base64: string): number => Math.floor((base64.length * 3) / 4) - (base64.match(/=+$/)?.[0].length ?? 0);
  const body = fields(data.map(([key, encoded]) => [key, escapeHtml(`${size(encoded)} bytes`)]));
  return [
    card('Resource information', fields([['Type', value(object.type ?? 'Opaque')]])),
    card('Data', data.length ? body : '-'),
  ];
};

const claim: Sections = async (object, view) => {
  const volume = object.spec?.volumeName;
  return [
    card(
      'Resource information',
      fields([
        ['Status', value(object.status?.phase ?? 'Pending')],
        ['Volume', volume ? link(view.prefix + pagePath('persistentvolume', volume), volume) : '-'],
        ['Capacity', value(object.status?.capacity?.storage ?? object.spec?.resources?.requests?.storage)],
        ['Access modes', value((object.spec?.accessModes ?? []).join(', ') || undefined)],
        ['Storage class', value(object.spec?.storageClassName)],
      ]),
    ),
  ];
};

const volume: Sections = async (object, view) => {
  const spec = object.spec ?? {};
  const ref = spec.claimRef;
  return [
    card(
      'Resource information',
      fields([
        ['Status', value(object.status?.phase)],
        [
          'Claim',
          ref
            ? link(
                view.prefix + pagePath('persistentvolumeclaim', ref.namespace, ref.name),
                `${ref.namespace}/${ref.name}`,
              )
            : '-',
        ],
        ['Reclaim policy', value(spec.persistentVolumeReclaimPolicy)],
        ['Storage class', value(spec.storageClassName)],
        ['Capacity', value(spec.capacity?.storage)],
        ['Access modes', value((spec.accessModes ?? []).join(', ') || undefined)],
        ['Source', value(spec.hostPath ? `HostPath ${spec.hostPath.path}` : undefined)],
      ]),
    ),
  ];
};

const node: Sections = async (object, view) => {
  const status = object.status ?? {};
  const system = status.nodeInfo ?? {};
  const info = fields([
    ['Addresses', lines(((status.addresses ?? []) as Json[]).map((a) => `${a.type}: ${a.address}`))],
    ['Pod CIDR', value(object.spec?.podCIDR)],
    ['Unschedulable', value(object.spec?.unschedulable ?? false)],
    ['Kubelet version', value(system.kubeletVersion)],
    ['OS image', value(system.osImage)],
    ['Kernel version', value(system.kernelVersion)],
    ['Container runtime', value(system.containerRuntimeVersion)],
    ['Architecture', value(system.architecture)],
  ]);
  const resources = Object.keys(status.capacity ?? {}).map((name) =>
    [name, status.capacity?.[name], status.allocatable?.[name]].map(value),
  );
  const pods = (await view.api.list('/api/v1/pods')).filter((pod) => pod.spec?.nodeName === object.metadata.name);
  return [
    card('Resource information', info),
    card('Capacity', resources.length ? table(['Resource', 'Capacity', 'Allocatable'], resources) : '-'),
    card('Conditions', conditionsTable(status.conditions, view)),
    card('Pods', kindTable('pods', pods, { ...view, namespace: '_all' })),
  ];
};

const namespace: Sections = async (object) => [
  card('Resource information', fields([['Phase', value(object.status?.phase ?? 'Active')]])),
];

/** These kinds' sections by plural. */
export const OTHER_SECTIONS: Record<string, Sections> = {
  services: service,
  ingresses: ingress,
  configmaps: configMap,
  secrets: secret,
  persistentvolumeclaims: claim,
  persistentvolumes: volume,
  nodes: node,
  namespaces: namespace,
};
