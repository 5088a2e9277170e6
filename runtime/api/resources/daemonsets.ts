import { resourceType, type ResourceType, STATUS_SUBRESOURCE } from '../resource';
import { defaultWorkloadTemplate, validateWorkload } from './workload-rules';
import { AGE_COLUMN, age, column, formatLabels, NAME_COLUMN } from '../table';
import { workloadWideCells } from './workload-table';

type Status = {
  desiredNumberScheduled?: number;
  currentNumberScheduled?: number;
  numberReady?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
};
type Spec = { template?: { spec?: { nodeSelector?: Record<string, string> } } };

/** apps/v1 DaemonSet. */
export const daemonsets: ResourceType = resourceType('DaemonSet', 'daemonsets', 'apps/v1', {
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  hasStatus: true,
  subresources: [STATUS_SUBRESOURCE],
  table: {
    columns: [
      NAME_COLUMN,
      column('Desired', 'integer', 'The total number of nodes that should be running the daemon pod.'),
      column('Current', 'integer', 'The number of nodes running at least one daemon pod and supposed to.'),
      column('Ready', 'integer', 'The number of nodes running the daemon pod with at least one of them ready.'),
      column('Up-to-date', 'integer', 'The total number of nodes that are running the updated daemon pod.'),
      column('Available', 'integer', 'The number of nodes running the daemon pod with at least one of them available.'),
      column('Node Selector', 'string', 'NodeSelector is a selector which must be true for the pod to fit on a node.'),
      AGE_COLUMN,
      column('Containers', 'string', 'Names of each container in the template.', 1),
      column('Images', 'string', 'Images referenced by each container in the template.', 1),
      column('Selector', 'string', 'A label query over pods that are managed by the daemon set.', 1),
    ],
    row(ds, context) {
      const status = (ds.status ?? {}) as Status;
      const spec = (ds.spec ?? {}) as Spec;
      return [
        ds.metadata?.name ?? '',
        status.desiredNumberScheduled ?? 0,
        status.currentNumberScheduled ?? 0,
        status.numberReady ?? 0,
        status.updatedNumberScheduled ?? 0,
        status.numberAvailable ?? 0,
        formatLabels(spec.template?.spec?.nodeSelector),
        age(ds, context),
        ...workloadWideCells(spec as object),
      ];
    },
  },
  defaults(ds) {
    const spec = (ds.spec ??= {}) as Record<string, unknown>;
    spec.revisionHistoryLimit ??= 10;
    const strategy = (spec.updateStrategy ??= {}) as Record<string, unknown>;
    strategy.type ??= 'RollingUpdate';
    if (strategy.type === 'RollingUpdate') strategy.rollingUpdate ??= { maxSurge: 0, maxUnavailable: 1 };
    defaultWorkloadTemplate(ds, 'spec.template');
  },
  validate: (ds, old) => validateWorkload(ds, old, { emptySelectorWord: 'daemonset' }),
});
