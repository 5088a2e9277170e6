import { resourceType, type ResourceType } from '../resource';

/** apps/v1 DaemonSet. Its own table printer is still to come: it prints Name and Age. */
export const daemonsets: ResourceType = resourceType('DaemonSet', 'daemonsets', 'apps/v1', {
  namespaced: true,
  shortNames: ['ds'],
  categories: ['all'],
  hasStatus: true,
  subresources: [{ name: 'status', verbs: ['get', 'patch', 'update'] }],
});
