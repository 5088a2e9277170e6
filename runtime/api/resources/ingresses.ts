import { resourceType, type ResourceType, STATUS_SUBRESOURCE, SPEC_GENERATION } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';

type Spec = { ingressClassName?: string | null; rules?: Array<{ host?: string }>; tls?: unknown[] };
type Status = { loadBalancer?: { ingress?: Array<{ ip?: string; hostname?: string }> } };

/**
 * HOSTS: the rules' hosts, hostless rules skipped, until three are listed; any rule after that
 * adds ` + N more...`, N counting every rule past the third. `*` when no rule names a host.
 */
function hosts(rules: Spec['rules']): string {
  const all = rules ?? [];
  const listed: string[] = [];
  let more = false;
  for (const rule of all) {
    if (listed.length === 3) more = true;
    if (!more && rule.host) listed.push(rule.host);
  }
  if (listed.length === 0) return '*';
  return more ? `${listed.join(',')} + ${all.length - 3} more...` : listed.join(',');
}

/** ADDRESS: the load balancer's IPs (or hostnames), deduplicated and sorted, comma-joined. */
function address(status: Status): string {
  const found = new Set<string>();
  for (const point of status.loadBalancer?.ingress ?? []) {
    if (point.ip) found.add(point.ip);
    else if (point.hostname) found.add(point.hostname);
  }
  return [...found].sort().join(',');
}

/** networking.k8s.io/v1 Ingress. */
export const ingresses: ResourceType = resourceType('Ingress', 'ingresses', 'networking.k8s.io/v1', {
  namespaced: true,
  // pkg/registry/networking/ingress/strategy.go: generation 1, and one more on spec changes.
  generation: SPEC_GENERATION,
  shortNames: ['ing'],
  hasStatus: true,
  subresources: [STATUS_SUBRESOURCE],
  table: {
    columns: [
      NAME_COLUMN,
      column(
        'Class',
        'string',
        'The name of the IngressClass resource that should be used for additional configuration',
      ),
      column('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
      column('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
      column('Ports', 'string', 'Ports of TLS configurations that open'),
      AGE_COLUMN,
    ],
    row(ing, context) {
      const spec = (ing.spec ?? {}) as Spec;
      return [
        ing.metadata?.name ?? '',
        spec.ingressClassName ?? '<none>',
        hosts(spec.rules),
        address((ing.status ?? {}) as Status),
        (spec.tls ?? []).length > 0 ? '80, 443' : '80',
        age(ing, context),
      ];
    },
  },
});
