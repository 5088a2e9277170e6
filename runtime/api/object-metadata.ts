/** An object's metadata through its writes: what create sets, what an update keeps, checks, the stored form. */
import { deepEqual, fieldAt, type KubeObject } from './object';
import type { FieldError, ResourceType } from './resource';
import { entityTooLarge, invalid } from './status';
import { validateObjectMeta } from './validation';

type Meta = NonNullable<KubeObject['metadata']>;

/**
 * What create sets (BeforeCreate): the namespace of the URL (none for cluster-scoped kinds), a
 * new uid and creationTimestamp, generation 1 for kinds that keep one, no deletion fields; and no
 * status where the system writes it, since a new object starts with what defaulting gives it.
 */
export function initializeMetadata(
  type: ResourceType,
  object: KubeObject,
  namespace: string | undefined,
  uid: string,
  now: string,
): Meta {
  const meta = (object.metadata ??= {});
  if (type.namespaced) meta.namespace = namespace;
  else delete meta.namespace;
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  meta.uid = uid;
  meta.creationTimestamp = now;
  // Kinds without a generation keep the body's: BeforeCreate leaves it (anything but an integer goes).
  if (type.generation) meta.generation = 1;
  else if (!Number.isInteger(meta.generation)) delete meta.generation;
  // Status is the system's to write: a new object starts with what defaulting gives it.
  if (type.hasStatus && !type.statusOnCreate) delete object.status;
  return meta;
}

/** What an update keeps of the old metadata, whatever the body says: name, namespace, uid, times, generation. */
export function keepSystemMetadata(
  type: ResourceType,
  next: KubeObject,
  old: KubeObject,
  name: string,
  namespace: string | undefined,
): void {
  const oldMeta = old.metadata ?? {};
  const nextMeta = next.metadata as Meta;
  nextMeta.name = name;
  if (type.namespaced) nextMeta.namespace = namespace;
  nextMeta.uid = oldMeta.uid;
  nextMeta.creationTimestamp = oldMeta.creationTimestamp;
  nextMeta.deletionTimestamp = oldMeta.deletionTimestamp;
  nextMeta.deletionGracePeriodSeconds = oldMeta.deletionGracePeriodSeconds;
  nextMeta.generation = oldMeta.generation;
  if (nextMeta.deletionTimestamp === undefined) delete nextMeta.deletionTimestamp;
  if (nextMeta.deletionGracePeriodSeconds === undefined) delete nextMeta.deletionGracePeriodSeconds;
  if (nextMeta.generation === undefined) delete nextMeta.generation;
  // Go's omitempty: an emptied list or map of metadata is not stored (and so not shown).
  for (const key of ['ownerReferences', 'finalizers', 'labels', 'annotations'] as const) {
    const value = nextMeta[key] as unknown;
    if (
      Array.isArray(value)
        ? value.length === 0
        : value !== null && typeof value === 'object' && Object.keys(value).length === 0
    ) {
      delete nextMeta[key];
    }
  }
}

/** PrepareForUpdate: a write changing what the kind's generation rule watches moves it on. */
export function bumpGeneration(type: ResourceType, next: KubeObject, old: KubeObject): void {
  const rule = type.generation;
  if (!rule) return;
  const changed =
    (rule.fields === 'content'
      ? !deepEqual(content(next), content(old))
      : rule.fields.some((field) => !deepEqual(next[field] ?? {}, old[field] ?? {}))) ||
    // Semantic.DeepEqual: an empty map is no map.
    (rule.metadata ?? []).some((key) => !deepEqual(next.metadata?.[key] ?? {}, old.metadata?.[key] ?? {}));
  if (changed) (next.metadata as Meta).generation = (old.metadata?.generation ?? 0) + 1;
}

/** Everything set but metadata (and the type, which both sides share). */
function content(object: KubeObject): Record<string, unknown> {
  const { metadata: _m, apiVersion: _a, kind: _k, ...rest } = object;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
}

/**
 * shouldDeleteDuringUpdate: an object being deleted goes when an update removes its last
 * finalizer and it has no grace period left (a namespace has none at all); a terminating pod's
 * status updates keep it. A namespace also waits for its spec.finalizers
 * (ShouldDeleteNamespaceDuringUpdate).
 */
export function deletesOnUpdate(type: ResourceType, stored: KubeObject, next: KubeObject): boolean {
  const oldMeta = stored.metadata ?? {};
  const namespace = type.plural === 'namespaces' && type.group === '';
  return (
    !!oldMeta.deletionTimestamp &&
    (oldMeta.deletionGracePeriodSeconds ?? 0) === 0 &&
    (oldMeta.finalizers ?? []).length > 0 &&
    (next.metadata?.finalizers ?? []).length === 0 &&
    !(namespace && ((next.spec as { finalizers?: unknown[] } | undefined)?.finalizers ?? []).length > 0)
  );
}

const NAMESPACE_LABEL_RULE = new Set(['namespaces', 'services']);
/** Kinds whose names need only be a path segment (ValidateRBACName), e.g. `system:basic-user`. */
const PATH_SEGMENT_RULE = new Set(['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings']);

/** The checks every write makes (422 Invalid): metadata, an immutable namespace, and the kind's own validation. */
export function validateWrite(type: ResourceType, object: KubeObject, old: KubeObject | undefined): void {
  const meta = object.metadata ?? {};
  const errors: FieldError[] = validateObjectMeta(
    meta,
    NAMESPACE_LABEL_RULE.has(type.plural)
      ? 'label'
      : PATH_SEGMENT_RULE.has(type.plural) && type.group === 'rbac.authorization.k8s.io'
        ? 'pathSegment'
        : 'subdomain',
  );
  if (old) {
    for (const field of ['metadata.namespace']) {
      if (fieldAt(object, field) !== fieldAt(old, field)) {
        errors.push({
          type: 'FieldValueInvalid',
          field,
          message: `Invalid value: ${JSON.stringify(fieldAt(object, field))}: field is immutable`,
        });
      }
    }
  }
  errors.push(...(type.validate?.(object, old) ?? []));
  if (errors.length > 0) throw invalid(type.kind, type.group, meta.name ?? meta.generateName ?? '', errors);
}

/** etcd's limit on one value (its default --max-request-bytes). */
const MAX_OBJECT_BYTES = 1.5 * 1024 * 1024;

/** Refuses an object too large to store, as the apiserver maps etcd's refusal. */
export function checkSize(object: KubeObject): void {
  // Most objects are far below the limit, which a bound on their JSON length shows without
  // writing the JSON out.
  if (jsonLengthBound(object, MAX_OBJECT_BYTES) <= MAX_OBJECT_BYTES) return;
  if (JSON.stringify(object).length > MAX_OBJECT_BYTES) throw entityTooLarge('etcdserver: request is too large');
}

/**
 * At least the length of `value`'s JSON (every character of a string may need a six-character
 * escape), counting no further once past `limit`.
 */
function jsonLengthBound(value: unknown, limit: number, total = 0): number {
  if (typeof value === 'string') return total + 2 + 6 * value.length;
  if (typeof value !== 'object' || value === null) return total + 24;
  total += 2;
  if (Array.isArray(value)) {
    for (const item of value) {
      total = jsonLengthBound(item, limit, total + 1);
      if (total > limit) return total;
    }
    return total;
  }
  for (const key in value) {
    total = jsonLengthBound((value as Record<string, unknown>)[key], limit, total + 4 + 6 * key.length);
    if (total > limit) return total;
  }
  return total;
}

/**
 * The object as stored: without apiVersion, kind and resourceVersion, which the store supplies,
 * and without empty label or annotation maps (Go's omitempty drops them).
 */
export function strip(object: KubeObject): KubeObject {
  const { apiVersion: _a, kind: _k, ...rest } = object;
  const meta = { ...rest.metadata };
  delete meta.resourceVersion;
  for (const field of ['labels', 'annotations'] as const) {
    if (meta[field] && Object.keys(meta[field] as object).length === 0) delete meta[field];
  }
  return { ...rest, metadata: meta };
}
