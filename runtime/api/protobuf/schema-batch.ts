// batch/v1 Job and CronJob with their specs, statuses and the pod failure and success policies
// (package k8s.io/api/batch/v1). The pod template is core/v1's, in schema-pod.ts.
import type { MessageDescriptors } from './schema';

export const BATCH_MESSAGES: MessageDescriptors = {
  Job: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'JobSpec', id: 2 },
      status: { type: 'JobStatus', id: 3 },
    },
  },
  CronJob: {
    fields: {
      metadata: { type: 'ObjectMeta', id: 1 },
      spec: { type: 'CronJobSpec', id: 2 },
      status: { type: 'CronJobStatus', id: 3 },
    },
  },
  JobSpec: {
    fields: {
      parallelism: { type: 'int32', id: 1, options: { keepZero: true } },
      completions: { type: 'int32', id: 2, options: { keepZero: true } },
      activeDeadlineSeconds: { type: 'int64', id: 3, options: { keepZero: true } },
      podFailurePolicy: { type: 'PodFailurePolicy', id: 11 },
      successPolicy: { type: 'SuccessPolicy', id: 16 },
      backoffLimit: { type: 'int32', id: 7, options: { keepZero: true } },
      backoffLimitPerIndex: { type: 'int32', id: 12, options: { keepZero: true } },
      maxFailedIndexes: { type: 'int32', id: 13, options: { keepZero: true } },
      selector: { type: 'LabelSelector', id: 4 },
      manualSelector: { type: 'bool', id: 5, options: { keepZero: true } },
      template: { type: 'PodTemplateSpec', id: 6 },
      ttlSecondsAfterFinished: { type: 'int32', id: 8, options: { keepZero: true } },
      completionMode: { type: 'string', id: 9, options: { keepZero: true } },
      suspend: { type: 'bool', id: 10, options: { keepZero: true } },
      podReplacementPolicy: { type: 'string', id: 14, options: { keepZero: true } },
      managedBy: { type: 'string', id: 15, options: { keepZero: true } },
    },
  },
  JobStatus: {
    fields: {
      conditions: { type: 'JobCondition', id: 1, rule: 'repeated' },
      startTime: { type: 'Time', id: 2 },
      completionTime: { type: 'Time', id: 3 },
      active: { type: 'int32', id: 4 },
      succeeded: { type: 'int32', id: 5 },
      failed: { type: 'int32', id: 6 },
      terminating: { type: 'int32', id: 11, options: { keepZero: true } },
      completedIndexes: { type: 'string', id: 7 },
      failedIndexes: { type: 'string', id: 10, options: { keepZero: true } },
      uncountedTerminatedPods: { type: 'UncountedTerminatedPods', id: 8 },
      ready: { type: 'int32', id: 9, options: { keepZero: true } },
    },
  },
  CronJobSpec: {
    fields: {
      schedule: { type: 'string', id: 1, options: { keepZero: true } },
      timeZone: { type: 'string', id: 8, options: { keepZero: true } },
      startingDeadlineSeconds: { type: 'int64', id: 2, options: { keepZero: true } },
      concurrencyPolicy: { type: 'string', id: 3 },
      suspend: { type: 'bool', id: 4, options: { keepZero: true } },
      jobTemplate: { type: 'JobTemplateSpec', id: 5 },
      successfulJobsHistoryLimit: { type: 'int32', id: 6, options: { keepZero: true } },
      failedJobsHistoryLimit: { type: 'int32', id: 7, options: { keepZero: true } },
    },
  },
  CronJobStatus: {
    fields: {
      active: { type: 'ObjectReference', id: 1, rule: 'repeated' },
      lastScheduleTime: { type: 'Time', id: 4 },
      lastSuccessfulTime: { type: 'Time', id: 5 },
    },
  },
  JobTemplateSpec: { fields: { metadata: { type: 'ObjectMeta', id: 1 }, spec: { type: 'JobSpec', id: 2 } } },
  JobCondition: {
    fields: {
      type: { type: 'string', id: 1, options: { keepZero: true } },
      status: { type: 'string', id: 2, options: { keepZero: true } },
      lastProbeTime: { type: 'Time', id: 3 },
      lastTransitionTime: { type: 'Time', id: 4 },
      reason: { type: 'string', id: 5 },
      message: { type: 'string', id: 6 },
    },
  },
  UncountedTerminatedPods: {
    fields: {
      succeeded: { type: 'string', id: 1, rule: 'repeated' },
      failed: { type: 'string', id: 2, rule: 'repeated' },
    },
  },
  PodFailurePolicy: { fields: { rules: { type: 'PodFailurePolicyRule', id: 1, rule: 'repeated' } } },
  SuccessPolicy: { fields: { rules: { type: 'SuccessPolicyRule', id: 1, rule: 'repeated' } } },
  PodFailurePolicyRule: {
    fields: {
      action: { type: 'string', id: 1, options: { keepZero: true } },
      onExitCodes: { type: 'PodFailurePolicyOnExitCodesRequirement', id: 2 },
      onPodConditions: { type: 'PodFailurePolicyOnPodConditionsPattern', id: 3, rule: 'repeated' },
    },
  },
  SuccessPolicyRule: {
    fields: {
      succeededIndexes: { type: 'string', id: 1, options: { keepZero: true } },
      succeededCount: { type: 'int32', id: 2, options: { keepZero: true } },
    },
  },
  PodFailurePolicyOnExitCodesRequirement: {
    fields: {
      containerName: { type: 'string', id: 1, options: { keepZero: true } },
      operator: { type: 'string', id: 2, options: { keepZero: true } },
      values: { type: 'int32', id: 3, rule: 'repeated' },
    },
  },
  PodFailurePolicyOnPodConditionsPattern: {
    fields: {
      type: { type: 'string', id: 1, options: { keepZero: true } },
      status: { type: 'string', id: 2, options: { keepZero: true } },
    },
  },
};
