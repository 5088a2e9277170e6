import { resourceType, type ResourceType } from '../resource';

/** v1 PersistentVolume. Its own table printer is still to come: it prints Name and Age. */
export const persistentvolumes: ResourceType = resourceType('PersistentVolume', 'persistentvolumes', 'v1', {
  namespaced: false,
  shortNames: ['pv'],
  hasStatus: true,
  subresources: [{ name: 'status', verbs: ['get', 'patch', 'update'] }],
});
