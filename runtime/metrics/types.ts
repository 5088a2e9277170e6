import type { UsagePoint } from './usage';

/** One running container's counters, as a kubelet reports them. */
export interface ContainerUsageReport {
  name: string;
  point: UsagePoint;
}

/** One pod's running containers, as a kubelet reports them. */
export interface PodUsageReport {
  namespace: string;
  name: string;
  containers: ContainerUsageReport[];
}

/**
 * What a kubelet's resource metrics endpoint (`/metrics/resource`) answers: the node's name and
 * the counters of every running container of its pods.
 */
export interface NodeUsageReport {
  node: string;
  pods: PodUsageReport[];
}

/** One container's usage over a window, as metrics.k8s.io serves it. */
export interface ContainerMetricsValue {
  name: string;
  /** CPU in nanocores (the rate over the window). */
  cpuNanoCores: number;
  /** Working set in bytes. */
  memoryBytes: number;
}

/** A pod's metrics: when measured, over which window (ms), each container's usage. */
export interface PodMetricsValue {
  namespace: string;
  name: string;
  timestamp: number;
  windowMs: number;
  containers: ContainerMetricsValue[];
}

/** A node's metrics: when measured, over which window (ms), and its usage. */
export interface NodeMetricsValue {
  name: string;
  timestamp: number;
  windowMs: number;
  cpuNanoCores: number;
  memoryBytes: number;
}

/**
 * What the API server serves metrics.k8s.io from (an aggregated API: the metrics-server). The
 * API server asks it, never its storage; the group is in discovery only while `available()`.
 */
export interface MetricsProvider {
  /** True while the APIService is available (the addon enabled and its server running). */
  available(): boolean;
  /** The pods with metrics, of `namespace` (all namespaces when undefined). */
  podMetrics(namespace?: string): PodMetricsValue[];
  /** The nodes with metrics. */
  nodeMetrics(): NodeMetricsValue[];
}
