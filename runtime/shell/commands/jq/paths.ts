// Indexing and updating values by key and by path, with jq 1.6's results and messages for every
// combination of kinds (jv_aux.c: jv_get, jv_set, jv_getpath, jv_setpath, jv_delpaths).
import { codePointLength, compare, equals, isObject, JqError, typeName, type JqObject, type Value } from './values';
import { encodeUtf8 } from '../../../util/utf8';

/** A slice key's bounds within a sequence of `length`, as jq clamps them; undefined if not numbers. */
export function sliceBounds(length: number, key: JqObject): [number, number] | undefined {
  // A missing bound is not null to jq: only {"start": …, "end": …} objects slice.
  let from = key.get('start');
  let to = key.get('end');
  if (from === undefined || to === undefined) return undefined;
  if (from === null) from = 0;
  if (to === null) to = length;
  if (typeof from !== 'number' || typeof to !== 'number') return undefined;
  if (from < 0) from += length;
  if (to < 0) to += length;
  if (from < 0) from = 0;
  if (from > length) from = length;
  const start = Math.trunc(from);
  let end = to > length ? length : Math.trunc(to);
  if (end < to) end += 1;
  if (end > length) end = length;
  if (end < start) end = start;
  return [start, end];
}

/** `s[start:end]` counting code points. */
export function sliceString(s: string, start: number, end: number): string {
  return Array.from(s).slice(start, end).join('');
}

const isInteger = (n: number): boolean => Number.isInteger(n) && n <= 2147483647 && n >= -2147483648;

/** Where `needle` occurs as a run inside `haystack` (jv_array_indexes). */
function arrayIndexes(haystack: Value[], needle: Value[]): Value[] {
  const found: Value[] = [];
  if (needle.length === 0) return found;
  haystack.forEach((_, i) => {
    if (needle.every((x, j) => i + j < haystack.length && equals(haystack[i + j], x))) found.push(i);
  });
  return found;
}

/** jv_get: `t[k]`, or the error jq gives for that pair of kinds. */
export function getIndex(t: Value, k: Value): Value {
  if (isObject(t) && typeof k === 'string') return t.get(k) ?? null;
  if (Array.isArray(t) && typeof k === 'number') {
    if (!isInteger(k)) return null;
    return t[k < 0 ? k + t.length : k] ?? null;
  }
  if (Array.isArray(t) && isObject(k)) {
    const b = sliceBounds(t.length, k);
    if (!b) throw new JqError('Start and end indices of an array slice must be numbers');
    return t.slice(b[0], b[1]);
  }
  if (typeof t === 'string' && isObject(k)) {
    const b = sliceBounds(codePointLength(t), k);
    if (!b) throw new JqError('Start and end indices of an string slice must be numbers');
    return sliceString(t, b[0], b[1]);
  }
  if (Array.isArray(t) && Array.isArray(k)) return arrayIndexes(t, k);
  if (t === null && (typeof k === 'string' || typeof k === 'number' || isObject(k))) return null;
  if (typeof k === 'string' && encodeUtf8(k).length < 30)
    throw new JqError(`Cannot index ${typeName(t)} with string "${k}"`);
  throw new JqError(`Cannot index ${typeName(t)} with ${typeName(k)}`);
}

/** jv_set: a copy of `t` with `t[k] = v`. */
export function setIndex(t: Value, k: Value, v: Value): Value {
  if (typeof k === 'string' && (t === null || isObject(t))) {
    const copy: JqObject = new Map(t ?? []);
    copy.set(k, v);
    return copy;
  }
  if (typeof k === 'number' && (t === null || Array.isArray(t))) {
    const copy = [...(t ?? [])];
    let i = Math.trunc(k);
    if (i < 0) i += copy.length;
    if (i < 0) throw new JqError('Out of bounds negative array index');
    while (copy.length < i) copy.push(null);
    copy[i] = v;
    return copy;
  }
  if (isObject(k) && (t === null || Array.isArray(t))) {
    const arr = t ?? [];
    const b = sliceBounds(arr.length, k);
    if (!b) throw new JqError('Start and end indices of an array slice must be numbers');
    if (!Array.isArray(v)) throw new JqError('A slice of an array can only be assigned another array');
    return [...arr.slice(0, b[0]), ...v, ...arr.slice(b[1])];
  }
  throw new JqError(`Cannot update field at ${typeName(k)} index of ${typeName(t)}`);
}

export function getPath(root: Value, path: Value): Value {
  if (!Array.isArray(path)) throw new JqError('Path must be specified as an array');
  let v = root;
  for (const key of path) v = getIndex(v, key);
  return v;
}

export function setPath(root: Value, path: Value, value: Value): Value {
  if (!Array.isArray(path)) throw new JqError('Path must be specified as an array');
  const set = (t: Value, i: number): Value => {
    if (i === path.length) return value;
    return setIndex(t, path[i], set(getIndex(t, path[i]), i + 1));
  };
  return set(root, 0);
}

/** Deletes `keys` (sorted, all of one level) from `t` (jv_dels). */
function deleteKeys(t: Value, keys: Value[]): Value {
  if (t === null || keys.length === 0) return t;
  if (Array.isArray(t)) {
    const gone = new Set<number>();
    const ranges: [number, number][] = [];
    for (const key of keys) {
      if (typeof key === 'number') gone.add(Math.trunc(key) + (key < 0 ? t.length : 0));
      else if (isObject(key)) {
        const b = sliceBounds(t.length, key);
        if (!b) throw new JqError('Start and end indices of an array slice must be numbers');
        ranges.push(b);
      } else throw new JqError(`Cannot delete ${typeName(key)} element of array`);
    }
    return t.filter((_, i) => !gone.has(i) && !ranges.some(([a, b]) => a <= i && i < b));
  }
  if (isObject(t)) {
    const copy: JqObject = new Map(t);
    for (const key of keys) {
      if (typeof key !== 'string') throw new JqError(`Cannot delete ${typeName(key)} field of object`);
      copy.delete(key);
    }
    return copy;
  }
  throw new JqError(`Cannot delete fields from ${typeName(t)}`);
}

/** Deletes sorted `paths` below depth `depth` of `t` (delpaths_sorted). */
function deleteSorted(t: Value, paths: Value[][], depth: number): Value {
  const keys: Value[] = [];
  for (let i = 0; i < paths.length;) {
    const key = paths[i][depth];
    let j = i;
    while (j < paths.length && equals(key, paths[j][depth])) j++;
    if (paths[i].length === depth + 1) keys.push(key);
    else {
      const sub = getIndex(t, key);
      if (sub !== null) t = setIndex(t, key, deleteSorted(sub, paths.slice(i, j), depth + 1));
    }
    i = j;
  }
  return deleteKeys(t, keys);
}

/** jv_delpaths: `t` without what each of `paths` names. */
export function deletePaths(t: Value, paths: Value): Value {
  if (!Array.isArray(paths)) throw new JqError('Paths must be specified as an array');
  const sorted = [...paths].sort(compare);
  for (const p of sorted)
    if (!Array.isArray(p)) throw new JqError(`Path must be specified as array, not ${typeName(p)}`);
  if (sorted.length === 0) return t;
  if ((sorted[0] as Value[]).length === 0) return null;
  return deleteSorted(t, sorted as Value[][], 0);
}
