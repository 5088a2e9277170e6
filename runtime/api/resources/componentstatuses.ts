import { resourceType, type ResourceType } from '../resource';

/** v1 ComponentStatus. Its own table printer is still to come: it prints Name and Age. */
export const componentstatuses: ResourceType = resourceType('ComponentStatus', 'componentstatuses', 'v1', {
  namespaced: false,
  shortNames: ['cs'],
  verbs: ['get', 'list'],
});
