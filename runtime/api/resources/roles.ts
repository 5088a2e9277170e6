import { resourceType, type ResourceType } from '../resource';

/** rbac.authorization.k8s.io/v1 Role. Its own table printer is still to come: it prints Name and Age. */
export const roles: ResourceType = resourceType('Role', 'roles', 'rbac.authorization.k8s.io/v1', {
  namespaced: true,
});
