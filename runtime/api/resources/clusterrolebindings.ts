import { resourceType, type ResourceType } from '../resource';

/** rbac.authorization.k8s.io/v1 ClusterRoleBinding. Its own table printer is still to come: it prints Name and Age. */
export const clusterrolebindings: ResourceType = resourceType(
  'ClusterRoleBinding',
  'clusterrolebindings',
  'rbac.authorization.k8s.io/v1',
  {
    namespaced: false,
  },
);
