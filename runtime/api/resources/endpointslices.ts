import { resourceType, type ResourceType } from '../resource';

/** discovery.k8s.io/v1 EndpointSlice. Its own table printer is still to come: it prints Name and Age. */
export const endpointslices: ResourceType = resourceType('EndpointSlice', 'endpointslices', 'discovery.k8s.io/v1', {
  namespaced: true,
});
