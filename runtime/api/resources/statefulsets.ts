import { resourceType, type ResourceType, STATUS_SUBRESOURCE, SCALE_SUBRESOURCE, SPEC_GENERATION } from '../resource';
import { defaultWorkloadTemplate, validateWorkload } from './workload-rules';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { workloadWideCells } from './workload-table';

/** apps/v1 StatefulSet. */
export const statefulsets: ResourceType = resourceType('StatefulSet', 'statefulsets', 'apps/v1', {
  namespaced: true,
  // pkg/registry/apps/statefulset/strategy.go: generation 1, and one more on spec changes.
  generation: SPEC_GENERATION,
  shortNames: ['sts'],
  categories: ['all'],
  hasStatus: true,
  subresources: [SCALE_SUBRESOURCE, STATUS_SUBRESOURCE],
  table: {
    columns: [
      NAME_COLUMN,
      column('Ready', 'string', 'Number of the pod with ready state'),
      AGE_COLUMN,
      column('Containers', 'string', 'Names of each container in the template.', 1),
      column('Images', 'string', 'Images referenced by each container in the template.', 1),
    ],
    row(sts, context) {
      // apps/v1 defaults spec.replicas to 1, so a stored StatefulSet always has it.
      const spec = (sts.spec ?? {}) as { replicas?: number };
      const status = (sts.status ?? {}) as { readyReplicas?: number };
      const [containers, images] = workloadWideCells(spec as object);
      return [
        sts.metadata?.name ?? '',
        `${status.readyReplicas ?? 0}/${spec.replicas ?? 1}`,
        age(sts, context),
        containers,
        images,
      ];
    },
  },
  defaults(sts) {
    const spec = (sts.spec ??= {}) as Record<string, unknown>;
    spec.replicas ??= 1;
    spec.podManagementPolicy ??= 'OrderedReady';
    spec.revisionHistoryLimit ??= 10;
    spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
    const strategy = (spec.updateStrategy ??= {}) as Record<string, unknown>;
    strategy.type ??= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') strategy.rollingUpdate ??= { partition: 0 };
    defaultWorkloadTemplate(sts, 'spec.template');
  },
  validate: (sts, old) => validateWorkload(sts, old, { emptySelectorWord: 'statefulset' }),
});
