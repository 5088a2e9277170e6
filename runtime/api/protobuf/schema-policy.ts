// policy/v1 PodDisruptionBudget and Eviction (package k8s.io/api/policy/v1) and
// scheduling.k8s.io/v1 PriorityClass (package k8s.io/api/scheduling/v1), which has no spec: its
// fields are top-level.
import type { MessageDescriptors } from './schema';

export const POLICY_MESSAGES: MessageDescriptors = {
  PodDisruptionBudget: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'PodDisruptionBudgetSpec', id: 2 },
      status: { type: 'PodDisruptionBudgetStatus', id: 3 },
    },
  },
  Eviction: {
    fields: { metadata: { type: 'ObjectMeta', id: 1 }, deleteOptions: { type: 'DeleteOptions', id: 2 } },
  },
  PriorityClass: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      value: { type: 'int32', id: 2, options: { keepZero: true } },
      globalDefault: { type: 'bool', id: 3 },
      description: { type: 'string', id: 4 },
      preemptionPolicy: { type: 'string', id: 5, options: { keepZero: true } },
    },
  },
  PodDisruptionBudgetSpec: {
    fields: {
      minAvailable: { type: 'IntOrString', id: 1 },
      selector: { type: 'LabelSelector', id: 2 },
      maxUnavailable: { type: 'IntOrString', id: 3 },
      unhealthyPodEvictionPolicy: { type: 'string', id: 4, options: { keepZero: true } },
    },
  },
  PodDisruptionBudgetStatus: {
    fields: {
      observedGeneration: { type: 'int64', id: 1 },
      disruptedPods: { keyType: 'string', type: 'Time', id: 2 },
      disruptionsAllowed: { type: 'int32', id: 3, options: { keepZero: true } },
      currentHealthy: { type: 'int32', id: 4, options: { keepZero: true } },
      desiredHealthy: { type: 'int32', id: 5, options: { keepZero: true } },
      expectedPods: { type: 'int32', id: 6, options: { keepZero: true } },
      conditions: { type: 'Condition', id: 7, rule: 'repeated' },
    },
  },
};
