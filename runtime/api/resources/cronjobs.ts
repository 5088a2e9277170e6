import { resourceType, type ResourceType } from '../resource';

/** batch/v1 CronJob. Its own table printer is still to come: it prints Name and Age. */
export const cronjobs: ResourceType = resourceType('CronJob', 'cronjobs', 'batch/v1', {
  namespaced: true,
  shortNames: ['cj'],
  categories: ['all'],
  hasStatus: true,
  subresources: [{ name: 'status', verbs: ['get', 'patch', 'update'] }],
});
