// k8s.io/api/core/v1: Container and EphemeralContainer with everything they hold: ports, env and
// its sources, resources, probes, lifecycle hooks, the security context and resize/restart policies.
import type { MessageDescriptors } from './schema';

export const CONTAINER_MESSAGES: MessageDescriptors = {
  EphemeralContainer: {
    fields: {
      ephemeralContainerCommon: { type: 'EphemeralContainerCommon', id: 1, options: { inline: true } },
      targetContainerName: { type: 'string', id: 2 },
    },
  },
  EphemeralContainerCommon: {
    fields: {
      name: { type: 'string', id: 1, options: { keepZero: true } },
      image: { type: 'string', id: 2 },
      command: { type: 'string', id: 3, rule: 'repeated' },
      args: { type: 'string', id: 4, rule: 'repeated' },
      workingDir: { type: 'string', id: 5 },
      ports: { type: 'ContainerPort', id: 6, rule: 'repeated' },
      envFrom: { type: 'EnvFromSource', id: 19, rule: 'repeated' },
      env: { type: 'EnvVar', id: 7, rule: 'repeated' },
      resources: { type: 'ResourceRequirements', id: 8 },
      resizePolicy: { type: 'ContainerResizePolicy', id: 23, rule: 'repeated' },
      restartPolicy: { type: 'string', id: 24, options: { keepZero: true } },
      restartPolicyRules: { type: 'ContainerRestartRule', id: 25, rule: 'repeated' },
      volumeMounts: { type: 'VolumeMount', id: 9, rule: 'repeated' },
      volumeDevices: { type: 'VolumeDevice', id: 21, rule: 'repeated' },
      livenessProbe: { type: 'Probe', id: 10 },
      readinessProbe: { type: 'Probe', id: 11 },
      startupProbe: { type: 'Probe', id: 22 },
      lifecycle: { type: 'Lifecycle', id: 12 },
      terminationMessagePath: { type: 'string', id: 13 },
      terminationMessagePolicy: { type: 'string', id: 20 },
      imagePullPolicy: { type: 'string', id: 14 },
      securityContext: { type: 'SecurityContext', id: 15 },
      stdin: { type: 'bool', id: 16 },
      stdinOnce: { type: 'bool', id: 17 },
      tty: { type: 'bool', id: 18 },
    },
  },
  Container: {
    fields: {
      name: { type: 'string', id: 1, options: { keepZero: true } },
      image: { type: 'string', id: 2 },
      command: { type: 'string', id: 3, rule: 'repeated' },
      args: { type: 'string', id: 4, rule: 'repeated' },
      workingDir: { type: 'string', id: 5 },
      ports: { type: 'ContainerPort', id: 6, rule: 'repeated' },
      envFrom: { type: 'EnvFromSource', id: 19, rule: 'repeated' },
      env: { type: 'EnvVar', id: 7, rule: 'repeated' },
      resources: { type: 'ResourceRequirements', id: 8 },
      resizePolicy: { type: 'ContainerResizePolicy', id: 23, rule: 'repeated' },
      restartPolicy: { type: 'string', id: 24, options: { keepZero: true } },
      restartPolicyRules: { type: 'ContainerRestartRule', id: 25, rule: 'repeated' },
      volumeMounts: { type: 'VolumeMount', id: 9, rule: 'repeated' },
      volumeDevices: { type: 'VolumeDevice', id: 21, rule: 'repeated' },
      livenessProbe: { type: 'Probe', id: 10 },
      readinessProbe: { type: 'Probe', id: 11 },
      startupProbe: { type: 'Probe', id: 22 },
      lifecycle: { type: 'Lifecycle', id: 12 },
      terminationMessagePath: { type: 'string', id: 13 },
      terminationMessagePolicy: { type: 'string', id: 20 },
      imagePullPolicy: { type: 'string', id: 14 },
      securityContext: { type: 'SecurityContext', id: 15 },
      stdin: { type: 'bool', id: 16 },
      stdinOnce: { type: 'bool', id: 17 },
      tty: { type: 'bool', id: 18 },
    },
  },
  ResourceRequirements: {
    fields: {
      limits: { keyType: 'string', type: 'Quantity', id: 1 },
      requests: { keyType: 'string', type: 'Quantity', id: 2 },
      claims: { type: 'ResourceClaim', id: 3, rule: 'repeated' },
    },
  },
  ContainerPort: {
    fields: {
      name: { type: 'string', id: 1 },
      hostPort: { type: 'int32', id: 2 },
      containerPort: { type: 'int32', id: 3, options: { keepZero: true } },
      protocol: { type: 'string', id: 4 },
      hostIP: { type: 'string', id: 5 },
    },
  },
  EnvFromSource: {
    fields: {
      prefix: { type: 'string', id: 1 },
      configMapRef: { type: 'ConfigMapEnvSource', id: 2 },
      secretRef: { type: 'SecretEnvSource', id: 3 },
    },
  },
  EnvVar: {
    fields: {
      name: { type: 'string', id: 1, options: { keepZero: true } },
      value: { type: 'string', id: 2 },
      valueFrom: { type: 'EnvVarSource', id: 3 },
    },
  },
  ContainerResizePolicy: {
    fields: {
      resourceName: { type: 'string', id: 1, options: { keepZero: true } },
      restartPolicy: { type: 'string', id: 2, options: { keepZero: true } },
    },
  },
  ContainerRestartRule: {
    fields: {
      action: { type: 'string', id: 1 },
      exitCodes: { type: 'ContainerRestartRuleOnExitCodes', id: 2 },
    },
  },
  Probe: {
    fields: {
      handler: { type: 'ProbeHandler', id: 1, options: { inline: true } },
      initialDelaySeconds: { type: 'int32', id: 2 },
      timeoutSeconds: { type: 'int32', id: 3 },
      periodSeconds: { type: 'int32', id: 4 },
      successThreshold: { type: 'int32', id: 5 },
      failureThreshold: { type: 'int32', id: 6 },
      terminationGracePeriodSeconds: { type: 'int64', id: 7, options: { keepZero: true } },
    },
  },
  Lifecycle: {
    fields: {
      postStart: { type: 'LifecycleHandler', id: 1 },
      preStop: { type: 'LifecycleHandler', id: 2 },
      stopSignal: { type: 'string', id: 3, options: { keepZero: true } },
    },
  },
  SecurityContext: {
    fields: {
      capabilities: { type: 'Capabilities', id: 1 },
      privileged: { type: 'bool', id: 2, options: { keepZero: true } },
      seLinuxOptions: { type: 'SELinuxOptions', id: 3 },
      windowsOptions: { type: 'WindowsSecurityContextOptions', id: 10 },
      runAsUser: { type: 'int64', id: 4, options: { keepZero: true } },
      runAsGroup: { type: 'int64', id: 8, options: { keepZero: true } },
      runAsNonRoot: { type: 'bool', id: 5, options: { keepZero: true } },
      readOnlyRootFilesystem: { type: 'bool', id: 6, options: { keepZero: true } },
      allowPrivilegeEscalation: { type: 'bool', id: 7, options: { keepZero: true } },
      procMount: { type: 'string', id: 9, options: { keepZero: true } },
      seccompProfile: { type: 'SeccompProfile', id: 11 },
      appArmorProfile: { type: 'AppArmorProfile', id: 12 },
    },
  },
  SELinuxOptions: {
    fields: {
      user: { type: 'string', id: 1 },
      role: { type: 'string', id: 2 },
      type: { type: 'string', id: 3 },
      level: { type: 'string', id: 4 },
    },
  },
  WindowsSecurityContextOptions: {
    fields: {
      gmsaCredentialSpecName: { type: 'string', id: 1, options: { keepZero: true } },
      gmsaCredentialSpec: { type: 'string', id: 2, options: { keepZero: true } },
      runAsUserName: { type: 'string', id: 3, options: { keepZero: true } },
      hostProcess: { type: 'bool', id: 4, options: { keepZero: true } },
    },
  },
  SeccompProfile: {
    fields: {
      type: { type: 'string', id: 1, options: { keepZero: true } },
      localhostProfile: { type: 'string', id: 2, options: { keepZero: true } },
    },
  },
  AppArmorProfile: {
    fields: {
      type: { type: 'string', id: 1, options: { keepZero: true } },
      localhostProfile: { type: 'string', id: 2, options: { keepZero: true } },
    },
  },
  ResourceClaim: {
    fields: {
      name: { type: 'string', id: 1, options: { keepZero: true } },
      request: { type: 'string', id: 2 },
    },
  },
  ConfigMapEnvSource: {
    fields: {
      localObjectReference: { type: 'LocalObjectReference', id: 1, options: { inline: true } },
      optional: { type: 'bool', id: 2, options: { keepZero: true } },
    },
  },
  SecretEnvSource: {
    fields: {
      localObjectReference: { type: 'LocalObjectReference', id: 1, options: { inline: true } },
      optional: { type: 'bool', id: 2, options: { keepZero: true } },
    },
  },
  EnvVarSource: {
    fields: {
      fieldRef: { type: 'ObjectFieldSelector', id: 1 },
      resourceFieldRef: { type: 'ResourceFieldSelector', id: 2 },
      configMapKeyRef: { type: 'ConfigMapKeySelector', id: 3 },
      secretKeyRef: { type: 'SecretKeySelector', id: 4 },
      fileKeyRef: { type: 'FileKeySelector', id: 5 },
    },
  },
  ContainerRestartRuleOnExitCodes: {
    fields: {
      operator: { type: 'string', id: 1 },
      values: { type: 'int32', id: 2, rule: 'repeated' },
    },
  },
  ProbeHandler: {
    fields: {
      exec: { type: 'ExecAction', id: 1 },
      httpGet: { type: 'HTTPGetAction', id: 2 },
      tcpSocket: { type: 'TCPSocketAction', id: 3 },
      grpc: { type: 'GRPCAction', id: 4 },
    },
  },
  LifecycleHandler: {
    fields: {
      exec: { type: 'ExecAction', id: 1 },
      httpGet: { type: 'HTTPGetAction', id: 2 },
      tcpSocket: { type: 'TCPSocketAction', id: 3 },
      sleep: { type: 'SleepAction', id: 4 },
    },
  },
  Capabilities: {
    fields: {
      add: { type: 'string', id: 1, rule: 'repeated' },
      drop: { type: 'string', id: 2, rule: 'repeated' },
    },
  },
  ObjectFieldSelector: {
    fields: {
      apiVersion: { type: 'string', id: 1 },
      fieldPath: { type: 'string', id: 2, options: { keepZero: true } },
    },
  },
  ResourceFieldSelector: {
    fields: {
      containerName: { type: 'string', id: 1 },
      resource: { type: 'string', id: 2, options: { keepZero: true } },
      divisor: { type: 'Quantity', id: 3 },
    },
  },
  ConfigMapKeySelector: {
    fields: {
      localObjectReference: { type: 'LocalObjectReference', id: 1, options: { inline: true } },
      key: { type: 'string', id: 2, options: { keepZero: true } },
      optional: { type: 'bool', id: 3, options: { keepZero: true } },
    },
  },
  SecretKeySelector: {
    fields: {
      localObjectReference: { type: 'LocalObjectReference', id: 1, options: { inline: true } },
      key: { type: 'string', id: 2, options: { keepZero: true } },
      optional: { type: 'bool', id: 3, options: { keepZero: true } },
    },
  },
  FileKeySelector: {
    fields: {
      volumeName: { type: 'string', id: 1, options: { keepZero: true } },
      path: { type: 'string', id: 2, options: { keepZero: true } },
      key: { type: 'string', id: 3, options: { keepZero: true } },
      optional: { type: 'bool', id: 4, options: { keepZero: true } },
    },
  },
  ExecAction: { fields: { command: { type: 'string', id: 1, rule: 'repeated' } } },
  HTTPGetAction: {
    fields: {
      path: { type: 'string', id: 1 },
      port: { type: 'IntOrString', id: 2 },
      host: { type: 'string', id: 3 },
      scheme: { type: 'string', id: 4 },
      httpHeaders: { type: 'HTTPHeader', id: 5, rule: 'repeated' },
    },
  },
  TCPSocketAction: { fields: { port: { type: 'IntOrString', id: 1 }, host: { type: 'string', id: 2 } } },
  GRPCAction: {
    fields: {
      port: { type: 'int32', id: 1, options: { keepZero: true } },
      service: { type: 'string', id: 2, options: { keepZero: true } },
    },
  },
  SleepAction: { fields: { seconds: { type: 'int64', id: 1, options: { keepZero: true } } } },
  HTTPHeader: {
    fields: {
      name: { type: 'string', id: 1, options: { keepZero: true } },
      value: { type: 'string', id: 2, options: { keepZero: true } },
    },
  },
};
