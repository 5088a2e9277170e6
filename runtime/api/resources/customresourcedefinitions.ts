import { isObject } from '../object';
import { resourceType, type ResourceType, STATUS_SUBRESOURCE } from '../resource';
import { formatTime } from '../../util/time';
import { CREATED_AT_TABLE } from './created-at-table';

type Spec = {
  names?: Record<string, unknown>;
  versions?: Array<{ name?: string; storage?: boolean }>;
};

/**
 * apiextensions.k8s.io/v1 CustomResourceDefinition. It has no printer: the default Name and
 * Created At table. A new definition is accepted and established at once (no name conflicts are
 * checked yet), so its resource is served right away.
 */
export const customresourcedefinitions: ResourceType = resourceType(
  'CustomResourceDefinition',
  'customresourcedefinitions',
  'apiextensions.k8s.io/v1',
  {
    namespaced: false,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    hasStatus: true,
    subresources: [STATUS_SUBRESOURCE],
    table: CREATED_AT_TABLE,
    defaults(crd, context) {
      if (context.operation !== 'create' || !isObject(crd.spec)) return;
      const spec = crd.spec as Spec;
      const names = { ...spec.names };
      names.singular ??= String(names.kind ?? '').toLowerCase();
      names.listKind ??= `${String(names.kind ?? '')}List`;
      const now = formatTime(context.now);
      crd.status = {
        acceptedNames: names,
        conditions: [
          {
            lastTransitionTime: now,
            message: 'no conflicts found',
            reason: 'NoConflicts',
            status: 'True',
            type: 'NamesAccepted',
          },
          {
            lastTransitionTime: now,
            message: 'the initial names have been accepted',
            reason: 'InitialNamesAccepted',
            status: 'True',
            type: 'Established',
          },
        ],
        storedVersions: (spec.versions ?? []).filter((v) => v.storage).map((v) => v.name),
      };
    },
  },
);
