import { formatTime } from '../util/time';
import type { Json } from './pod-types';

/** What a node is registered with. */
export interface NodeSpec {
  name: string;
  ip: string;
  podCIDR: string;
  /** Node labels on top of the kubelet's own (arch, os, hostname). */
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  taints?: Json[];
  capacity?: Record<string, string>;
  /** `/etc/machine-id` and the boot id, fixed per node. */
  machineID: string;
  bootID: string;
}

/** minikube's docker-driver node: the host's 2 CPUs and about 4 GiB, 110 pods. */
export const DEFAULT_CAPACITY = {
  cpu: '2',
  'ephemeral-storage': '102625208Ki',
  'hugepages-1Gi': '0',
  'hugepages-2Mi': '0',
  memory: '4010032Ki',
  pods: '110',
};

/** The node's conditions as a healthy kubelet reports them (setters.go), at `now`. */
export function healthyConditions(now: number, since: number): Json[] {
  const at = formatTime(now);
  const from = formatTime(since);
  const condition = (type: string, status: string, reason: string, message: string): Json => ({
    lastHeartbeatTime: at,
    lastTransitionTime: from,
    message,
    reason,
    status,
    type,
  });
  return [
    condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

/** The Node object a kubelet registers (kubelet_node_status.go initialNode, then its status). */
export function nodeObject(spec: NodeSpec, now: number, images: Array<{ names: string[]; sizeBytes: number }>): Json {
  const capacity = spec.capacity ?? DEFAULT_CAPACITY;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': 'linux',
        ...spec.labels,
      },
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        ...spec.annotations,
      },
    },
    spec: { podCIDR: spec.podCIDR, podCIDRs: [spec.podCIDR], ...(spec.taints ? { taints: spec.taints } : {}) },
    status: {
      addresses: [
        { address: spec.ip, type: 'InternalIP' },
        { address: spec.name, type: 'Hostname' },
      ],
      allocatable: { ...capacity },
      capacity: { ...capacity },
      conditions: healthyConditions(now, now),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      images,
      nodeInfo: {
        architecture: 'amd64',
        bootID: spec.bootID,
        containerRuntimeVersion: 'docker://28.4.0',
        kernelVersion: '6.8.0-1044-azure',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.34.0',
        machineID: spec.machineID,
        operatingSystem: 'linux',
        osImage: 'Ubuntu 22.04.5 LTS',
        systemUUID: spec.bootID,
      },
    },
  };
}
