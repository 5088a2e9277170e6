import type { ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { resourceType } from '../resource';

type Subset = { addresses?: Array<{ ip: string }>; notReadyAddresses?: unknown[]; ports?: Array<{ port: number }> };

/** ENDPOINTS cell: up to three `ip:port`, then `+ N more...`; `<none>` without subsets. */
function endpointsCell(subsets: Subset[] | undefined): string {
  if (!subsets || subsets.length === 0) return '<none>';
  const all: string[] = [];
  for (const subset of subsets) {
    for (const address of subset.addresses ?? []) {
      const host = address.ip.includes(':') ? `[${address.ip}]` : address.ip;
      if ((subset.ports ?? []).length === 0) all.push(host);
      for (const port of subset.ports ?? []) all.push(`${host}:${port.port}`);
    }
  }
  const shown = all.slice(0, 3).join(',');
  return all.length > 3 ? `${shown} + ${all.length - 3} more...` : shown;
}

/** core/v1 Endpoints (deprecated since v1.33 in favour of EndpointSlices, still served). */
export const endpoints: ResourceType = resourceType('Endpoints', 'endpoints', 'v1', {
  namespaced: true,
  deprecation: 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice',
  singular: 'endpoints',
  shortNames: ['ep'],
  table: {
    columns: [NAME_COLUMN, column('Endpoints', 'string', 'Endpoints of the service'), AGE_COLUMN],
    row: (ep, context) => [
      ep.metadata?.name ?? '',
      endpointsCell(ep.subsets as Subset[] | undefined),
      age(ep, context),
    ],
  },
});
