import { resourceType, type ResourceType } from '../resource';

/** networking.k8s.io/v1 Ingress. Its own table printer is still to come: it prints Name and Age. */
export const ingresses: ResourceType = resourceType('Ingress', 'ingresses', 'networking.k8s.io/v1', {
  namespaced: true,
  shortNames: ['ing'],
  hasStatus: true,
  subresources: [{ name: 'status', verbs: ['get', 'patch', 'update'] }],
});
