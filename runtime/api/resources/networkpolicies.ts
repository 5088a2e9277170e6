import { resourceType, type ResourceType } from '../resource';

/** networking.k8s.io/v1 NetworkPolicy. Its own table printer is still to come: it prints Name and Age. */
export const networkpolicies: ResourceType = resourceType('NetworkPolicy', 'networkpolicies', 'networking.k8s.io/v1', {
  namespaced: true,
  shortNames: ['netpol'],
});
