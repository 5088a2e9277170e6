import { resourceType, type ResourceType } from '../resource';
import { bindingTable } from './rolebinding-table';

/** rbac.authorization.k8s.io/v1 RoleBinding. */
export const rolebindings: ResourceType = resourceType('RoleBinding', 'rolebindings', 'rbac.authorization.k8s.io/v1', {
  namespaced: true,
  table: bindingTable('roleBinding'),
});
