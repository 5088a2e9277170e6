import type { ResourceType } from '../resource';
import { AGE_COLUMN, age, column, formatLabels, NAME_COLUMN } from '../table';
import { resourceType, STATUS_SUBRESOURCE } from '../resource';

type Port = { port?: number; nodePort?: number; protocol?: string; targetPort?: number | string; name?: string };
type Spec = {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  externalIPs?: string[];
  externalName?: string;
  ports?: Port[];
  selector?: Record<string, string>;
  sessionAffinity?: string;
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  internalTrafficPolicy?: string;
  externalTrafficPolicy?: string;
};
type Service = { spec?: Spec; status?: { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } } };

function externalIp(service: Service): string {
  const spec = service.spec ?? {};
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return spec.externalIPs?.length ? spec.externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const ips = (service.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '');
      const all = [...ips, ...(spec.externalIPs ?? [])];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

function ports(spec: Spec): string {
  const list = spec.ports ?? [];
  if (list.length === 0) return '<none>';
  return list.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

/** core/v1 Service. ClusterIPs and NodePorts are allocated at admission (see ../allocate-service.ts). */
export const services: ResourceType = resourceType('Service', 'services', 'v1', {
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  hasStatus: true,
  subresources: [
    { name: 'proxy', kind: 'ServiceProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
    STATUS_SUBRESOURCE,
  ],
  table: {
    columns: [
      NAME_COLUMN,
      column('Type', 'string', 'The type of the service.'),
      column('Cluster-IP', 'string', 'The IP address of the service.'),
      column('External-IP', 'string', 'The external IP addresses of the service.'),
      column('Port(s)', 'string', 'The ports exposed by the service.'),
      AGE_COLUMN,
      column(
        'Selector',
        'string',
        'Route service traffic to pods with label keys and values matching this selector.',
        1,
      ),
    ],
    row(service, context) {
      const spec = (service.spec ?? {}) as Spec;
      return [
        service.metadata?.name ?? '',
        spec.type ?? '',
        spec.clusterIPs?.[0] ?? (spec.clusterIP || '<none>'),
        externalIp(service as Service),
        ports(spec),
        age(service, context),
        formatLabels(spec.selector),
      ];
    },
  },
  defaults(service) {
    const spec = (service.spec ??= {}) as Spec;
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    for (const port of spec.ports ?? []) {
      port.protocol ??= 'TCP';
      port.targetPort ??= port.port;
    }
    if (spec.type !== 'ExternalName') {
      spec.ipFamilies ??= ['IPv4'];
      spec.ipFamilyPolicy ??= 'SingleStack';
      spec.internalTrafficPolicy ??= 'Cluster';
    }
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
    service.status ??= { loadBalancer: {} };
  },
  selectableFields: (service) => {
    const spec = (service.spec ?? {}) as Spec;
    return { 'spec.clusterIP': spec.clusterIP ?? '', 'spec.type': spec.type ?? '' };
  },
});
