import { resourceType, type ResourceType } from '../resource';

/** batch/v1 Job. Its own table printer is still to come: it prints Name and Age. */
export const jobs: ResourceType = resourceType('Job', 'jobs', 'batch/v1', {
  namespaced: true,
  categories: ['all'],
  hasStatus: true,
  subresources: [{ name: 'status', verbs: ['get', 'patch', 'update'] }],
});
