import { resourceType, type ResourceType } from '../resource';

/** v1 LimitRange. Its own table printer is still to come: it prints Name and Age. */
export const limitranges: ResourceType = resourceType('LimitRange', 'limitranges', 'v1', {
  namespaced: true,
  shortNames: ['limits'],
});
