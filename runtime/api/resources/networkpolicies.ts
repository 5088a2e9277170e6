import { resourceType, type ResourceType, SPEC_GENERATION } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { formatSelector } from './workload-table';

/** networking.k8s.io/v1 NetworkPolicy. */
export const networkpolicies: ResourceType = resourceType('NetworkPolicy', 'networkpolicies', 'networking.k8s.io/v1', {
  namespaced: true,
  // pkg/registry/networking/networkpolicy/strategy.go: generation 1, and one more on spec changes.
  generation: SPEC_GENERATION,
  shortNames: ['netpol'],
  table: {
    columns: [
      NAME_COLUMN,
      column('Pod-Selector', 'string', 'Selects the pods to which this NetworkPolicy object applies.'),
      AGE_COLUMN,
    ],
    row(np, context) {
      // An absent podSelector is the empty one, which selects every pod and prints as <none>.
      const spec = (np.spec ?? {}) as { podSelector?: Parameters<typeof formatSelector>[0] };
      return [np.metadata?.name ?? '', formatSelector(spec.podSelector ?? {}), age(np, context)];
    },
  },
});
