import { resourceType, type ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';

/** coordination.k8s.io/v1 Lease. */
export const leases: ResourceType = resourceType('Lease', 'leases', 'coordination.k8s.io/v1', {
  namespaced: true,
  table: {
    columns: [NAME_COLUMN, column('Holder', 'string', 'The identity of the holder of a current lease.'), AGE_COLUMN],
    row: (lease, context) => [
      lease.metadata?.name ?? '',
      (lease.spec as { holderIdentity?: string | null } | undefined)?.holderIdentity ?? '',
      age(lease, context),
    ],
  },
});
