import { resourceType, type ResourceType, SPEC_GENERATION } from '../resource';
import { AGE_COLUMN, age, column, NAME_COLUMN } from '../table';

type Spec = { controller?: string; parameters?: { apiGroup?: string | null; kind?: string; name?: string } | null };

/** PARAMETERS: `Kind.apiGroup/name` (`Kind/name` without a group), or `<none>`. */
function parameters(spec: Spec): string {
  const ref = spec.parameters;
  if (!ref) return '<none>';
  const kind =
    ref.apiGroup !== undefined && ref.apiGroup !== null ? `${ref.kind ?? ''}.${ref.apiGroup}` : (ref.kind ?? '');
  return `${kind}/${ref.name ?? ''}`;
}

/**
 * networking.k8s.io/v1 IngressClass. v1.34 prints the name alone: the ` (default)` marker for
 * the default class came in v1.35.
 */
export const ingressclasses: ResourceType = resourceType('IngressClass', 'ingressclasses', 'networking.k8s.io/v1', {
  namespaced: false,
  // pkg/registry/networking/ingressclass/strategy.go: generation 1, and one more on spec changes.
  generation: SPEC_GENERATION,
  table: {
    columns: [
      NAME_COLUMN,
      column('Controller', 'string', 'Controller that is responsible for handling this class'),
      column('Parameters', 'string', 'A reference to a resource with additional parameters'),
      AGE_COLUMN,
    ],
    row(ic, context) {
      const spec = (ic.spec ?? {}) as Spec;
      return [ic.metadata?.name ?? '', spec.controller ?? '', parameters(spec), age(ic, context)];
    },
  },
});
