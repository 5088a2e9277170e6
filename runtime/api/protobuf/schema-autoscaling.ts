// autoscaling/v2 HorizontalPodAutoscaler with its metrics and behavior (package
// k8s.io/api/autoscaling/v2), which `kubectl autoscale` sends, and the autoscaling/v1 one it falls
// back to (package autoscaling/v1; its messages carry a V1 suffix here, CrossVersionObjectReference
// is the same in both).
import type { MessageDescriptors } from './schema';

const KEEP = { keepZero: true } as const;

export const AUTOSCALING_MESSAGES: MessageDescriptors = {
  HorizontalPodAutoscaler: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'HorizontalPodAutoscalerSpec', id: 2 },
      status: { type: 'HorizontalPodAutoscalerStatus', id: 3 },
    },
  },
  HorizontalPodAutoscalerSpec: {
    fields: {
      scaleTargetRef: { type: 'CrossVersionObjectReference', id: 1 },
      minReplicas: { type: 'int32', id: 2, options: KEEP },
      maxReplicas: { type: 'int32', id: 3, options: KEEP },
      metrics: { type: 'MetricSpec', id: 4, rule: 'repeated' },
      behavior: { type: 'HorizontalPodAutoscalerBehavior', id: 5 },
    },
  },
  CrossVersionObjectReference: {
    fields: {
      kind: { type: 'string', id: 1, options: KEEP },
      name: { type: 'string', id: 2, options: KEEP },
      apiVersion: { type: 'string', id: 3 },
    },
  },
  MetricSpec: {
    fields: {
      type: { type: 'string', id: 1, options: KEEP },
      object: { type: 'ObjectMetricSource', id: 2 },
      pods: { type: 'PodsMetricSource', id: 3 },
      resource: { type: 'ResourceMetricSource', id: 4 },
      containerResource: { type: 'ContainerResourceMetricSource', id: 7 },
      external: { type: 'ExternalMetricSource', id: 5 },
    },
  },
  HorizontalPodAutoscalerBehavior: {
    fields: { scaleUp: { type: 'HPAScalingRules', id: 1 }, scaleDown: { type: 'HPAScalingRules', id: 2 } },
  },
  HPAScalingRules: {
    fields: {
      stabilizationWindowSeconds: { type: 'int32', id: 3, options: KEEP },
      selectPolicy: { type: 'string', id: 1, options: KEEP },
      policies: { type: 'HPAScalingPolicy', id: 2, rule: 'repeated' },
      tolerance: { type: 'Quantity', id: 4 },
    },
  },
  HPAScalingPolicy: {
    fields: {
      type: { type: 'string', id: 1, options: KEEP },
      value: { type: 'int32', id: 2, options: KEEP },
      periodSeconds: { type: 'int32', id: 3, options: KEEP },
    },
  },
  ObjectMetricSource: {
    fields: {
      describedObject: { type: 'CrossVersionObjectReference', id: 1 },
      target: { type: 'MetricTarget', id: 2 },
      metric: { type: 'MetricIdentifier', id: 3 },
    },
  },
  PodsMetricSource: {
    fields: { metric: { type: 'MetricIdentifier', id: 1 }, target: { type: 'MetricTarget', id: 2 } },
  },
  ResourceMetricSource: {
    fields: { name: { type: 'string', id: 1, options: KEEP }, target: { type: 'MetricTarget', id: 2 } },
  },
  ContainerResourceMetricSource: {
    fields: {
      name: { type: 'string', id: 1, options: KEEP },
      target: { type: 'MetricTarget', id: 2 },
      container: { type: 'string', id: 3, options: KEEP },
    },
  },
  ExternalMetricSource: {
    fields: { metric: { type: 'MetricIdentifier', id: 1 }, target: { type: 'MetricTarget', id: 2 } },
  },
  MetricIdentifier: {
    fields: { name: { type: 'string', id: 1, options: KEEP }, selector: { type: 'LabelSelector', id: 2 } },
  },
  MetricTarget: {
    fields: {
      type: { type: 'string', id: 1, options: KEEP },
      value: { type: 'Quantity', id: 2 },
      averageValue: { type: 'Quantity', id: 3 },
      averageUtilization: { type: 'int32', id: 4, options: KEEP },
    },
  },
  HorizontalPodAutoscalerStatus: {
    fields: {
      observedGeneration: { type: 'int64', id: 1, options: KEEP },
      lastScaleTime: { type: 'Time', id: 2 },
      currentReplicas: { type: 'int32', id: 3 },
      desiredReplicas: { type: 'int32', id: 4, options: KEEP },
      currentMetrics: { type: 'MetricStatus', id: 5, rule: 'repeated' },
      conditions: { type: 'HorizontalPodAutoscalerCondition', id: 6, rule: 'repeated' },
    },
  },
  HorizontalPodAutoscalerCondition: {
    fields: {
      type: { type: 'string', id: 1, options: KEEP },
      status: { type: 'string', id: 2, options: KEEP },
      lastTransitionTime: { type: 'Time', id: 3 },
      reason: { type: 'string', id: 4 },
      message: { type: 'string', id: 5 },
    },
  },
  MetricStatus: {
    fields: {
      type: { type: 'string', id: 1, options: KEEP },
      object: { type: 'ObjectMetricStatus', id: 2 },
      pods: { type: 'PodsMetricStatus', id: 3 },
      resource: { type: 'ResourceMetricStatus', id: 4 },
      containerResource: { type: 'ContainerResourceMetricStatus', id: 7 },
      external: { type: 'ExternalMetricStatus', id: 5 },
    },
  },
  ObjectMetricStatus: {
    fields: {
      metric: { type: 'MetricIdentifier', id: 1 },
      current: { type: 'MetricValueStatus', id: 2 },
      describedObject: { type: 'CrossVersionObjectReference', id: 3 },
    },
  },
  PodsMetricStatus: {
    fields: { metric: { type: 'MetricIdentifier', id: 1 }, current: { type: 'MetricValueStatus', id: 2 } },
  },
  ResourceMetricStatus: {
    fields: { name: { type: 'string', id: 1, options: KEEP }, current: { type: 'MetricValueStatus', id: 2 } },
  },
  ContainerResourceMetricStatus: {
    fields: {
      name: { type: 'string', id: 1, options: KEEP },
      current: { type: 'MetricValueStatus', id: 2 },
      container: { type: 'string', id: 3, options: KEEP },
    },
  },
  ExternalMetricStatus: {
    fields: { metric: { type: 'MetricIdentifier', id: 1 }, current: { type: 'MetricValueStatus', id: 2 } },
  },
  MetricValueStatus: {
    fields: {
      value: { type: 'Quantity', id: 1 },
      averageValue: { type: 'Quantity', id: 2 },
      averageUtilization: { type: 'int32', id: 3, options: KEEP },
    },
  },
  HorizontalPodAutoscalerV1: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'HorizontalPodAutoscalerSpecV1', id: 2 },
      status: { type: 'HorizontalPodAutoscalerStatusV1', id: 3 },
    },
  },
  HorizontalPodAutoscalerSpecV1: {
    fields: {
      scaleTargetRef: { type: 'CrossVersionObjectReference', id: 1 },
      minReplicas: { type: 'int32', id: 2, options: KEEP },
      maxReplicas: { type: 'int32', id: 3, options: KEEP },
      targetCPUUtilizationPercentage: { type: 'int32', id: 4, options: KEEP },
    },
  },
  HorizontalPodAutoscalerStatusV1: {
    fields: {
      observedGeneration: { type: 'int64', id: 1, options: KEEP },
      lastScaleTime: { type: 'Time', id: 2 },
      currentReplicas: { type: 'int32', id: 3, options: KEEP },
      desiredReplicas: { type: 'int32', id: 4, options: KEEP },
      currentCPUUtilizationPercentage: { type: 'int32', id: 5, options: KEEP },
    },
  },
};
