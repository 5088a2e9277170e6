/** managedFields after a write: the writer's entry, an update's changes, server-side apply and its conflicts. */
import { changedFields, fieldsOf, type FieldSet } from './field-sets';
import {
  recordApply,
  recordUpdate,
  union,
  type ApplyConflict,
  type FieldOwnership,
  type ManagedFieldsEntry,
} from './managed-fields';
import { deepEqual, type KubeObject } from './object';
import { groupVersion, type ResourceType } from './resource';
import { failure, type StatusError } from './status';

/** A server-side apply: the applied configuration, and whether to take conflicting fields. */
export interface ServerSideApply {
  config: KubeObject;
  force: boolean;
}

/** Who writes and how: the fieldManager, and the configuration when the write is an apply. */
interface Writer {
  fieldManager?: string;
  apply?: ServerSideApply;
}

/** Who a write's fields belong to: its manager ('unknown' without one), Apply or Update, the version, when. */
function fieldOwner(
  type: ResourceType,
  writer: Writer,
  subresource: 'status' | undefined,
  now: string,
): FieldOwnership {
  return {
    manager: writer.fieldManager || 'unknown',
    operation: writer.apply ? 'Apply' : 'Update',
    apiVersion: groupVersion(type),
    time: now,
    ...(subresource ? { subresource } : {}),
  };
}

/** The fields a create's writer sent: an apply's configuration, or the object as it came (defaulted). */
export function sentFields(writer: Writer, object: KubeObject): FieldSet {
  return writer.apply ? fieldsOf(writer.apply.config) : fieldsOf(object);
}

/** A new object's managed fields: its creator owns what it sent. */
export function createdOwnership(
  type: ResourceType,
  writer: Writer,
  sent: FieldSet,
  now: string,
): ManagedFieldsEntry[] {
  return recordUpdate([], fieldOwner(type, writer, undefined, now), sent, sent);
}

/**
 * The managed fields after an update: an Update owns what it changed; a server-side apply owns
 * its configuration's fields, removes what it stopped applying, and fails on conflicts with
 * other managers unless forced.
 */
export function updatedOwnership(
  type: ResourceType,
  writer: Writer & { subresource?: 'status' },
  old: KubeObject,
  next: KubeObject,
  now: string,
): ManagedFieldsEntry[] {
  const entries = (old.metadata?.managedFields ?? []) as ManagedFieldsEntry[];
  const owner = fieldOwner(type, writer, writer.subresource, now);
  if (writer.apply) {
    const result = recordApply(
      entries,
      owner,
      fieldsOf(writer.apply.config),
      writer.apply.config,
      old,
      next,
      writer.apply.force,
    );
    if ('conflicts' in result) throw applyConflict(type, old.metadata?.name ?? '', result.conflicts);
    return result.entries;
  }
  const statusFields = fieldsOf(next, 'status');
  if (writer.subresource === 'status' && onlyStatusChanged(old, next)) {
    // Only the status moved: the entries' other fields need no second look.
    return recordUpdate(entries, owner, changedFields(statusFields, next, old), statusFields, 'f:status');
  }
  const present = union(fieldsOf(next), statusFields);
  const sent = writer.subresource ? statusFields : fieldsOf(next);
  return recordUpdate(entries, owner, changedFields(sent, next, old), present);
}

/** Whether `next` differs from `old` at most in its status and the metadata the server keeps. */
function onlyStatusChanged(old: KubeObject, next: KubeObject): boolean {
  for (const key in next) {
    if (key === 'status' || key === 'metadata' || key === 'apiVersion' || key === 'kind') continue;
    if (next[key] !== old[key]) return false;
  }
  for (const key in old) if (!(key in next) && key !== 'status') return false;
  const a = (old.metadata ?? {}) as Record<string, unknown>;
  const b = (next.metadata ?? {}) as Record<string, unknown>;
  for (const key of OWNED_BY_WRITERS) {
    if (!deepEqual(a[key], b[key])) return false;
  }
  return true;
}

/** The metadata a status write may change, which managers own. */
const OWNED_BY_WRITERS = ['labels', 'annotations', 'finalizers', 'ownerReferences'];

/** 409 for a server-side apply that would take other managers' fields (structured-merge-diff's text). */
function applyConflict(type: ResourceType, name: string, conflicts: ApplyConflict[]): StatusError {
  const count = conflicts.reduce((n, c) => n + c.paths.length, 0);
  const parts = conflicts.map((c) =>
    c.paths.length === 1
      ? `conflict with "${c.manager}" using ${c.apiVersion}: ${c.paths[0]}`
      : `conflicts with "${c.manager}" using ${c.apiVersion}:\n${c.paths.map((p) => `- ${p}`).join('\n')}`,
  );
  return failure(409, 'Conflict', `Apply failed with ${count} conflict${count === 1 ? '' : 's'}: ${parts.join('\n')}`, {
    name,
    ...(type.group ? { group: type.group } : {}),
    kind: type.plural,
    causes: conflicts.flatMap((c) =>
      c.paths.map((field) => ({
        reason: 'FieldManagerConflict',
        message: `conflict with "${c.manager}" using ${c.apiVersion}`,
        field,
      })),
    ),
  });
}
