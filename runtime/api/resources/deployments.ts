import type { ResourceType } from '../resource';
import { defaultWorkloadTemplate, validateWorkload } from './workload-rules';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { resourceType, STATUS_SUBRESOURCE, SCALE_SUBRESOURCE } from '../resource';
import { WORKLOAD_WIDE_COLUMNS, workloadWideCells } from './workload-table';

type Status = { readyReplicas?: number; updatedReplicas?: number; availableReplicas?: number };

/** apps/v1 Deployment. */
export const deployments: ResourceType = resourceType('Deployment', 'deployments', 'apps/v1', {
  namespaced: true,
  // pkg/registry/apps/deployment/strategy.go: annotations too, as they are copied to ReplicaSets.
  generation: { fields: ['spec'], metadata: ['annotations'] },
  shortNames: ['deploy'],
  categories: ['all'],
  hasStatus: true,
  subresources: [SCALE_SUBRESOURCE, STATUS_SUBRESOURCE],
  table: {
    columns: [
      NAME_COLUMN,
      column('Ready', 'string', 'Number of the pod with ready state'),
      column(
        'Up-to-date',
        'string',
        'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
      ),
      column(
        'Available',
        'string',
        'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
      ),
      AGE_COLUMN,
      ...WORKLOAD_WIDE_COLUMNS,
    ],
    row(deploy, context) {
      const spec = (deploy.spec ?? {}) as { replicas?: number };
      const status = (deploy.status ?? {}) as Status;
      return [
        deploy.metadata?.name ?? '',
        `${status.readyReplicas ?? 0}/${spec.replicas ?? 0}`,
        status.updatedReplicas ?? 0,
        status.availableReplicas ?? 0,
        age(deploy, context),
        ...workloadWideCells(deploy.spec as object),
      ];
    },
  },
  defaults(deploy) {
    const spec = (deploy.spec ??= {}) as Record<string, unknown>;
    spec.replicas ??= 1;
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    const strategy = (spec.strategy ??= {}) as Record<string, unknown>;
    strategy.type ??= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') strategy.rollingUpdate ??= { maxSurge: '25%', maxUnavailable: '25%' };
    defaultWorkloadTemplate(deploy, 'spec.template');
  },
  validate: (deploy, old) => validateWorkload(deploy, old, { emptySelectorWord: 'deployment' }),
});
