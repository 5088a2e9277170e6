import { resourceType, type ResourceType } from '../resource';
import { CREATED_AT_TABLE } from './created-at-table';

/** rbac.authorization.k8s.io/v1 Role. It has no printer: the default Name and Created At table. */
export const roles: ResourceType = resourceType('Role', 'roles', 'rbac.authorization.k8s.io/v1', {
  namespaced: true,
  table: CREATED_AT_TABLE,
});
