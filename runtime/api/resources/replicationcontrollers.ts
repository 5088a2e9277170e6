import { resourceType, type ResourceType } from '../resource';

/** v1 ReplicationController. Its own table printer is still to come: it prints Name and Age. */
export const replicationcontrollers: ResourceType = resourceType(
  'ReplicationController',
  'replicationcontrollers',
  'v1',
  {
    namespaced: true,
    shortNames: ['rc'],
    categories: ['all'],
    hasStatus: true,
    subresources: [
      { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
      { name: 'status', verbs: ['get', 'patch', 'update'] },
    ],
  },
);
