// networking.k8s.io/v1 Ingress with its spec (backends, TLS, rules and paths) and status
// (package k8s.io/api/networking/v1). A resource backend is core/v1's TypedLocalObjectReference.
import type { MessageDescriptors } from './schema';

export const NETWORKING_MESSAGES: MessageDescriptors = {
  Ingress: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'IngressSpec', id: 2 },
      status: { type: 'IngressStatus', id: 3 },
    },
  },
  IngressSpec: {
    fields: {
      ingressClassName: { type: 'string', id: 4, options: { keepZero: true } },
      defaultBackend: { type: 'IngressBackend', id: 1 },
      tls: { type: 'IngressTLS', id: 2, rule: 'repeated' },
      rules: { type: 'IngressRule', id: 3, rule: 'repeated' },
    },
  },
  IngressStatus: { fields: { loadBalancer: { type: 'IngressLoadBalancerStatus', id: 1 } } },
  IngressBackend: {
    fields: {
      service: { type: 'IngressServiceBackend', id: 4 },
      resource: { type: 'TypedLocalObjectReference', id: 3 },
    },
  },
  IngressTLS: {
    fields: {
      hosts: { type: 'string', id: 1, rule: 'repeated' },
      secretName: { type: 'string', id: 2 },
    },
  },
  IngressRule: {
    fields: {
      host: { type: 'string', id: 1 },
      ingressRuleValue: { type: 'IngressRuleValue', id: 2, options: { inline: true } },
    },
  },
  IngressLoadBalancerStatus: {
    fields: { ingress: { type: 'IngressLoadBalancerIngress', id: 1, rule: 'repeated' } },
  },
  IngressServiceBackend: {
    fields: {
      name: { type: 'string', id: 1, options: { keepZero: true } },
      port: { type: 'ServiceBackendPort', id: 2 },
    },
  },
  IngressRuleValue: { fields: { http: { type: 'HTTPIngressRuleValue', id: 1 } } },
  IngressLoadBalancerIngress: {
    fields: {
      ip: { type: 'string', id: 1 },
      hostname: { type: 'string', id: 2 },
      ports: { type: 'IngressPortStatus', id: 4, rule: 'repeated' },
    },
  },
  ServiceBackendPort: { fields: { name: { type: 'string', id: 1 }, number: { type: 'int32', id: 2 } } },
  HTTPIngressRuleValue: { fields: { paths: { type: 'HTTPIngressPath', id: 1, rule: 'repeated' } } },
  IngressPortStatus: {
    fields: {
      port: { type: 'int32', id: 1, options: { keepZero: true } },
      protocol: { type: 'string', id: 2, options: { keepZero: true } },
      error: { type: 'string', id: 3, options: { keepZero: true } },
    },
  },
  HTTPIngressPath: {
    fields: {
      path: { type: 'string', id: 1 },
      pathType: { type: 'string', id: 3, options: { keepZero: true } },
      backend: { type: 'IngressBackend', id: 2 },
    },
  },
};
