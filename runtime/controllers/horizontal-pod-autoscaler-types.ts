import type { KubeObject } from '../api/object';

/** autoscaling/v2 MetricTarget. */
export interface MetricTarget {
  type?: 'Utilization' | 'Value' | 'AverageValue' | string;
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

/** autoscaling/v2 MetricValueStatus. */
export interface MetricValueStatus {
  value?: string;
  averageValue?: string;
  averageUtilization?: number;
}

/** autoscaling/v2 MetricSpec (the controller computes Resource and ContainerResource metrics). */
export interface MetricSpec {
  type: string;
  resource?: { name: string; target: MetricTarget };
  containerResource?: { name: string; container: string; target: MetricTarget };
  pods?: unknown;
  object?: unknown;
  external?: unknown;
}

/** autoscaling/v2 MetricStatus: `{type: ""}` for a metric that could not be computed. */
export interface MetricStatus {
  type: string;
  resource?: { name: string; current: MetricValueStatus };
  containerResource?: { name: string; container: string; current: MetricValueStatus };
}

/** autoscaling/v2 HPAScalingPolicy. */
export interface ScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

/** autoscaling/v2 HPAScalingRules. */
export interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  policies?: ScalingPolicy[];
}

/** autoscaling/v2 HorizontalPodAutoscalerCondition. */
export interface HpaCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** autoscaling/v2 HorizontalPodAutoscaler, the fields the controller reads and writes. */
export interface HorizontalPodAutoscaler extends KubeObject {
  spec?: {
    scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string };
    minReplicas?: number;
    maxReplicas?: number;
    metrics?: MetricSpec[];
    behavior?: { scaleUp?: ScalingRules; scaleDown?: ScalingRules };
  };
  status?: {
    observedGeneration?: number;
    lastScaleTime?: string;
    currentReplicas?: number;
    desiredReplicas?: number;
    currentMetrics?: MetricStatus[];
    conditions?: HpaCondition[];
  };
}

/** autoscaling/v1 Scale, as the scale subresource answers. */
export interface Scale extends KubeObject {
  spec?: { replicas?: number };
  status?: { replicas?: number; selector?: string };
}

/** One pod's metric: its value in milli-units (millicores, milli-bytes), when measured and over how long (windowMs). */
export interface PodMetric {
  timestamp: number;
  windowMs: number;
  value: number;
}

/** Pod metrics by pod name. */
export type PodMetricsInfo = Map<string, PodMetric>;

/** The default scale-up rules (GenerateHPAScaleUpRules): at once, 4 pods or 100% every 15 s, whichever is more. */
export function defaultScaleUpRules(): Required<ScalingRules> {
  return {
    stabilizationWindowSeconds: 0,
    selectPolicy: 'Max',
    policies: [
      { type: 'Pods', value: 4, periodSeconds: 15 },
      { type: 'Percent', value: 100, periodSeconds: 15 },
    ],
  };
}

/** The default scale-down rules (GenerateHPAScaleDownRules): 100% every 15 s; the window is the controller's. */
export function defaultScaleDownRules(): ScalingRules {
  return { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };
}

/** copyHPAScalingRules: the fields `from` sets over the defaults. */
export function withDefaults(from: ScalingRules | undefined, defaults: ScalingRules): ScalingRules {
  if (!from) return defaults;
  return {
    selectPolicy: from.selectPolicy ?? defaults.selectPolicy,
    stabilizationWindowSeconds: from.stabilizationWindowSeconds ?? defaults.stabilizationWindowSeconds,
    policies: from.policies ?? defaults.policies,
  };
}
