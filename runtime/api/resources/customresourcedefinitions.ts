import { resourceType, type ResourceType, STATUS_SUBRESOURCE } from '../resource';
import { CREATED_AT_TABLE } from './created-at-table';

/** apiextensions.k8s.io/v1 CustomResourceDefinition. It has no printer: the default Name and Created At table. */
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
  },
);
