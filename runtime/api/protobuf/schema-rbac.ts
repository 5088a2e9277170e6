// rbac.authorization.k8s.io/v1 Role, ClusterRole, RoleBinding and ClusterRoleBinding with their
// rules, subjects and role references (package k8s.io/api/rbac/v1).
import type { MessageDescriptors } from './schema';

export const RBAC_MESSAGES: MessageDescriptors = {
  Role: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      rules: { type: 'PolicyRule', id: 2, rule: 'repeated' },
    },
  },
  ClusterRole: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      rules: { type: 'PolicyRule', id: 2, rule: 'repeated' },
      aggregationRule: { type: 'AggregationRule', id: 3 },
    },
  },
  RoleBinding: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      subjects: { type: 'Subject', id: 2, rule: 'repeated' },
      roleRef: { type: 'RoleRef', id: 3 },
    },
  },
  ClusterRoleBinding: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      subjects: { type: 'Subject', id: 2, rule: 'repeated' },
      roleRef: { type: 'RoleRef', id: 3 },
    },
  },
  PolicyRule: {
    fields: {
      verbs: { type: 'string', id: 1, rule: 'repeated' },
      apiGroups: { type: 'string', id: 2, rule: 'repeated' },
      resources: { type: 'string', id: 3, rule: 'repeated' },
      resourceNames: { type: 'string', id: 4, rule: 'repeated' },
      nonResourceURLs: { type: 'string', id: 5, rule: 'repeated' },
    },
  },
  AggregationRule: { fields: { clusterRoleSelectors: { type: 'LabelSelector', id: 1, rule: 'repeated' } } },
  Subject: {
    fields: {
      kind: { type: 'string', id: 1, options: { keepZero: true } },
      apiGroup: { type: 'string', id: 2 },
      name: { type: 'string', id: 3, options: { keepZero: true } },
      namespace: { type: 'string', id: 4 },
    },
  },
  RoleRef: {
    fields: {
      apiGroup: { type: 'string', id: 1, options: { keepZero: true } },
      kind: { type: 'string', id: 2, options: { keepZero: true } },
      name: { type: 'string', id: 3, options: { keepZero: true } },
    },
  },
};
