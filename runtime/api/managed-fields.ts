import { changedFields, childValue, hasKeys, type FieldSet } from './field-sets';
import { isObject, type KubeObject } from './object';

// Who owns which fields: the set algebra of FieldsV1 and the managedFields entries after a write.

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
