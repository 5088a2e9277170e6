import { resourceType, type ResourceType, STATUS_SUBRESOURCE, SPEC_GENERATION } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';
import { intOrStringText } from './printer-cells';

type Spec = { minAvailable?: number | string | null; maxUnavailable?: number | string | null };

/** An IntOrString bound, or `N/A` when it is not set. */
const bound = (value: Spec['minAvailable']): string =>
  value === undefined || value === null ? 'N/A' : intOrStringText(value);

/** policy/v1 PodDisruptionBudget. */
export const poddisruptionbudgets: ResourceType = resourceType(
  'PodDisruptionBudget',
  'poddisruptionbudgets',
  'policy/v1',
  {
    namespaced: true,
    // pkg/registry/policy/poddisruptionbudget/strategy.go: generation 1, and one more on spec changes.
    generation: SPEC_GENERATION,
    shortNames: ['pdb'],
    hasStatus: true,
    subresources: [STATUS_SUBRESOURCE],
    table: {
      columns: [
        NAME_COLUMN,
        column('Min Available', 'string', 'The minimum number of pods that must be available.'),
        column('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
        column('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
        AGE_COLUMN,
      ],
      row(pdb, context) {
        const spec = (pdb.spec ?? {}) as Spec;
        const status = (pdb.status ?? {}) as { disruptionsAllowed?: number };
        return [
          pdb.metadata?.name ?? '',
          bound(spec.minAvailable),
          bound(spec.maxUnavailable),
          status.disruptionsAllowed ?? 0,
          age(pdb, context),
        ];
      },
    },
  },
);
