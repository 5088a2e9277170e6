import type { ResourceType } from '../resource';
import { defaultWorkloadTemplate, validateWorkload } from './workload-rules';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { resourceType, STATUS_SUBRESOURCE, SCALE_SUBRESOURCE, SPEC_GENERATION } from '../resource';
import { WORKLOAD_WIDE_COLUMNS, workloadWideCells } from './workload-table';

/** apps/v1 ReplicaSet. */
export const replicasets: ResourceType = resourceType('ReplicaSet', 'replicasets', 'apps/v1', {
  namespaced: true,
  // pkg/registry/apps/replicaset/strategy.go: generation 1, and one more on spec changes.
  generation: SPEC_GENERATION,
  shortNames: ['rs'],
  categories: ['all'],
  hasStatus: true,
  subresources: [SCALE_SUBRESOURCE, STATUS_SUBRESOURCE],
  table: {
    columns: [
      NAME_COLUMN,
      column('Desired', 'integer', 'Replicas is the number of desired replicas.'),
      column('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
      column('Ready', 'integer', 'The number of ready replicas for this replica set.'),
      AGE_COLUMN,
      ...WORKLOAD_WIDE_COLUMNS,
    ],
    row(rs, context) {
      const spec = (rs.spec ?? {}) as { replicas?: number };
      const status = (rs.status ?? {}) as { replicas?: number; readyReplicas?: number };
      return [
        rs.metadata?.name ?? '',
        spec.replicas ?? 0,
        status.replicas ?? 0,
        status.readyReplicas ?? 0,
        age(rs, context),
        ...workloadWideCells(rs.spec as object),
      ];
    },
  },
  defaults(rs) {
    const spec = (rs.spec ??= {}) as Record<string, unknown>;
    spec.replicas ??= 1;
    defaultWorkloadTemplate(rs, 'spec.template');
  },
  validate: (rs, old) => validateWorkload(rs, old, { emptySelectorWord: 'deployment' }),
  selectableFields: (rs) => ({ 'status.replicas': String((rs.status as { replicas?: number })?.replicas ?? 0) }),
});
