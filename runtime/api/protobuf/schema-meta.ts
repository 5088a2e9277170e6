// Messages of k8s.io/apimachinery: the runtime.Unknown envelope (package runtime), ObjectMeta and
// its parts, LabelSelector, FieldSelectorRequirement, DeleteOptions and Condition (package
// meta/v1), and the scalar wrappers resource.Quantity, metav1.Time and intstr.IntOrString, which
// decode.ts turns into their JSON forms (a string, an RFC 3339 string, a number or a string).
import type { MessageDescriptors } from './schema';

export const META_MESSAGES: MessageDescriptors = {
  Unknown: {
    fields: {
      typeMeta: { type: 'TypeMeta', id: 1 },
      raw: { type: 'bytes', id: 2 },
      contentEncoding: { type: 'string', id: 3 },
      contentType: { type: 'string', id: 4 },
    },
  },
  ObjectMeta: {
    fields: {
      name: { type: 'string', id: 1 },
      generateName: { type: 'string', id: 2 },
      namespace: { type: 'string', id: 3 },
      selfLink: { type: 'string', id: 4 },
      uid: { type: 'string', id: 5 },
      resourceVersion: { type: 'string', id: 6 },
      generation: { type: 'int64', id: 7 },
      creationTimestamp: { type: 'Time', id: 8 },
      deletionTimestamp: { type: 'Time', id: 9 },
      deletionGracePeriodSeconds: { type: 'int64', id: 10, options: { keepZero: true } },
      labels: { keyType: 'string', type: 'string', id: 11 },
      annotations: { keyType: 'string', type: 'string', id: 12 },
      ownerReferences: { type: 'OwnerReference', id: 13, rule: 'repeated' },
      finalizers: { type: 'string', id: 14, rule: 'repeated' },
      managedFields: { type: 'ManagedFieldsEntry', id: 17, rule: 'repeated' },
    },
  },
  TypeMeta: { fields: { apiVersion: { type: 'string', id: 1 }, kind: { type: 'string', id: 2 } } },
  Time: { fields: { seconds: { type: 'int64', id: 1 }, nanos: { type: 'int32', id: 2 } } },
  OwnerReference: {
    fields: {
      apiVersion: { type: 'string', id: 5, options: { keepZero: true } },
      kind: { type: 'string', id: 1, options: { keepZero: true } },
      name: { type: 'string', id: 3, options: { keepZero: true } },
      uid: { type: 'string', id: 4, options: { keepZero: true } },
      controller: { type: 'bool', id: 6, options: { keepZero: true } },
      blockOwnerDeletion: { type: 'bool', id: 7, options: { keepZero: true } },
    },
  },
  ManagedFieldsEntry: {
    fields: {
      manager: { type: 'string', id: 1 },
      operation: { type: 'string', id: 2 },
      apiVersion: { type: 'string', id: 3 },
      time: { type: 'Time', id: 4 },
      fieldsType: { type: 'string', id: 6 },
      fieldsV1: { type: 'FieldsV1', id: 7 },
      subresource: { type: 'string', id: 8 },
    },
  },
  Quantity: { fields: { string: { type: 'string', id: 1 } } },
  LabelSelector: {
    fields: {
      matchLabels: { keyType: 'string', type: 'string', id: 1 },
      matchExpressions: { type: 'LabelSelectorRequirement', id: 2, rule: 'repeated' },
    },
  },
  FieldsV1: { fields: { Raw: { type: 'bytes', id: 1 } } },
  LabelSelectorRequirement: {
    fields: {
      key: { type: 'string', id: 1, options: { keepZero: true } },
      operator: { type: 'string', id: 2, options: { keepZero: true } },
      values: { type: 'string', id: 3, rule: 'repeated' },
    },
  },
  IntOrString: {
    fields: {
      type: { type: 'int64', id: 1 },
      intVal: { type: 'int32', id: 2 },
      strVal: { type: 'string', id: 3 },
    },
  },
  FieldSelectorRequirement: {
    fields: {
      key: { type: 'string', id: 1, options: { keepZero: true } },
      operator: { type: 'string', id: 2, options: { keepZero: true } },
      values: { type: 'string', id: 3, rule: 'repeated' },
    },
  },
  DeleteOptions: {
    fields: {
      gracePeriodSeconds: { type: 'int64', id: 1, options: { keepZero: true } },
      preconditions: { type: 'Preconditions', id: 2 },
      orphanDependents: { type: 'bool', id: 3, options: { keepZero: true } },
      propagationPolicy: { type: 'string', id: 4, options: { keepZero: true } },
      dryRun: { type: 'string', id: 5, rule: 'repeated' },
      ignoreStoreReadErrorWithClusterBreakingPotential: { type: 'bool', id: 6, options: { keepZero: true } },
    },
  },
  Preconditions: {
    fields: {
      uid: { type: 'string', id: 1, options: { keepZero: true } },
      resourceVersion: { type: 'string', id: 2, options: { keepZero: true } },
    },
  },
  Condition: {
    fields: {
      type: { type: 'string', id: 1, options: { keepZero: true } },
      status: { type: 'string', id: 2, options: { keepZero: true } },
      observedGeneration: { type: 'int64', id: 3 },
      lastTransitionTime: { type: 'Time', id: 4 },
      reason: { type: 'string', id: 5, options: { keepZero: true } },
      message: { type: 'string', id: 6, options: { keepZero: true } },
    },
  },
};
