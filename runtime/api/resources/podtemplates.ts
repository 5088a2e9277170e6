import { resourceType, type ResourceType } from '../resource';

/** v1 PodTemplate. Its own table printer is still to come: it prints Name and Age. */
export const podtemplates: ResourceType = resourceType('PodTemplate', 'podtemplates', 'v1', {
  namespaced: true,
});
