import { resourceType, type ResourceType } from '../resource';

/** apps/v1 ControllerRevision. Its own table printer is still to come: it prints Name and Age. */
export const controllerrevisions: ResourceType = resourceType('ControllerRevision', 'controllerrevisions', 'apps/v1', {
  namespaced: true,
});
