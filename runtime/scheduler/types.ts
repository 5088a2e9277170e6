import type { KubeObject } from '../api/object';
import type { LabelSelectorSpec } from '../controllers/pods';

/** core/v1 ResourceList as JSON: resource name → quantity text. */
export type ResourceList = Record<string, string>;

/** core/v1 Container, the fields the scheduler reads. */
export interface Container {
  name: string;
  resources?: { requests?: ResourceList; limits?: ResourceList };
  ports?: Array<{ containerPort?: number; hostPort?: number; hostIP?: string; protocol?: string }>;
  /** `Always` makes an init container a sidecar (restartable init container). */
  restartPolicy?: string;
}

/** core/v1 Toleration. */
export interface Toleration {
  key?: string;
  operator?: 'Exists' | 'Equal';
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** core/v1 Taint. */
export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** core/v1 NodeSelectorRequirement. */
export interface NodeSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';
  values?: string[];
}

/** core/v1 NodeSelectorTerm: its expressions and fields are ANDed. */
export interface NodeSelectorTerm {
  matchExpressions?: NodeSelectorRequirement[];
  matchFields?: NodeSelectorRequirement[];
}

/** core/v1 PodAffinityTerm. */
export interface PodAffinityTerm {
  labelSelector?: LabelSelectorSpec;
  namespaces?: string[];
  namespaceSelector?: LabelSelectorSpec;
  topologyKey: string;
}

/** core/v1 Affinity. */
export interface Affinity {
  nodeAffinity?: {
    requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: NodeSelectorTerm[] };
    preferredDuringSchedulingIgnoredDuringExecution?: Array<{ weight: number; preference: NodeSelectorTerm }>;
  };
  podAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[] };
  podAntiAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: PodAffinityTerm[] };
}

/** core/v1 PodCondition. */
export interface PodCondition {
  type: string;
  status: string;
  lastProbeTime?: string | null;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** A pod as the scheduler reads it. */
export interface Pod extends KubeObject {
  spec?: {
    nodeName?: string;
    schedulerName?: string;
    nodeSelector?: Record<string, string>;
    affinity?: Affinity;
    tolerations?: Toleration[];
    containers?: Container[];
    initContainers?: Container[];
    overhead?: ResourceList;
    priority?: number;
    preemptionPolicy?: string;
    [field: string]: unknown;
  };
  status?: {
    phase?: string;
    conditions?: PodCondition[];
    nominatedNodeName?: string;
    [field: string]: unknown;
  };
}

/** A node as the scheduler reads it. */
export interface Node extends KubeObject {
  spec?: { unschedulable?: boolean; taints?: Taint[]; [field: string]: unknown };
  status?: { allocatable?: ResourceList; capacity?: ResourceList; [field: string]: unknown };
}

/**
 * framework.Code: how a plugin answered. `Unschedulable` may be resolved by preempting pods;
 * `UnschedulableAndUnresolvable` may not (preemption skips such nodes).
 */
export type Code = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** framework.Status of a Filter call that rejected a node: its code, reasons and plugin. */
export interface FilterStatus {
  code: Exclude<Code, 'Success'>;
  reasons: string[];
  plugin: string;
}

/** The name of the scheduler profile kubeplay runs (the only one in minikube). */
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';
