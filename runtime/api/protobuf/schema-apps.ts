// apps/v1 Deployment, authentication.k8s.io/v1 TokenRequest and SelfSubjectReview, and
// authorization.k8s.io/v1 SelfSubjectAccessReview and SelfSubjectRulesReview with their specs
// and statuses (packages k8s.io/api/apps/v1, authentication/v1 and authorization/v1).
import type { MessageDescriptors } from './schema';

export const APPS_MESSAGES: MessageDescriptors = {
  Deployment: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'DeploymentSpec', id: 2 },
      status: { type: 'DeploymentStatus', id: 3 },
    },
  },
  TokenRequest: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'TokenRequestSpec', id: 2 },
      status: { type: 'TokenRequestStatus', id: 3 },
    },
  },
  SelfSubjectAccessReview: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'SelfSubjectAccessReviewSpec', id: 2 },
      status: { type: 'SubjectAccessReviewStatus', id: 3 },
    },
  },
  SelfSubjectReview: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      status: { type: 'SelfSubjectReviewStatus', id: 2 },
    },
  },
  SelfSubjectReviewStatus: { fields: { userInfo: { type: 'UserInfo', id: 1 } } },
  UserInfo: {
    fields: {
      username: { type: 'string', id: 1 },
      uid: { type: 'string', id: 2 },
      groups: { type: 'string', id: 3, rule: 'repeated' },
    },
  },
  SelfSubjectRulesReview: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'SelfSubjectRulesReviewSpec', id: 2 },
      status: { type: 'SubjectRulesReviewStatus', id: 3 },
    },
  },
  SelfSubjectRulesReviewSpec: { fields: { namespace: { type: 'string', id: 1 } } },
  SubjectRulesReviewStatus: {
    fields: {
      resourceRules: { type: 'ResourceRule', id: 1, rule: 'repeated' },
      nonResourceRules: { type: 'NonResourceRule', id: 2, rule: 'repeated' },
      incomplete: { type: 'bool', id: 3, options: { keepZero: true } },
      evaluationError: { type: 'string', id: 4 },
    },
  },
  ResourceRule: {
    fields: {
      verbs: { type: 'string', id: 1, rule: 'repeated' },
      apiGroups: { type: 'string', id: 2, rule: 'repeated' },
      resources: { type: 'string', id: 3, rule: 'repeated' },
      resourceNames: { type: 'string', id: 4, rule: 'repeated' },
    },
  },
  NonResourceRule: {
    fields: {
      verbs: { type: 'string', id: 1, rule: 'repeated' },
      nonResourceURLs: { type: 'string', id: 2, rule: 'repeated' },
    },
  },
  DeploymentSpec: {
    fields: {
      replicas: { type: 'int32', id: 1, options: { keepZero: true } },
      selector: { type: 'LabelSelector', id: 2 },
      template: { type: 'PodTemplateSpec', id: 3 },
      strategy: { type: 'DeploymentStrategy', id: 4 },
      minReadySeconds: { type: 'int32', id: 5 },
      revisionHistoryLimit: { type: 'int32', id: 6, options: { keepZero: true } },
      paused: { type: 'bool', id: 7 },
      progressDeadlineSeconds: { type: 'int32', id: 9, options: { keepZero: true } },
    },
  },
  DeploymentStatus: {
    fields: {
      observedGeneration: { type: 'int64', id: 1 },
      replicas: { type: 'int32', id: 2 },
      updatedReplicas: { type: 'int32', id: 3 },
      readyReplicas: { type: 'int32', id: 7 },
      availableReplicas: { type: 'int32', id: 4 },
      unavailableReplicas: { type: 'int32', id: 5 },
      terminatingReplicas: { type: 'int32', id: 9, options: { keepZero: true } },
      conditions: { type: 'DeploymentCondition', id: 6, rule: 'repeated' },
      collisionCount: { type: 'int32', id: 8, options: { keepZero: true } },
    },
  },
  TokenRequestSpec: {
    fields: {
      audiences: { type: 'string', id: 1, rule: 'repeated' },
      expirationSeconds: { type: 'int64', id: 4, options: { keepZero: true } },
      boundObjectRef: { type: 'BoundObjectReference', id: 3 },
    },
  },
  TokenRequestStatus: {
    fields: {
      token: { type: 'string', id: 1, options: { keepZero: true } },
      expirationTimestamp: { type: 'Time', id: 2 },
    },
  },
  SelfSubjectAccessReviewSpec: {
    fields: {
      resourceAttributes: { type: 'ResourceAttributes', id: 1 },
      nonResourceAttributes: { type: 'NonResourceAttributes', id: 2 },
    },
  },
  SubjectAccessReviewStatus: {
    fields: {
      allowed: { type: 'bool', id: 1, options: { keepZero: true } },
      denied: { type: 'bool', id: 4 },
      reason: { type: 'string', id: 2 },
      evaluationError: { type: 'string', id: 3 },
    },
  },
  DeploymentStrategy: {
    fields: {
      type: { type: 'string', id: 1 },
      rollingUpdate: { type: 'RollingUpdateDeployment', id: 2 },
    },
  },
  DeploymentCondition: {
    fields: {
      type: { type: 'string', id: 1, options: { keepZero: true } },
      status: { type: 'string', id: 2, options: { keepZero: true } },
      lastUpdateTime: { type: 'Time', id: 6 },
      lastTransitionTime: { type: 'Time', id: 7 },
      reason: { type: 'string', id: 4 },
      message: { type: 'string', id: 5 },
    },
  },
  BoundObjectReference: {
    fields: {
      kind: { type: 'string', id: 1 },
      apiVersion: { type: 'string', id: 2 },
      name: { type: 'string', id: 3 },
      uid: { type: 'string', id: 4 },
    },
  },
  ResourceAttributes: {
    fields: {
      namespace: { type: 'string', id: 1 },
      verb: { type: 'string', id: 2 },
      group: { type: 'string', id: 3 },
      version: { type: 'string', id: 4 },
      resource: { type: 'string', id: 5 },
      subresource: { type: 'string', id: 6 },
      name: { type: 'string', id: 7 },
      fieldSelector: { type: 'FieldSelectorAttributes', id: 8 },
      labelSelector: { type: 'LabelSelectorAttributes', id: 9 },
    },
  },
  NonResourceAttributes: { fields: { path: { type: 'string', id: 1 }, verb: { type: 'string', id: 2 } } },
  RollingUpdateDeployment: {
    fields: {
      maxUnavailable: { type: 'IntOrString', id: 1 },
      maxSurge: { type: 'IntOrString', id: 2 },
    },
  },
  FieldSelectorAttributes: {
    fields: {
      rawSelector: { type: 'string', id: 1 },
      requirements: { type: 'FieldSelectorRequirement', id: 2, rule: 'repeated' },
    },
  },
  LabelSelectorAttributes: {
    fields: {
      rawSelector: { type: 'string', id: 1 },
      requirements: { type: 'LabelSelectorRequirement', id: 2, rule: 'repeated' },
    },
  },
};
