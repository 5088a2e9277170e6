// The k8s.io/api/core/v1 objects kubectl creates (ResourceQuota, Namespace, ConfigMap, Secret,
// ServiceAccount, Service) and the references they use. The pod template lives in schema-pod.ts,
// schema-container.ts and schema-volume.ts.
import type { MessageDescriptors } from './schema';

export const CORE_MESSAGES: MessageDescriptors = {
  ResourceQuota: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'ResourceQuotaSpec', id: 2 },
      status: { type: 'ResourceQuotaStatus', id: 3 },
    },
  },
  Namespace: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'NamespaceSpec', id: 2 },
      status: { type: 'NamespaceStatus', id: 3 },
    },
  },
  ConfigMap: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      immutable: { type: 'bool', id: 4, options: { keepZero: true } },
      data: { keyType: 'string', type: 'string', id: 2 },
      binaryData: { keyType: 'string', type: 'bytes', id: 3 },
    },
  },
  Secret: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      immutable: { type: 'bool', id: 5, options: { keepZero: true } },
      data: { keyType: 'string', type: 'bytes', id: 2 },
      stringData: { keyType: 'string', type: 'string', id: 4 },
      type: { type: 'string', id: 3 },
    },
  },
  ServiceAccount: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      secrets: { type: 'ObjectReference', id: 2, rule: 'repeated' },
      imagePullSecrets: { type: 'LocalObjectReference', id: 3, rule: 'repeated' },
      automountServiceAccountToken: { type: 'bool', id: 4, options: { keepZero: true } },
    },
  },
  Service: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'ServiceSpec', id: 2 },
      status: { type: 'ServiceStatus', id: 3 },
    },
  },
  ResourceQuotaSpec: {
    fields: {
      hard: { keyType: 'string', type: 'Quantity', id: 1 },
      scopes: { type: 'string', id: 2, rule: 'repeated' },
      scopeSelector: { type: 'ScopeSelector', id: 3 },
    },
  },
  ResourceQuotaStatus: {
    fields: {
      hard: { keyType: 'string', type: 'Quantity', id: 1 },
      used: { keyType: 'string', type: 'Quantity', id: 2 },
    },
  },
  NamespaceSpec: { fields: { finalizers: { type: 'string', id: 1, rule: 'repeated' } } },
  NamespaceStatus: {
    fields: {
      phase: { type: 'string', id: 1 },
      conditions: { type: 'NamespaceCondition', id: 2, rule: 'repeated' },
    },
  },
  ObjectReference: {
    fields: {
      kind: { type: 'string', id: 1 },
      namespace: { type: 'string', id: 2 },
      name: { type: 'string', id: 3 },
      uid: { type: 'string', id: 4 },
      apiVersion: { type: 'string', id: 5 },
      resourceVersion: { type: 'string', id: 6 },
      fieldPath: { type: 'string', id: 7 },
    },
  },
  LocalObjectReference: { fields: { name: { type: 'string', id: 1 } } },
  ScopeSelector: {
    fields: {
      matchExpressions: { type: 'ScopedResourceSelectorRequirement', id: 1, rule: 'repeated' },
    },
  },
  NamespaceCondition: {
    fields: {
      type: { type: 'string', id: 1, options: { keepZero: true } },
      status: { type: 'string', id: 2, options: { keepZero: true } },
      lastTransitionTime: { type: 'Time', id: 4 },
      reason: { type: 'string', id: 5 },
      message: { type: 'string', id: 6 },
    },
  },
  ScopedResourceSelectorRequirement: {
    fields: {
      scopeName: { type: 'string', id: 1, options: { keepZero: true } },
      operator: { type: 'string', id: 2, options: { keepZero: true } },
      values: { type: 'string', id: 3, rule: 'repeated' },
    },
  },
  ServiceSpec: {
    fields: {
      ports: { type: 'ServicePort', id: 1, rule: 'repeated' },
      selector: { keyType: 'string', type: 'string', id: 2 },
      clusterIP: { type: 'string', id: 3 },
      clusterIPs: { type: 'string', id: 18, rule: 'repeated' },
      type: { type: 'string', id: 4 },
      externalIPs: { type: 'string', id: 5, rule: 'repeated' },
      sessionAffinity: { type: 'string', id: 7 },
      loadBalancerIP: { type: 'string', id: 8 },
      loadBalancerSourceRanges: { type: 'string', id: 9, rule: 'repeated' },
      externalName: { type: 'string', id: 10 },
      externalTrafficPolicy: { type: 'string', id: 11 },
      healthCheckNodePort: { type: 'int32', id: 12 },
      publishNotReadyAddresses: { type: 'bool', id: 13 },
      sessionAffinityConfig: { type: 'SessionAffinityConfig', id: 14 },
      ipFamilies: { type: 'string', id: 19, rule: 'repeated' },
      ipFamilyPolicy: { type: 'string', id: 17, options: { keepZero: true } },
      allocateLoadBalancerNodePorts: { type: 'bool', id: 20, options: { keepZero: true } },
      loadBalancerClass: { type: 'string', id: 21, options: { keepZero: true } },
      internalTrafficPolicy: { type: 'string', id: 22, options: { keepZero: true } },
      trafficDistribution: { type: 'string', id: 23, options: { keepZero: true } },
    },
  },
  ServiceStatus: {
    fields: {
      loadBalancer: { type: 'LoadBalancerStatus', id: 1 },
      conditions: { type: 'Condition', id: 2, rule: 'repeated' },
    },
  },
  ServicePort: {
    fields: {
      name: { type: 'string', id: 1 },
      protocol: { type: 'string', id: 2 },
      appProtocol: { type: 'string', id: 6, options: { keepZero: true } },
      port: { type: 'int32', id: 3, options: { keepZero: true } },
      targetPort: { type: 'IntOrString', id: 4 },
      nodePort: { type: 'int32', id: 5 },
    },
  },
  SessionAffinityConfig: { fields: { clientIP: { type: 'ClientIPConfig', id: 1 } } },
  LoadBalancerStatus: { fields: { ingress: { type: 'LoadBalancerIngress', id: 1, rule: 'repeated' } } },
  ClientIPConfig: { fields: { timeoutSeconds: { type: 'int32', id: 1, options: { keepZero: true } } } },
  LoadBalancerIngress: {
    fields: {
      ip: { type: 'string', id: 1 },
      hostname: { type: 'string', id: 2 },
      ipMode: { type: 'string', id: 3, options: { keepZero: true } },
      ports: { type: 'PortStatus', id: 4, rule: 'repeated' },
    },
  },
  PortStatus: {
    fields: {
      port: { type: 'int32', id: 1, options: { keepZero: true } },
      protocol: { type: 'string', id: 2, options: { keepZero: true } },
      error: { type: 'string', id: 3, options: { keepZero: true } },
    },
  },
};
