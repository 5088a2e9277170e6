import { deepEqual, isObject, type KubeObject } from './object';
import { mergeKeyFor } from './patch';

// The fields an object sets, in the FieldsV1 form managed fields use, and which of them a write changed.

/** A field set in the FieldsV1 form: `f:name` for fields, `k:{…}` for keyed list items, `v:…` for set members, `.` for the item itself. */
export type FieldSet = { [key: string]: FieldSet };

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

/** The one leaf: field sets are never changed once built, so every leaf can share it. */
const LEAF: FieldSet = Object.freeze({}) as FieldSet;

/** True when the object has any key (without listing them). */
export function hasKeys(set: object): boolean {
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

function mapFields(
  value: Record<string, unknown>,
  field: string,
  set: FieldSet = MAP_FIELDS.has(field) && hasKeys(value) ? { '.': LEAF } : {},
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
    if (key === '' || !isObject(item)) set[`v:${JSON.stringify(item)}`] = LEAF;
    else {
      set[itemKey(listMapKeys(field, key, item), item)] = mapFields(item, '', { '.': LEAF });
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
  if (field === 'selector' && isObject(value) && ('matchLabels' in value || 'matchExpressions' in value)) return LEAF;
  if (isObject(value)) return mapFields(value, field);
  return LEAF;
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
  return changedOrNone(next, nextObject, oldObject) ?? {};
}

/** changedFields, or undefined when nothing changed (most subtrees of an update: no set allocated). */
function changedOrNone(next: FieldSet, nextObject: unknown, oldObject: unknown): FieldSet | undefined {
  let out: FieldSet | undefined;
  for (const key in next) {
    const child = next[key];
    if (key === '.') {
      if (oldObject === undefined) (out ??= {})['.'] = {};
      continue;
    }
    const nextValue = childValue(nextObject, key);
    const oldValue = childValue(oldObject, key);
    if (!hasChildren(child)) {
      if (!deepEqual(nextValue, oldValue)) (out ??= {})[key] = child;
      continue;
    }
    // The same value (a status write keeps the unchanged parts' objects) has no changes below.
    if (nextValue === oldValue && nextValue !== undefined) continue;
    const deeper = changedOrNone(child, nextValue, oldValue);
    if (deeper) (out ??= {})[key] = deeper;
  }
  return out;
}

/** The value under one FieldsV1 key of an object (a field, a keyed item, a set member). */
export function childValue(object: unknown, key: string): unknown {
  if (key.startsWith('f:')) return isObject(object) ? object[key.slice(2)] : undefined;
  if (!Array.isArray(object)) return undefined;
  if (key.startsWith('v:')) return object.find((item) => JSON.stringify(item) === key.slice(2));
  const wanted = itemIdentity(key);
  return object.find((item) => isObject(item) && wanted.every(([k, v]) => item[k] === v));
}
