import { resourceType, type ResourceType } from '../resource';

/** apps/v1 StatefulSet. Its own table printer is still to come: it prints Name and Age. */
export const statefulsets: ResourceType = resourceType('StatefulSet', 'statefulsets', 'apps/v1', {
  namespaced: true,
  shortNames: ['sts'],
  categories: ['all'],
  hasStatus: true,
  subresources: [
    { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
    { name: 'status', verbs: ['get', 'patch', 'update'] },
  ],
});
