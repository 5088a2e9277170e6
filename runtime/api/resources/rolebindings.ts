import { resourceType, type ResourceType } from '../resource';

/** rbac.authorization.k8s.io/v1 RoleBinding. Its own table printer is still to come: it prints Name and Age. */
export const rolebindings: ResourceType = resourceType('RoleBinding', 'rolebindings', 'rbac.authorization.k8s.io/v1', {
  namespaced: true,
});
