// Decodes request bodies sent as Kubernetes protobuf (Content-Type
// application/vnd.kubernetes.protobuf) into the JSON object the client would have sent as JSON.
// The body is the magic "k8s\0" followed by a runtime.Unknown envelope: the object's apiVersion
// and kind, and the object itself as a message of the type they name.
import protobuf from 'protobufjs/light';
import { base64 } from '../../util/sha256';
import { formatTime } from '../../util/time';
import { decodeUtf8 } from '../../util/utf8';
import { KUBERNETES_PROTOBUF_SCHEMA } from './schema';

/** The four bytes every Kubernetes protobuf body starts with: "k8s" and a zero byte. */
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

/** The message type of each `apiVersion/kind` this decoder knows. */
const MESSAGE_TYPES: Record<string, string> = {
  'v1/ResourceQuota': 'ResourceQuota',
  'v1/Namespace': 'Namespace',
  'v1/ConfigMap': 'ConfigMap',
  'v1/Secret': 'Secret',
  'v1/ServiceAccount': 'ServiceAccount',
  'v1/Service': 'Service',
  'v1/Pod': 'Pod',
  'apps/v1/Deployment': 'Deployment',
  'batch/v1/Job': 'Job',
  'batch/v1/CronJob': 'CronJob',
  'rbac.authorization.k8s.io/v1/Role': 'Role',
  'rbac.authorization.k8s.io/v1/RoleBinding': 'RoleBinding',
  'rbac.authorization.k8s.io/v1/ClusterRole': 'ClusterRole',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': 'ClusterRoleBinding',
  'networking.k8s.io/v1/Ingress': 'Ingress',
  'scheduling.k8s.io/v1/PriorityClass': 'PriorityClass',
  'policy/v1/PodDisruptionBudget': 'PodDisruptionBudget',
  'policy/v1/Eviction': 'Eviction',
  'autoscaling/v2/HorizontalPodAutoscaler': 'HorizontalPodAutoscaler',
  'autoscaling/v1/HorizontalPodAutoscaler': 'HorizontalPodAutoscalerV1',
  'authentication.k8s.io/v1/TokenRequest': 'TokenRequest',
  'authorization.k8s.io/v1/SelfSubjectAccessReview': 'SelfSubjectAccessReview',
  'authentication.k8s.io/v1/SelfSubjectReview': 'SelfSubjectReview',
  'authorization.k8s.io/v1/SelfSubjectRulesReview': 'SelfSubjectRulesReview',
};

/** Kinds every group version registers (metav1.AddToGroupVersion): any apiVersion will do. */
const META_TYPES: Record<string, string> = { DeleteOptions: 'DeleteOptions' };

/** The kinds `decodeKubernetesProtobuf` decodes, as `apiVersion/kind` (or `kind` for any version). */
export const PROTOBUF_KINDS: readonly string[] = [...Object.keys(MESSAGE_TYPES), ...Object.keys(META_TYPES)];

let root: protobuf.Root | undefined;

/** The schema's root, built once (on first use, so importing this module stays cheap). */
function schema(): protobuf.Root {
  if (!root) {
    root = protobuf.Root.fromJSON(KUBERNETES_PROTOBUF_SCHEMA);
    root.resolveAll();
  }
  return root;
}

/** Decodes one message, turning protobufjs's range errors into a clear message. */
function decodeMessage(type: protobuf.Type, bytes: Uint8Array, what: string): protobuf.Message {
  try {
    return type.decode(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`truncated or malformed Kubernetes protobuf body: cannot decode ${what} (${reason})`, {
      cause: error,
    });
  }
}

/**
 * Decodes a Kubernetes protobuf request body into `{ apiVersion, kind, object }`, where `object`
 * is the Kubernetes JSON of the object (with its apiVersion and kind). Throws an Error for a body
 * without the magic prefix, a truncated or malformed body and a kind this decoder does not know.
 */
export function decodeKubernetesProtobuf(body: Uint8Array): {
  apiVersion: string;
  kind: string;
  object: Record<string, unknown>;
} {
  if (body.length < MAGIC.length || MAGIC.some((byte, i) => body[i] !== byte))
    throw new Error('not a Kubernetes protobuf body: it does not start with the magic bytes 6b 38 73 00 ("k8s\\0")');
  const root = schema();
  const envelope = decodeMessage(
    root.lookupType('Unknown'),
    body.subarray(MAGIC.length),
    'the runtime.Unknown envelope',
  );
  const { typeMeta, contentEncoding } = envelope as unknown as {
    typeMeta?: { apiVersion?: string; kind?: string };
    contentEncoding?: string;
  };
  const raw = Object.hasOwn(envelope, 'raw') ? (envelope as unknown as { raw: Uint8Array }).raw : undefined;
  const apiVersion = typeMeta?.apiVersion ?? '';
  const kind = typeMeta?.kind ?? '';
  if (contentEncoding)
    throw new Error(`unsupported Kubernetes protobuf content encoding ${JSON.stringify(contentEncoding)}`);
  const typeName =
    MESSAGE_TYPES[`${apiVersion}/${kind}`] ??
    (apiVersion && Object.hasOwn(META_TYPES, kind) ? META_TYPES[kind] : undefined);
  if (!typeName)
    throw new Error(
      `cannot decode a protobuf ${kind || '(no kind)'} of ${apiVersion || '(no apiVersion)'}: ` +
        `this server decodes protobuf only for ${PROTOBUF_KINDS.join(', ')}; send it as JSON`,
    );
  // Go always writes the object's bytes (at least its metadata): without them the body was cut.
  if (!raw) throw new Error(`truncated or malformed Kubernetes protobuf body: the envelope holds no ${kind}`);
  const type = root.lookupType(typeName);
  const message = decodeMessage(type, raw, `a ${kind}`);
  return { apiVersion, kind, object: { kind, apiVersion, ...(messageToJson(type, message) as object) } };
}

/** An int64 as a number (protobufjs gives a Long object when the `long` package is loaded). */
function toNumber(value: unknown): number {
  return typeof value === 'number' ? value : Number(String(value));
}

/** Whether a scalar is Go's zero value. */
function isZero(value: unknown): boolean {
  if (value === '' || value === 0 || value === false) return true;
  if (value instanceof Uint8Array || Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && toNumber(value) === 0;
}

const INT64 = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);

/** The JSON of one value of `field` (one element of a repeated field, one value of a map). */
function valueToJson(field: protobuf.Field, value: unknown): unknown {
  if (field.resolvedType instanceof protobuf.Type) return messageToJson(field.resolvedType, value as protobuf.Message);
  if (field.type === 'bytes') return base64(value instanceof Uint8Array ? value : Uint8Array.from(value as number[]));
  if (INT64.has(field.type)) return toNumber(value);
  return value;
}

/**
 * The Kubernetes JSON of a decoded message, or undefined for a value the JSON leaves out (a zero
 * metav1.Time). Fields missing from the wire are left out, and so are the zero values Go writes
 * for its non-pointer fields, except where the schema says `keepZero`.
 */
function messageToJson(type: protobuf.Type, message: protobuf.Message): unknown {
  const fields = message as unknown as Record<string, unknown>;
  switch (type.name) {
    case 'Quantity':
      return fields.string;
    case 'IntOrString':
      return toNumber(fields.type) === 1 ? fields.strVal : fields.intVal;
    case 'Time': {
      const seconds = toNumber(fields.seconds);
      return seconds === 0 && fields.nanos === 0 ? undefined : formatTime(seconds * 1000);
    }
    case 'FieldsV1': {
      const raw = fields.Raw as Uint8Array;
      return raw.length ? JSON.parse(decodeUtf8(raw)) : {};
    }
  }
  const json: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    const value = fields[field.name];
    const options = (field.options ?? {}) as { keepZero?: boolean; inline?: boolean };
    if (field.map) {
      const entries = Object.entries(value as Record<string, unknown>);
      if (entries.length) json[field.name] = Object.fromEntries(entries.map(([k, v]) => [k, valueToJson(field, v)]));
    } else if (field.repeated) {
      const items = value as unknown[];
      if (items.length) json[field.name] = items.map((item) => valueToJson(field, item));
    } else if (Object.hasOwn(fields, field.name) && value !== null && value !== undefined) {
      if (!field.resolvedType && isZero(value) && !options.keepZero) continue;
      const converted = valueToJson(field, value);
      if (converted === undefined) continue;
      if (options.inline) Object.assign(json, converted);
      else json[field.name] = converted;
    }
  }
  return json;
}
