import { isObject, type KubeObject } from './object';
import { mergeKeyFor } from './patch';

/** A field set in the FieldsV1 form: `f:name` for fields, `k:{…}` for keyed list items, `v:…` for set members, `.` for the item itself. */
export type FieldSet = { [key: string]: FieldSet };

/** metav1.ManagedFieldsEntry. */
export interface ManagedFieldsEntry {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  fieldsType: 'FieldsV1';
  fieldsV1: FieldSet;
  subresource?: string;
}

/**
 * Object-valued fields whose own presence is owned too, shown as `.`: maps, and the pointer
 * structs a manifest may set or leave out (the Go types tell; this list covers the usual ones).
 */
const MAP_FIELDS = new Set([
  'rollingUpdate',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'httpGet',
  'exec',
  'tcpSocket',
  'affinity',
  'lifecycle',
  'valueFrom',
  'configMapKeyRef',
  'secretKeyRef',
  'fieldRef',
  'emptyDir',
  'configMap',
  'secret',
  'persistentVolumeClaim',
  'hostPath',
  'projected',
  'downwardAPI',
  'sessionAffinityConfig',
  'labels',
  'annotations',
  'matchLabels',
  'nodeSelector',
  'selector',
  'data',
  'binaryData',
  'stringData',
  'hard',
  'used',
  'limits',
  'requests',
  'capacity',
  'allocatable',
  'parameters',
]);

/** Metadata the server owns: never part of a manager's fields. */
const SYSTEM_METADATA = new Set([
  'name',
  'namespace',
  'generateName',
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
]);

function mapFields(value: Record<string, unknown>, field: string): FieldSet {
  const set: FieldSet = MAP_FIELDS.has(field) && Object.keys(value).length > 0 ? { '.': {} } : {};
  for (const [key, child] of Object.entries(value)) set[`f:${key}`] = valueFields(child, key);
  return set;
}

/**
 * The keys that identify an item of an associative list in managed fields (the schema's
 * x-kubernetes-list-map-keys): ports are keyed by port and protocol, where the strategic merge
 * patch keys them by port alone.
 */
function listMapKeys(field: string, key: string, item: Record<string, unknown>): string[] {
  if (field === 'ports') return [key, 'protocol'].filter((k) => k in item);
  return [key];
}

function listFields(items: unknown[], field: string): FieldSet {
  const key = mergeKeyFor(field, items);
  if (key === undefined) return {};
  const set: FieldSet = {};
  for (const item of items) {
    if (key === '' || !isObject(item)) set[`v:${JSON.stringify(item)}`] = {};
    else {
      const identity = Object.fromEntries(listMapKeys(field, key, item).map((k) => [k, item[k]]));
      set[`k:${JSON.stringify(identity)}`] = { '.': {}, ...mapFields(item, '') };
    }
  }
  return set;
}

/**
 * The field sets of frozen values, by value and field name: a frozen value is one the API server
 * presents, frozen all through (object.ts deepFreeze), so its fields never change, and a status
 * write, whose spec and metadata are the old object's, need not walk them again. Field sets are
 * never changed once built, so they are shared.
 */
const frozenFields = new WeakMap<object, Map<string, FieldSet>>();

function valueFields(value: unknown, field: string): FieldSet {
  if (typeof value !== 'object' || value === null || !Object.isFrozen(value)) return computeValueFields(value, field);
  let byField = frozenFields.get(value);
  if (!byField) frozenFields.set(value, (byField = new Map()));
  let set = byField.get(field);
  if (!set) byField.set(field, (set = computeValueFields(value, field)));
  return set;
}

function computeValueFields(value: unknown, field: string): FieldSet {
  if (Array.isArray(value)) return listFields(value, field);
  // A workload's LabelSelector is atomic: owned as one field.
  if (field === 'selector' && isObject(value) && ('matchLabels' in value || 'matchExpressions' in value)) return {};
  if (isObject(value)) return mapFields(value, field);
  return {};
}

/** The fields an object sets, as a manager would own them (identity and system metadata excluded). */
export function fieldsOf(object: KubeObject, subresource?: 'status'): FieldSet {
  const { apiVersion: _a, kind: _k, metadata, status, ...rest } = object;
  const set = mapFields(subresource === 'status' ? { status } : rest, '');
  if (!subresource && isObject(metadata)) {
    const owned = Object.fromEntries(Object.entries(metadata).filter(([k]) => !SYSTEM_METADATA.has(k)));
    if (Object.keys(owned).length > 0) set['f:metadata'] = mapFields(owned, 'metadata');
  }
  return set;
}

/** The fields of `next` whose values differ from `old` (added or changed), deepest first. */
export function changedFields(next: FieldSet, nextObject: unknown, oldObject: unknown): FieldSet {
  const out: FieldSet = {};
  for (const [key, child] of Object.entries(next)) {
    if (key === '.') {
      if (oldObject === undefined) out['.'] = {};
      continue;
    }
    const nextValue = childValue(nextObject, key);
    const oldValue = childValue(oldObject, key);
    if (Object.keys(child).length === 0 || (child['.'] && Object.keys(child).length === 1)) {
      if (JSON.stringify(nextValue) !== JSON.stringify(oldValue)) out[key] = child;
      continue;
    }
    const deeper = changedFields(child, nextValue, oldValue);
    if (Object.keys(deeper).length > 0) out[key] = deeper;
  }
  return out;
}

/** The value under one FieldsV1 key of an object (a field, a keyed item, a set member). */
function childValue(object: unknown, key: string): unknown {
  if (key.startsWith('f:')) return isObject(object) ? object[key.slice(2)] : undefined;
  if (!Array.isArray(object)) return undefined;
  if (key.startsWith('v:')) return object.find((item) => JSON.stringify(item) === key.slice(2));
  const wanted = JSON.parse(key.slice(2)) as Record<string, unknown>;
  return object.find((item) => isObject(item) && Object.entries(wanted).every(([k, v]) => item[k] === v));
}

/** Whether a node's own path is in the set: a leaf, or a node marked with `.`. */
const isMember = (node: FieldSet): boolean => Object.keys(node).length === 0 || '.' in node;

/** A node's child paths, without its own `.` mark. */
function childrenOf(node: FieldSet): FieldSet {
  const { '.': _self, ...children } = node;
  return children;
}

/** A node from its membership and children (a member without children stays as it was written). */
function node(member: boolean, children: FieldSet, leafForm: boolean): FieldSet | undefined {
  if (hasKeys(children)) return member ? { '.': {}, ...children } : children;
  if (!member) return undefined;
  return leafForm ? {} : { '.': {} };
}

/** The paths of `set` that are not in `remove`. */
export function subtract(set: FieldSet, remove: FieldSet): FieldSet {
  const out: FieldSet = {};
  for (const [key, child] of Object.entries(set)) {
    if (key === '.') continue;
    const other = remove[key];
    if (!other) {
      out[key] = child;
      continue;
    }
    const kept = node(
      isMember(child) && !isMember(other),
      subtract(childrenOf(child), childrenOf(other)),
      Object.keys(child).length === 0,
    );
    if (kept) out[key] = kept;
  }
  if ('.' in set && !('.' in remove)) out['.'] = {};
  return out;
}

/** The paths in either set. */
export function union(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { ...a };
  for (const [key, child] of Object.entries(b)) {
    const mine = out[key];
    if (!mine || key === '.') {
      out[key] = child;
      continue;
    }
    const leafForm = Object.keys(mine).length === 0 && Object.keys(child).length === 0;
    out[key] = node(isMember(mine) || isMember(child), union(childrenOf(mine), childrenOf(child)), leafForm) ?? {};
  }
  return out;
}

/** The leaf paths of a field set, as conflicts name them: `.spec.replicas`, `.spec.containers[name="nginx"].image`. */
export function leafPaths(set: FieldSet, prefix = ''): string[] {
  const paths: string[] = [];
  for (const [key, child] of Object.entries(set)) {
    if (key === '.') continue;
    let path: string;
    if (key.startsWith('f:')) path = `${prefix}.${key.slice(2)}`;
    else if (key.startsWith('v:')) path = `${prefix}[=${key.slice(2)}]`;
    else {
      const item = JSON.parse(key.slice(2)) as Record<string, unknown>;
      path = `${prefix}[${Object.entries(item)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    }
    const keys = Object.keys(child).filter((k) => k !== '.');
    if (keys.length === 0) paths.push(path);
    else paths.push(...leafPaths(child, path));
  }
  return paths;
}

/** True when the set has any key (without listing them). */
function hasKeys(set: FieldSet): boolean {
  for (const _ in set) return true;
  return false;
}

/** The paths in both sets (an unchanged part of an object has the same set on both sides). */
export function intersect(a: FieldSet, b: FieldSet): FieldSet {
  if (a === b) return a;
  const out: FieldSet = {};
  for (const key in a) {
    const other = b[key];
    if (key === '.' || !other) continue;
    const child = a[key];
    const childLeaf = !hasKeys(child);
    const member = (childLeaf || '.' in child) && (!hasKeys(other) || '.' in other);
    // intersect skips `.` itself, so the children need not be copied out first.
    const both = node(member, intersect(child, other), childLeaf);
    if (both) out[key] = both;
  }
  return out;
}

/** Removes from `object` the fields whose paths are in `set` (in place). */
export function removeOwnedFields(object: unknown, set: FieldSet): void {
  for (const [key, child] of Object.entries(set)) {
    if (key === '.') continue;
    const value = childValue(object, key);
    if (value === undefined) continue;
    removeOwnedFields(value, childrenOf(child));
    // The field itself goes when its own path is in the set.
    if (!isMember(child)) continue;
    if (key.startsWith('f:') && isObject(object)) delete object[key.slice(2)];
    else if (Array.isArray(object)) object.splice(object.indexOf(value), 1);
  }
}

/** Drops `.`-only sets (an item or map with nothing else owned keeps its `.`). */
function isEmptySet(set: FieldSet): boolean {
  return Object.keys(set).length === 0;
}

/** What a write does to the managed fields, computed by ObjectStore. */
export interface FieldOwnership {
  manager: string;
  operation: 'Apply' | 'Update';
  apiVersion: string;
  time: string;
  subresource?: 'status';
}

/** An entry's identity: a manager owns fields separately per operation and subresource. */
const sameOwner = (e: ManagedFieldsEntry, o: FieldOwnership): boolean =>
  e.manager === o.manager && e.operation === o.operation && (e.subresource ?? '') === (o.subresource ?? '');

/**
 * The managed fields after an Update by `owner` that set `changed` on an object whose fields are
 * now `present`: the owner gains what it changed, the others lose it, and nobody keeps fields
 * the object no longer has.
 */
export function recordUpdate(
  entries: readonly ManagedFieldsEntry[],
  owner: FieldOwnership,
  changed: FieldSet,
  present: FieldSet,
): ManagedFieldsEntry[] {
  const out: ManagedFieldsEntry[] = [];
  let found = false;
  for (const entry of entries) {
    let fields: FieldSet;
    if (sameOwner(entry, owner)) {
      found = true;
      fields = union(entry.fieldsV1, changed);
      out.push({ ...entry, time: owner.time, apiVersion: owner.apiVersion, fieldsV1: intersect(fields, present) });
      continue;
    }
    fields = intersect(subtract(entry.fieldsV1, changed), present);
    if (!isEmptySet(fields)) out.push({ ...entry, fieldsV1: fields });
  }
  if (!found && !isEmptySet(changed)) out.push(newEntry(owner, intersect(changed, present)));
  return out.filter((e) => !isEmptySet(e.fieldsV1));
}

function newEntry(owner: FieldOwnership, fields: FieldSet): ManagedFieldsEntry {
  return {
    manager: owner.manager,
    operation: owner.operation,
    apiVersion: owner.apiVersion,
    time: owner.time,
    fieldsType: 'FieldsV1',
    fieldsV1: fields,
    ...(owner.subresource ? { subresource: owner.subresource } : {}),
  };
}

/** A server-side apply conflict: the fields another manager owns with another value. */
export interface ApplyConflict {
  manager: string;
  apiVersion: string;
  paths: string[];
}

/**
 * Server-side apply by `owner` of a configuration whose fields are `applied`: conflicts where
 * another manager owns a field the configuration sets to a different value; with `force` they
 * move to the applier. Fields the applier applied before and dropped now, and nobody else owns,
 * are removed from `object` (in place). Returns the new entries, or the conflicts.
 */
export function recordApply(
  entries: readonly ManagedFieldsEntry[],
  owner: FieldOwnership,
  applied: FieldSet,
  config: unknown,
  live: unknown,
  object: KubeObject,
  force: boolean,
): { entries: ManagedFieldsEntry[] } | { conflicts: ApplyConflict[] } {
  const differing = changedFields(applied, config, live);
  const conflicts: ApplyConflict[] = [];
  const others = entries.filter((e) => e.manager !== owner.manager);
  for (const entry of others) {
    const overlap = intersect(differing, entry.fieldsV1);
    const paths = leafPaths(overlap);
    if (paths.length > 0) conflicts.push({ manager: entry.manager, apiVersion: entry.apiVersion, paths });
  }
  if (conflicts.length > 0 && !force) return { conflicts };
  const previous = entries.find((e) => sameOwner(e, owner))?.fieldsV1 ?? {};
  const ownedByOthers = others.reduce<FieldSet>((all, e) => union(all, e.fieldsV1), {});
  removeOwnedFields(object, subtract(subtract(previous, applied), ownedByOthers));
  const out: ManagedFieldsEntry[] = [];
  for (const entry of entries) {
    if (sameOwner(entry, owner)) continue;
    const fields = force && entry.manager !== owner.manager ? subtract(entry.fieldsV1, differing) : entry.fieldsV1;
    if (!isEmptySet(fields)) out.push({ ...entry, fieldsV1: fields });
  }
  out.push(newEntry(owner, applied));
  return { entries: out };
}
