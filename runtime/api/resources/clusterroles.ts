import { resourceType, type ResourceType } from '../resource';

/** rbac.authorization.k8s.io/v1 ClusterRole. Its own table printer is still to come: it prints Name and Age. */
export const clusterroles: ResourceType = resourceType('ClusterRole', 'clusterroles', 'rbac.authorization.k8s.io/v1', {
  namespaced: false,
});
