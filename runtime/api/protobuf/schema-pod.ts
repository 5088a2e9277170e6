// k8s.io/api/core/v1: the pod template and PodSpec with its scheduling parts (affinity,
// tolerations, topology spread), DNS, host aliases, the pod security context and resource claims.
import type { MessageDescriptors } from './schema';

export const POD_MESSAGES: MessageDescriptors = {
  PodTemplateSpec: { fields: { metadata: { type: 'ObjectMeta', id: 1 }, spec: { type: 'PodSpec', id: 2 } } },
  PodSpec: {
    fields: {
      volumes: { type: 'Volume', id: 1, rule: 'repeated' },
      initContainers: { type: 'Container', id: 20, rule: 'repeated' },
      containers: { type: 'Container', id: 2, rule: 'repeated' },
      ephemeralContainers: { type: 'EphemeralContainer', id: 34, rule: 'repeated' },
      restartPolicy: { type: 'string', id: 3 },
      terminationGracePeriodSeconds: { type: 'int64', id: 4, options: { keepZero: true } },
      activeDeadlineSeconds: { type: 'int64', id: 5, options: { keepZero: true } },
      dnsPolicy: { type: 'string', id: 6 },
      nodeSelector: { keyType: 'string', type: 'string', id: 7 },
      serviceAccountName: { type: 'string', id: 8 },
      serviceAccount: { type: 'string', id: 9 },
      automountServiceAccountToken: { type: 'bool', id: 21, options: { keepZero: true } },
      nodeName: { type: 'string', id: 10 },
      hostNetwork: { type: 'bool', id: 11 },
      hostPID: { type: 'bool', id: 12 },
      hostIPC: { type: 'bool', id: 13 },
      shareProcessNamespace: { type: 'bool', id: 27, options: { keepZero: true } },
      securityContext: { type: 'PodSecurityContext', id: 14 },
      imagePullSecrets: { type: 'LocalObjectReference', id: 15, rule: 'repeated' },
      hostname: { type: 'string', id: 16 },
      subdomain: { type: 'string', id: 17 },
      affinity: { type: 'Affinity', id: 18 },
      schedulerName: { type: 'string', id: 19 },
      tolerations: { type: 'Toleration', id: 22, rule: 'repeated' },
      hostAliases: { type: 'HostAlias', id: 23, rule: 'repeated' },
      priorityClassName: { type: 'string', id: 24 },
      priority: { type: 'int32', id: 25, options: { keepZero: true } },
      dnsConfig: { type: 'PodDNSConfig', id: 26 },
      readinessGates: { type: 'PodReadinessGate', id: 28, rule: 'repeated' },
      runtimeClassName: { type: 'string', id: 29, options: { keepZero: true } },
      enableServiceLinks: { type: 'bool', id: 30, options: { keepZero: true } },
      preemptionPolicy: { type: 'string', id: 31, options: { keepZero: true } },
      overhead: { keyType: 'string', type: 'Quantity', id: 32 },
      topologySpreadConstraints: { type: 'TopologySpreadConstraint', id: 33, rule: 'repeated' },
      setHostnameAsFQDN: { type: 'bool', id: 35, options: { keepZero: true } },
      os: { type: 'PodOS', id: 36 },
      hostUsers: { type: 'bool', id: 37, options: { keepZero: true } },
      schedulingGates: { type: 'PodSchedulingGate', id: 38, rule: 'repeated' },
      resourceClaims: { type: 'PodResourceClaim', id: 39, rule: 'repeated' },
      resources: { type: 'ResourceRequirements', id: 40 },
      hostnameOverride: { type: 'string', id: 41, options: { keepZero: true } },
    },
  },
  PodSecurityContext: {
    fields: {
      seLinuxOptions: { type: 'SELinuxOptions', id: 1 },
      windowsOptions: { type: 'WindowsSecurityContextOptions', id: 8 },
      runAsUser: { type: 'int64', id: 2, options: { keepZero: true } },
      runAsGroup: { type: 'int64', id: 6, options: { keepZero: true } },
      runAsNonRoot: { type: 'bool', id: 3, options: { keepZero: true } },
      supplementalGroups: { type: 'int64', id: 4, rule: 'repeated' },
      supplementalGroupsPolicy: { type: 'string', id: 12, options: { keepZero: true } },
      fsGroup: { type: 'int64', id: 5, options: { keepZero: true } },
      sysctls: { type: 'Sysctl', id: 7, rule: 'repeated' },
      fsGroupChangePolicy: { type: 'string', id: 9, options: { keepZero: true } },
      seccompProfile: { type: 'SeccompProfile', id: 10 },
      appArmorProfile: { type: 'AppArmorProfile', id: 11 },
      seLinuxChangePolicy: { type: 'string', id: 13, options: { keepZero: true } },
    },
  },
  Affinity: {
    fields: {
      nodeAffinity: { type: 'NodeAffinity', id: 1 },
      podAffinity: { type: 'PodAffinity', id: 2 },
      podAntiAffinity: { type: 'PodAntiAffinity', id: 3 },
    },
  },
  Toleration: {
    fields: {
      key: { type: 'string', id: 1 },
      operator: { type: 'string', id: 2 },
      value: { type: 'string', id: 3 },
      effect: { type: 'string', id: 4 },
      tolerationSeconds: { type: 'int64', id: 5, options: { keepZero: true } },
    },
  },
  HostAlias: {
    fields: {
      ip: { type: 'string', id: 1, options: { keepZero: true } },
      hostnames: { type: 'string', id: 2, rule: 'repeated' },
    },
  },
  PodDNSConfig: {
    fields: {
      nameservers: { type: 'string', id: 1, rule: 'repeated' },
      searches: { type: 'string', id: 2, rule: 'repeated' },
      options: { type: 'PodDNSConfigOption', id: 3, rule: 'repeated' },
    },
  },
  PodReadinessGate: { fields: { conditionType: { type: 'string', id: 1, options: { keepZero: true } } } },
  TopologySpreadConstraint: {
    fields: {
      maxSkew: { type: 'int32', id: 1, options: { keepZero: true } },
      topologyKey: { type: 'string', id: 2, options: { keepZero: true } },
      whenUnsatisfiable: { type: 'string', id: 3, options: { keepZero: true } },
      labelSelector: { type: 'LabelSelector', id: 4 },
      minDomains: { type: 'int32', id: 5, options: { keepZero: true } },
      nodeAffinityPolicy: { type: 'string', id: 6, options: { keepZero: true } },
      nodeTaintsPolicy: { type: 'string', id: 7, options: { keepZero: true } },
      matchLabelKeys: { type: 'string', id: 8, rule: 'repeated' },
    },
  },
  PodOS: { fields: { name: { type: 'string', id: 1, options: { keepZero: true } } } },
  PodSchedulingGate: { fields: { name: { type: 'string', id: 1, options: { keepZero: true } } } },
  PodResourceClaim: {
    fields: {
      name: { type: 'string', id: 1, options: { keepZero: true } },
      resourceClaimName: { type: 'string', id: 3, options: { keepZero: true } },
      resourceClaimTemplateName: { type: 'string', id: 4, options: { keepZero: true } },
    },
  },
  Sysctl: {
    fields: {
      name: { type: 'string', id: 1, options: { keepZero: true } },
      value: { type: 'string', id: 2, options: { keepZero: true } },
    },
  },
  NodeAffinity: {
    fields: {
      requiredDuringSchedulingIgnoredDuringExecution: { type: 'NodeSelector', id: 1 },
      preferredDuringSchedulingIgnoredDuringExecution: { type: 'PreferredSchedulingTerm', id: 2, rule: 'repeated' },
    },
  },
  PodAffinity: {
    fields: {
      requiredDuringSchedulingIgnoredDuringExecution: { type: 'PodAffinityTerm', id: 1, rule: 'repeated' },
      preferredDuringSchedulingIgnoredDuringExecution: { type: 'WeightedPodAffinityTerm', id: 2, rule: 'repeated' },
    },
  },
  PodAntiAffinity: {
    fields: {
      requiredDuringSchedulingIgnoredDuringExecution: { type: 'PodAffinityTerm', id: 1, rule: 'repeated' },
      preferredDuringSchedulingIgnoredDuringExecution: { type: 'WeightedPodAffinityTerm', id: 2, rule: 'repeated' },
    },
  },
  PodDNSConfigOption: {
    fields: {
      name: { type: 'string', id: 1 },
      value: { type: 'string', id: 2, options: { keepZero: true } },
    },
  },
  NodeSelector: { fields: { nodeSelectorTerms: { type: 'NodeSelectorTerm', id: 1, rule: 'repeated' } } },
  PreferredSchedulingTerm: {
    fields: {
      weight: { type: 'int32', id: 1, options: { keepZero: true } },
      preference: { type: 'NodeSelectorTerm', id: 2 },
    },
  },
  PodAffinityTerm: {
    fields: {
      labelSelector: { type: 'LabelSelector', id: 1 },
      namespaces: { type: 'string', id: 2, rule: 'repeated' },
      topologyKey: { type: 'string', id: 3, options: { keepZero: true } },
      namespaceSelector: { type: 'LabelSelector', id: 4 },
      matchLabelKeys: { type: 'string', id: 5, rule: 'repeated' },
      mismatchLabelKeys: { type: 'string', id: 6, rule: 'repeated' },
    },
  },
  WeightedPodAffinityTerm: {
    fields: {
      weight: { type: 'int32', id: 1, options: { keepZero: true } },
      podAffinityTerm: { type: 'PodAffinityTerm', id: 2 },
    },
  },
  NodeSelectorTerm: {
    fields: {
      matchExpressions: { type: 'NodeSelectorRequirement', id: 1, rule: 'repeated' },
      matchFields: { type: 'NodeSelectorRequirement', id: 2, rule: 'repeated' },
    },
  },
  NodeSelectorRequirement: {
    fields: {
      key: { type: 'string', id: 1, options: { keepZero: true } },
      operator: { type: 'string', id: 2, options: { keepZero: true } },
      values: { type: 'string', id: 3, rule: 'repeated' },
    },
  },
};
