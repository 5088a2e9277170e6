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

/** True when the object has any key (without listing them). */
function hasKeys(set: object): boolean {
  for (const _ in set) return true;
  return false;
}

/** True when a node has paths below it (keys other than its own `.`). */
function hasChildren(node: FieldSet): boolean {
  for (const key in node) if (key !== '.') return true;
  return false;
}

/** `f:` keys are made once per field name (up to a bound: names in data maps are unbounded). */
const fieldKeys = new Map<string, string>();

function fieldKey(name: string): string {
  let key = fieldKeys.get(name);
  if (key === undefined) {
    key = `f:${name}`;
    if (fieldKeys.size < 10_000) fieldKeys.set(name, key);
  }
  return key;
}

/** The fields that identify a keyed item, from its `k:{…}` key (parsed once per key, up to a bound). */
const identities = new Map<string, Array<[string, unknown]>>();

function itemIdentity(key: string): Array<[string, unknown]> {
  let identity = identities.get(key);
  if (identity === undefined) {
    identity = Object.entries(JSON.parse(key.slice(2)) as Record<string, unknown>);
    if (identities.size < 10_000) identities.set(key, identity);
  }
  return identity;
}

/** Whether two JSON values encode alike (key order aside; undefined fields are absent, as in JSON). */
function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    if (!jsonEqual(x[key], y[key])) return false;
    count++;
  }
  for (const key in y) if (y[key] !== undefined) count--;
  return count === 0;
}

function mapFields(
  value: Record<string, unknown>,
  field: string,
  set: FieldSet = MAP_FIELDS.has(field) && hasKeys(value) ? { '.': {} } : {},
): FieldSet {
  for (const key in value) set[fieldKey(key)] = valueFields(value[key], key);
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
      set[itemKey(listMapKeys(field, key, item), item)] = mapFields(item, '', { '.': {} });
    }
  }
  return set;
}

/** An item's `k:{…}` key: the JSON of its identifying fields. */
function itemKey(keys: readonly string[], item: Record<string, unknown>): string {
  let key = 'k:{';
  let first = true;
  for (const name of keys) {
    if (item[name] === undefined) continue;
    key += `${first ? '' : ','}${JSON.stringify(name)}:${JSON.stringify(item[name])}`;
    first = false;
  }
  return `${key}}`;
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
  for (const key in next) {
    const child = next[key];
    if (key === '.') {
      if (oldObject === undefined) out['.'] = {};
      continue;
    }
    const nextValue = childValue(nextObject, key);
    const oldValue = childValue(oldObject, key);
    if (!hasChildren(child)) {
      if (!jsonEqual(nextValue, oldValue)) out[key] = child;
      continue;
    }
    const deeper = changedFields(child, nextValue, oldValue);
    if (hasKeys(deeper)) out[key] = deeper;
  }
  return out;
}

/** The value under one FieldsV1 key of an object (a field, a keyed item, a set member). */
function childValue(object: unknown, key: string): unknown {
  if (key.startsWith('f:')) return isObject(object) ? object[key.slice(2)] : undefined;
  if (!Array.isArray(object)) return undefined;
  if (key.startsWith('v:')) return object.find((item) => JSON.stringify(item) === key.slice(2));
  const wanted = itemIdentity(key);
  return object.find((item) => isObject(item) && wanted.every(([k, v]) => item[k] === v));
}

/** Whether a node's own path is in the set: a leaf, or a node marked with `.`. */
const isMember = (node: FieldSet): boolean => !hasKeys(node) || '.' in node;

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
  return !hasKeys(set);
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
 * the object no longer has. With `onlyKey` (a status write that left everything else as it was),
 * `changed` and `present` cover that top-level field alone, and the entries' other fields stay
 * as they are: they were already within the object's fields after the previous write.
 */
export function recordUpdate(
  entries: readonly ManagedFieldsEntry[],
  owner: FieldOwnership,
  changed: FieldSet,
  present: FieldSet,
  onlyKey?: string,
): ManagedFieldsEntry[] {
  const scoped = (fields: FieldSet): FieldSet =>
    onlyKey === undefined ? fields : fields[onlyKey] ? { [onlyKey]: fields[onlyKey] } : {};
  const merged = (entry: FieldSet, part: FieldSet): FieldSet =>
    onlyKey === undefined ? part : withKey(entry, onlyKey, part[onlyKey]);
  const out: ManagedFieldsEntry[] = [];
  let found = false;
  for (const entry of entries) {
    let fields: FieldSet;
    if (sameOwner(entry, owner)) {
      found = true;
      fields = intersect(union(scoped(entry.fieldsV1), changed), present);
      out.push({ ...entry, time: owner.time, apiVersion: owner.apiVersion, fieldsV1: merged(entry.fieldsV1, fields) });
      continue;
    }
    if (onlyKey !== undefined && !entry.fieldsV1[onlyKey]) {
      out.push(entry);
      continue;
    }
    fields = merged(entry.fieldsV1, intersect(subtract(scoped(entry.fieldsV1), changed), present));
    if (!isEmptySet(fields)) out.push({ ...entry, fieldsV1: fields });
  }
  if (!found && !isEmptySet(changed)) out.push(newEntry(owner, intersect(changed, present)));
  return out.filter((e) => !isEmptySet(e.fieldsV1));
}

/** `set` with its field `key` replaced by `value` in place (or dropped), or added last. */
function withKey(set: FieldSet, key: string, value: FieldSet | undefined): FieldSet {
  const out: FieldSet = {};
  for (const k in set) {
    if (k !== key) out[k] = set[k];
    else if (value) out[k] = value;
  }
  if (!(key in set) && value) out[key] = value;
  return out;
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
