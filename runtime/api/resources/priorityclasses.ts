import { resourceType, type ResourceType } from '../resource';

/** scheduling.k8s.io/v1 PriorityClass. Its own table printer is still to come: it prints Name and Age. */
export const priorityclasses: ResourceType = resourceType('PriorityClass', 'priorityclasses', 'scheduling.k8s.io/v1', {
  namespaced: false,
  shortNames: ['pc'],
});
