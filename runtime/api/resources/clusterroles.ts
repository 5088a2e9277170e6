import { resourceType, type ResourceType } from '../resource';
import { CREATED_AT_TABLE } from './created-at-table';

/** rbac.authorization.k8s.io/v1 ClusterRole. It has no printer: the default Name and Created At table. */
export const clusterroles: ResourceType = resourceType('ClusterRole', 'clusterroles', 'rbac.authorization.k8s.io/v1', {
  namespaced: false,
  table: CREATED_AT_TABLE,
});
