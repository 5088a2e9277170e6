import type { LabelSelectorSpec } from './go-format';
import type { Taint, Toleration } from './meta-lines';

/**
 * The fields of Kubernetes objects, as JSON, that the describers read. Every field is optional,
 * as in the wire format; describers print Go's zero values for missing ones.
 */
export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  ownerReferences?: Array<{ kind: string; name: string; uid: string; controller?: boolean; apiVersion?: string }>;
}

/** Any object: metadata plus whatever else it holds. */
export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

/** A condition as most statuses hold them. */
export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastHeartbeatTime?: string;
  lastUpdateTime?: string;
  lastProbeTime?: string;
}

/** v1.ResourceRequirements. */
export interface Resources {
  limits?: Record<string, string>;
  requests?: Record<string, string>;
}

/** v1.Probe. */
export interface Probe {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port?: number | string; host?: string; scheme?: string };
  tcpSocket?: { port?: number | string; host?: string };
  grpc?: { port: number; service?: string };
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

/** v1.EnvVar. */
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { apiVersion?: string; fieldPath: string };
    resourceFieldRef?: { containerName?: string; resource: string; divisor?: string };
    secretKeyRef?: { name?: string; key: string; optional?: boolean };
    configMapKeyRef?: { name?: string; key: string; optional?: boolean };
  };
}

/** v1.Container. */
export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: Array<{ name?: string; containerPort: number; hostPort?: number; protocol?: string }>;
  env?: EnvVar[];
  envFrom?: Array<{
    prefix?: string;
    configMapRef?: { name?: string; optional?: boolean };
    secretRef?: { name?: string; optional?: boolean };
  }>;
  resources?: Resources;
  volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean; subPath?: string }>;
  volumeDevices?: Array<{ name: string; devicePath: string }>;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  restartPolicy?: string;
  securityContext?: { seccompProfile?: { type: string; localhostProfile?: string } };
}

/** v1.ContainerState. */
export interface ContainerState {
  running?: { startedAt?: string };
  waiting?: { reason?: string; message?: string };
  terminated?: {
    reason?: string;
    message?: string;
    exitCode?: number;
    signal?: number;
    startedAt?: string;
    finishedAt?: string;
  };
}

/** v1.ContainerStatus. */
export interface ContainerStatus {
  name: string;
  containerID?: string;
  image?: string;
  imageID?: string;
  state?: ContainerState;
  lastState?: ContainerState;
  ready?: boolean;
  restartCount?: number;
}

/** v1.Volume (the sources describe knows by name). */
export interface Volume {
  name: string;
  [source: string]: unknown;
}

/** v1.PodSpec. */
export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  ephemeralContainers?: Container[];
  volumes?: Volume[];
  nodeName?: string;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  serviceAccountName?: string;
  priority?: number;
  priorityClassName?: string;
  runtimeClassName?: string;
  readinessGates?: Array<{ conditionType: string }>;
  securityContext?: { seccompProfile?: { type: string; localhostProfile?: string } };
  topologySpreadConstraints?: Array<{
    topologyKey: string;
    whenUnsatisfiable: string;
    maxSkew: number;
    labelSelector?: LabelSelectorSpec;
  }>;
  resources?: Resources;
  overhead?: Record<string, string>;
  restartPolicy?: string;
}

/** v1.PodTemplateSpec. */
export interface PodTemplate {
  metadata?: ObjectMeta;
  spec?: PodSpec;
}

/** v1.Pod. */
export interface Pod extends KubeObject {
  spec?: PodSpec;
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    hostIP?: string;
    podIP?: string;
    podIPs?: Array<{ ip: string }>;
    startTime?: string;
    nominatedNodeName?: string;
    qosClass?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
    ephemeralContainerStatuses?: ContainerStatus[];
  };
}

/** A list reply. */
export interface ObjectList<T> {
  metadata?: { continue?: string; resourceVersion?: string };
  items: T[];
}

/** v1.Event (core). */
export interface CoreEvent extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
  source?: { component?: string; host?: string };
  reportingComponent?: string;
}

export type { LabelSelectorSpec, Taint, Toleration };
