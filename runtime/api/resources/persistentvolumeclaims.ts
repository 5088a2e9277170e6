import { resourceType, type ResourceType } from '../resource';

/** v1 PersistentVolumeClaim. Its own table printer is still to come: it prints Name and Age. */
export const persistentvolumeclaims: ResourceType = resourceType(
  'PersistentVolumeClaim',
  'persistentvolumeclaims',
  'v1',
  {
    namespaced: true,
    shortNames: ['pvc'],
    hasStatus: true,
    subresources: [{ name: 'status', verbs: ['get', 'patch', 'update'] }],
  },
);
