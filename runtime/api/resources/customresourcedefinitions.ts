import { resourceType, type ResourceType } from '../resource';

/** apiextensions.k8s.io/v1 CustomResourceDefinition. Its own table printer is still to come: it prints Name and Age. */
export const customresourcedefinitions: ResourceType = resourceType(
  'CustomResourceDefinition',
  'customresourcedefinitions',
  'apiextensions.k8s.io/v1',
  {
    namespaced: false,
    shortNames: ['crd', 'crds'],
    categories: ['api-extensions'],
    hasStatus: true,
    subresources: [{ name: 'status', verbs: ['get', 'patch', 'update'] }],
  },
);
