import { resourceType, type ResourceType } from '../resource';
import { bindingTable } from './rolebinding-table';

/** rbac.authorization.k8s.io/v1 ClusterRoleBinding. */
export const clusterrolebindings: ResourceType = resourceType(
  'ClusterRoleBinding',
  'clusterrolebindings',
  'rbac.authorization.k8s.io/v1',
  {
    namespaced: false,
    table: bindingTable('clusterRoleBinding'),
  },
);
