import { resourceType, type ResourceType } from '../resource';

/** storage.k8s.io/v1 StorageClass. Its own table printer is still to come: it prints Name and Age. */
export const storageclasses: ResourceType = resourceType('StorageClass', 'storageclasses', 'storage.k8s.io/v1', {
  namespaced: false,
  shortNames: ['sc'],
});
