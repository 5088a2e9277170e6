/** A Kubernetes object as JSON. */
export type KubeObject = {
  apiVersion?: string;
  kind?: string;
  metadata?: ObjectMeta;
  [field: string]: unknown;
};

/** metav1.ObjectMeta, the fields the API server reads and writes. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: unknown[];
  [field: string]: unknown;
}

/** metav1.OwnerReference. */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/**
 * A deep copy of a JSON value, exactly as a JSON round trip makes it (objects are stored shared
 * and never changed in place): undefined, functions and symbols leave objects and become null in
 * arrays, numbers that are not finite become null, and anything else unusual (a toJSON, a
 * prototype other than Object's or Array's) takes the JSON round trip itself.
 */
export function clone<T>(value: T): T {
  if (value === undefined) return value;
  if (typeof value !== 'object' || value === null) return JSON.parse(JSON.stringify(value)) as T;
  const copied = copyJson(value);
  return (copied === SKIP ? JSON.parse(JSON.stringify(value)) : copied) as T;
}

/** What copyJson returns where JSON.stringify leaves the value out. */
const SKIP = Symbol('skip');

function copyJson(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // JSON writes -0 as 0 and what is not finite as null.
      return Number.isFinite(value) ? value + 0 : null;
    case 'object':
      break;
    default:
      // undefined, functions and symbols (a bigint makes JSON.stringify throw, as it should).
      if (typeof value === 'bigint') return JSON.parse(JSON.stringify(value)) as unknown;
      return SKIP;
  }
  if (value === null) return null;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (Array.isArray(value) && proto === Array.prototype) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = copyJson(value[i]);
      out[i] = item === SKIP ? null : item;
    }
    return out;
  }
  if ((proto !== Object.prototype && proto !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return JSON.parse(JSON.stringify(value)) as unknown;
  }
  const out: Record<string, unknown> = {};
  // Plain objects only here (checked above): for-in lists their own keys, without an array.
  for (const key in value) {
    const item = copyJson((value as Record<string, unknown>)[key]);
    if (item === SKIP) continue;
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}

/**
 * Freezes a JSON value and everything in it, first bringing it to its JSON form in place (an
 * object's undefined fields go, as JSON.stringify leaves them out), so that sharing it is as
 * good as handing out a JSON copy. For values shared read-only between the API server and its
 * in-process clients; what is frozen already is taken as frozen through.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined) delete value[i];
      else if (isEmptyRecord(item)) value[i] = EMPTY;
      else deepFreeze(item);
    }
    return Object.freeze(value);
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const item = record[key];
    if (item === undefined) delete record[key];
    else if (isEmptyRecord(item)) record[key] = EMPTY;
    else deepFreeze(item);
  }
  return Object.freeze(value);
}

/**
 * The one frozen `{}` that frozen values share for their empty objects: managed fields' leaves
 * (`"f:name": {}`) alone are hundreds of thousands of them in a large cluster.
 */
const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

function isEmptyRecord(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value === EMPTY) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  // Any own enumerable key makes it non-empty (plain objects have no inherited ones).
  for (const key in value) if (key !== undefined) return false;
  return true;
}

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at a dotted path (`spec.nodeName`), or undefined. */
export function fieldAt(object: unknown, path: string): unknown {
  let current = object;
  for (const part of path.split('.')) {
    if (!isObject(current)) return undefined;
    current = current[part];
  }
  return current;
}

/**
 * reflect.DeepEqual on JSON values: whether they encode alike (key order aside; undefined fields
 * are absent, as in JSON). Walks without building key lists: writes compare on every request.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let count = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    if (!deepEqual(x[key], y[key])) return false;
    count++;
  }
  for (const key in y) if (y[key] !== undefined) count--;
  return count === 0;
}

/** The value when it is a string, else '' (Go's zero string). */
export const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
