import type { ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { resourceType, STATUS_SUBRESOURCE } from '../resource';

type Quota = { status?: { hard?: Record<string, string>; used?: Record<string, string> } };

/** REQUEST and LIMIT cells: `resource: used/hard` for each hard limit, split by `limits.` prefix. */
function quotaCells(quota: Quota): [string, string] {
  const hard = quota.status?.hard ?? {};
  const used = quota.status?.used ?? {};
  let request = '';
  let limit = '';
  for (const name of Object.keys(hard).sort()) {
    const cell = `${name}: ${used[name] ?? ''}/${hard[name]}, `;
    if (name.split('.')[0] === 'limits') limit += cell;
    else request += cell;
  }
  return [request.replace(/, $/, ''), limit.replace(/, $/, '')];
}

/** core/v1 ResourceQuota. */
export const resourcequotas: ResourceType = resourceType('ResourceQuota', 'resourcequotas', 'v1', {
  namespaced: true,
  shortNames: ['quota'],
  hasStatus: true,
  subresources: [STATUS_SUBRESOURCE],
  table: {
    columns: [
      NAME_COLUMN,
      AGE_COLUMN,
      column('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
      column(
        'Limit',
        'string',
        'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
      ),
    ],
    row: (quota, context) => [quota.metadata?.name ?? '', age(quota, context), ...quotaCells(quota as Quota)],
  },
});
