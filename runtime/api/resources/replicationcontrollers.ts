import { resourceType, type ResourceType, STATUS_SUBRESOURCE, SCALE_SUBRESOURCE, SPEC_GENERATION } from '../resource';
import { defaultWorkloadTemplate, validateWorkload } from './workload-rules';
import { AGE_COLUMN, age, column, formatLabels, NAME_COLUMN } from '../table';

type Spec = {
  replicas?: number;
  selector?: Record<string, string>;
  template?: { spec?: { containers?: Array<{ name?: string; image?: string }> } };
};

/** v1 ReplicationController. */
export const replicationcontrollers: ResourceType = resourceType(
  'ReplicationController',
  'replicationcontrollers',
  'v1',
  {
    namespaced: true,
    // pkg/registry/core/replicationcontroller/strategy.go: generation 1, and one more on spec changes.
    generation: SPEC_GENERATION,
    shortNames: ['rc'],
    categories: ['all'],
    hasStatus: true,
    subresources: [SCALE_SUBRESOURCE, STATUS_SUBRESOURCE],
    table: {
      columns: [
        NAME_COLUMN,
        column('Desired', 'integer', 'Replicas is the number of desired replicas.'),
        column('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
        column('Ready', 'integer', 'The number of ready replicas for this replication controller.'),
        AGE_COLUMN,
        column('Containers', 'string', 'Names of each container in the template.', 1),
        column('Images', 'string', 'Images referenced by each container in the template.', 1),
        column('Selector', 'string', 'Selector is a label query over pods that should match the Replicas count.', 1),
      ],
      row(rc, context) {
        // v1 defaults spec.replicas to 1, so a stored ReplicationController always has it.
        const spec = (rc.spec ?? {}) as Spec;
        const status = (rc.status ?? {}) as { replicas?: number; readyReplicas?: number };
        const containers = spec.template?.spec?.containers ?? [];
        return [
          rc.metadata?.name ?? '',
          spec.replicas ?? 1,
          status.replicas ?? 0,
          status.readyReplicas ?? 0,
          age(rc, context),
          containers.map((c) => c.name ?? '').join(','),
          containers.map((c) => c.image ?? '').join(','),
          formatLabels(spec.selector),
        ];
      },
    },
    selectableFields: (rc) => ({
      'status.replicas': String((rc.status as { replicas?: number } | undefined)?.replicas ?? 0),
    }),
    defaults(rc) {
      const spec = (rc.spec ??= {}) as Record<string, unknown>;
      spec.replicas ??= 1;
      // v1 ReplicationControllers select, and are labelled with, their template's labels when
      // they have none of their own (SetDefaults_ReplicationController).
      const labels = (spec.template as { metadata?: { labels?: Record<string, string> } } | undefined)?.metadata
        ?.labels;
      if (spec.selector === undefined && labels) spec.selector = { ...labels };
      const meta = (rc.metadata ??= {});
      if (labels && Object.keys(meta.labels ?? {}).length === 0) meta.labels = { ...labels };
      defaultWorkloadTemplate(rc, 'spec.template');
    },
    validate: (rc, old) => validateWorkload(rc, old, { emptySelectorWord: 'replicationcontroller', mapSelector: true }),
  },
);
