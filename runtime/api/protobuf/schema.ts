// The Kubernetes protobuf schema kubeplay decodes, as data: a protobufjs JSON descriptor (what
// `Root.fromJSON` takes). Field numbers, names and types are those of the Kubernetes v1.34
// generated.proto files of the packages k8s.io/api/core/v1, apps/v1, authentication/v1,
// authorization/v1, autoscaling/v1 and v2, batch/v1, rbac/v1, networking/v1, scheduling/v1 and
// policy/v1, and k8s.io/apimachinery/pkg/apis/meta/v1, pkg/api/resource, pkg/util/intstr and
// pkg/runtime. Which fields are Go pointers or lack `omitempty` comes from the Go types of the
// same packages. Field names are those of the Kubernetes JSON (the proto names already are,
// except BoundObjectReference.uid). All messages share one flat namespace: their names are unique.
import { APPS_MESSAGES } from './schema-apps';
import { AUTOSCALING_MESSAGES } from './schema-autoscaling';
import { BATCH_MESSAGES } from './schema-batch';
import { CONTAINER_MESSAGES } from './schema-container';
import { CORE_MESSAGES } from './schema-core';
import { META_MESSAGES } from './schema-meta';
import { NETWORKING_MESSAGES } from './schema-networking';
import { POD_MESSAGES } from './schema-pod';
import { POD_STATUS_MESSAGES } from './schema-pod-status';
import { POLICY_MESSAGES } from './schema-policy';
import { RBAC_MESSAGES } from './schema-rbac';
import { VOLUME_MESSAGES } from './schema-volume';

/**
 * A protobufjs field descriptor. Two options of our own steer the conversion to JSON:
 * - `keepZero`: a scalar whose zero value is kept when it is on the wire, because the Go field is
 *   a pointer (so presence means "set", e.g. `replicas: 0`) or has no `omitempty` (so the JSON
 *   always shows it, e.g. `allowed: false`). Other zero scalars are Go's unset values and dropped.
 * - `inline`: an embedded Go struct whose fields the JSON shows in its parent (`json:",inline"`),
 *   e.g. Volume's volumeSource, Probe's handler or IngressRule's ingressRuleValue.
 */
export interface FieldDescriptor {
  type: string;
  id: number;
  rule?: 'repeated';
  keyType?: string;
  options?: { keepZero?: true; inline?: true };
}

/** Messages by name, each with its fields by JSON name. */
export type MessageDescriptors = Record<string, { fields: Record<string, FieldDescriptor> }>;

/** The message descriptors of all the groups, by name. */
export const KUBERNETES_MESSAGES: MessageDescriptors = {
  ...META_MESSAGES,
  ...CORE_MESSAGES,
  ...POD_MESSAGES,
  ...POD_STATUS_MESSAGES,
  ...CONTAINER_MESSAGES,
  ...VOLUME_MESSAGES,
  ...APPS_MESSAGES,
  ...BATCH_MESSAGES,
  ...RBAC_MESSAGES,
  ...NETWORKING_MESSAGES,
  ...POLICY_MESSAGES,
  ...AUTOSCALING_MESSAGES,
};

/**
 * All the messages, ready for `protobuf.Root.fromJSON`. Each is marked proto2, the syntax of the
 * Kubernetes protos: fields have explicit presence, so a zero value on the wire is decoded as
 * present (protobufjs takes a message without an edition for proto3, where it is not).
 */
export const KUBERNETES_PROTOBUF_SCHEMA: {
  nested: Record<string, { edition: 'proto2'; fields: Record<string, FieldDescriptor> }>;
} = {
  nested: Object.fromEntries(
    Object.entries(KUBERNETES_MESSAGES).map(([name, message]) => [name, { edition: 'proto2', ...message }]),
  ),
};
