import { resourceType, type ResourceType } from '../resource';

/** networking.k8s.io/v1 IngressClass. Its own table printer is still to come: it prints Name and Age. */
export const ingressclasses: ResourceType = resourceType('IngressClass', 'ingressclasses', 'networking.k8s.io/v1', {
  namespaced: false,
});
