// k8s.io/api/core/v1 Pod, which `kubectl debug` creates (a node debugger or a copy of a pod), and
// its PodStatus with the container statuses. The spec lives in schema-pod.ts.
import type { MessageDescriptors } from './schema';

const KEEP = { keepZero: true } as const;

export const POD_STATUS_MESSAGES: MessageDescriptors = {
  Pod: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'PodSpec', id: 2 },
      status: { type: 'PodStatus', id: 3 },
    },
  },
  PodStatus: {
    fields: {
      observedGeneration: { type: 'int64', id: 17 },
      phase: { type: 'string', id: 1 },
      conditions: { type: 'PodCondition', id: 2, rule: 'repeated' },
      message: { type: 'string', id: 3 },
      reason: { type: 'string', id: 4 },
      nominatedNodeName: { type: 'string', id: 11 },
      hostIP: { type: 'string', id: 5 },
      hostIPs: { type: 'HostIP', id: 16, rule: 'repeated' },
      podIP: { type: 'string', id: 6 },
      podIPs: { type: 'PodIP', id: 12, rule: 'repeated' },
      startTime: { type: 'Time', id: 7 },
      initContainerStatuses: { type: 'ContainerStatus', id: 10, rule: 'repeated' },
      containerStatuses: { type: 'ContainerStatus', id: 8, rule: 'repeated' },
      qosClass: { type: 'string', id: 9 },
      ephemeralContainerStatuses: { type: 'ContainerStatus', id: 13, rule: 'repeated' },
      resize: { type: 'string', id: 14 },
      resourceClaimStatuses: { type: 'PodResourceClaimStatus', id: 15, rule: 'repeated' },
      extendedResourceClaimStatus: { type: 'PodExtendedResourceClaimStatus', id: 18 },
    },
  },
  PodCondition: {
    fields: {
      type: { type: 'string', id: 1, options: KEEP },
      observedGeneration: { type: 'int64', id: 7 },
      status: { type: 'string', id: 2, options: KEEP },
      lastProbeTime: { type: 'Time', id: 3 },
      lastTransitionTime: { type: 'Time', id: 4 },
      reason: { type: 'string', id: 5 },
      message: { type: 'string', id: 6 },
    },
  },
  HostIP: { fields: { ip: { type: 'string', id: 1, options: KEEP } } },
  PodIP: { fields: { ip: { type: 'string', id: 1, options: KEEP } } },
  ContainerStatus: {
    fields: {
      name: { type: 'string', id: 1, options: KEEP },
      state: { type: 'ContainerState', id: 2 },
      lastState: { type: 'ContainerState', id: 3 },
      ready: { type: 'bool', id: 4, options: KEEP },
      restartCount: { type: 'int32', id: 5, options: KEEP },
      image: { type: 'string', id: 6, options: KEEP },
      imageID: { type: 'string', id: 7, options: KEEP },
      containerID: { type: 'string', id: 8 },
      started: { type: 'bool', id: 9, options: KEEP },
      allocatedResources: { keyType: 'string', type: 'Quantity', id: 10 },
      resources: { type: 'ResourceRequirements', id: 11 },
      volumeMounts: { type: 'VolumeMountStatus', id: 12, rule: 'repeated' },
      user: { type: 'ContainerUser', id: 13 },
      allocatedResourcesStatus: { type: 'ResourceStatus', id: 14, rule: 'repeated' },
      stopSignal: { type: 'string', id: 15, options: KEEP },
    },
  },
  ContainerState: {
    fields: {
      waiting: { type: 'ContainerStateWaiting', id: 1 },
      running: { type: 'ContainerStateRunning', id: 2 },
      terminated: { type: 'ContainerStateTerminated', id: 3 },
    },
  },
  ContainerStateWaiting: { fields: { reason: { type: 'string', id: 1 }, message: { type: 'string', id: 2 } } },
  ContainerStateRunning: { fields: { startedAt: { type: 'Time', id: 1 } } },
  ContainerStateTerminated: {
    fields: {
      exitCode: { type: 'int32', id: 1, options: KEEP },
      signal: { type: 'int32', id: 2 },
      reason: { type: 'string', id: 3 },
      message: { type: 'string', id: 4 },
      startedAt: { type: 'Time', id: 5 },
      finishedAt: { type: 'Time', id: 6 },
      containerID: { type: 'string', id: 7 },
    },
  },
  ContainerUser: { fields: { linux: { type: 'LinuxContainerUser', id: 1 } } },
  LinuxContainerUser: {
    fields: {
      uid: { type: 'int64', id: 1, options: KEEP },
      gid: { type: 'int64', id: 2, options: KEEP },
      supplementalGroups: { type: 'int64', id: 3, rule: 'repeated' },
    },
  },
  ResourceStatus: {
    fields: {
      name: { type: 'string', id: 1, options: KEEP },
      resources: { type: 'ResourceHealth', id: 2, rule: 'repeated' },
    },
  },
  ResourceHealth: {
    fields: { resourceID: { type: 'string', id: 1, options: KEEP }, health: { type: 'string', id: 2 } },
  },
  VolumeMountStatus: {
    fields: {
      name: { type: 'string', id: 1, options: KEEP },
      mountPath: { type: 'string', id: 2, options: KEEP },
      readOnly: { type: 'bool', id: 3 },
      recursiveReadOnly: { type: 'string', id: 4, options: KEEP },
    },
  },
  PodResourceClaimStatus: {
    fields: {
      name: { type: 'string', id: 1, options: KEEP },
      resourceClaimName: { type: 'string', id: 2, options: KEEP },
    },
  },
  PodExtendedResourceClaimStatus: {
    fields: {
      requestMappings: { type: 'ContainerExtendedResourceRequest', id: 1, rule: 'repeated' },
      resourceClaimName: { type: 'string', id: 2, options: KEEP },
    },
  },
  ContainerExtendedResourceRequest: {
    fields: {
      containerName: { type: 'string', id: 1, options: KEEP },
      resourceName: { type: 'string', id: 2, options: KEEP },
      requestName: { type: 'string', id: 3, options: KEEP },
    },
  },
};
