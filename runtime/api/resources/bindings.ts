import { resourceType, type ResourceType } from '../resource';

/** v1 Binding. Its own table printer is still to come: it prints Name and Age. */
export const bindings: ResourceType = resourceType('Binding', 'bindings', 'v1', {
  namespaced: true,
  verbs: ['create'],
});
