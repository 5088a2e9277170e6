import { resourceType, type ResourceType } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';

type PriorityClass = { value?: number; globalDefault?: boolean; preemptionPolicy?: string | null };

/** scheduling.k8s.io/v1 PriorityClass. */
export const priorityclasses: ResourceType = resourceType('PriorityClass', 'priorityclasses', 'scheduling.k8s.io/v1', {
  namespaced: false,
  shortNames: ['pc'],
  table: {
    columns: [
      NAME_COLUMN,
      column('Value', 'integer', 'The integer value of this priority class.'),
      column(
        'Global-Default',
        'boolean',
        'Whether this priority class is the default for pods without a priorityClassName.',
      ),
      AGE_COLUMN,
      column('PreemptionPolicy', 'string', 'The Policy for preempting pods with lower priority.'),
    ],
    row(object, context) {
      const pc = object as PriorityClass;
      return [
        object.metadata?.name ?? '',
        pc.value ?? 0,
        pc.globalDefault ?? false,
        age(object, context),
        pc.preemptionPolicy ?? '',
      ];
    },
  },
  defaults(priorityClass) {
    priorityClass.preemptionPolicy ??= 'PreemptLowerPriority';
  },
});
