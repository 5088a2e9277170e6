// jq's values (jv.c, jv_aux.c): JSON with objects as insertion-ordered Maps (a plain object would
// move integer-like keys first), jq's total order and equality, and the errors its builtins raise.
import { encodeUtf8 } from '../../../util/utf8';
import { toJson } from './json-print';

export type JqObject = Map<string, Value>;
export type Value = null | boolean | number | string | Value[] | JqObject;

/**
 * A jq error: what `error(v)` raises and `try` catches. Not an Error subclass: jq uses errors for
 * control flow (`break` is one), and a stack trace per `first(f)` would only cost time.
 */
export class JqError {
  constructor(readonly value: Value) {}
}

export const isObject = (v: Value): v is JqObject => v instanceof Map;
export const isTruthy = (v: Value): boolean => v !== null && v !== false;

/** jq's name of a value's kind, as `type` and error messages print it. */
export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return Array.isArray(v) ? 'array' : 'object';
}

/** The kind's rank in jq's sort order: null < false < true < numbers < strings < arrays < objects. */
function rank(v: Value): number {
  if (v === null) return 1;
  if (v === false) return 2;
  if (v === true) return 3;
  if (typeof v === 'number') return 4;
  if (typeof v === 'string') return 5;
  return Array.isArray(v) ? 6 : 7;
}

/** Same kind in jq's sense: true and false are different kinds (containment checks care). */
export const sameKind = (a: Value, b: Value): boolean => rank(a) === rank(b);

/** UTF-16 unit order with surrogates moved past U+FFFF: code point order, as jq's memcmp of UTF-8. */
const unitRank = (c: number): number => (c >= 0xd800 && c <= 0xdfff ? c + 0x2000 : c >= 0xe000 ? c - 0x800 : c);

/** jq's string order: bytewise over UTF-8, shorter first on a common prefix. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return unitRank(x) - unitRank(y);
  }
  return a.length - b.length;
}

export const sortedKeys = (o: JqObject): string[] => [...o.keys()].sort(compareStrings);

/** jv_cmp: jq's total order over all values (NaN sorts as null would, below numbers). */
export function compare(a: Value, b: Value): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') {
    // jq compares a NaN as null against the other number: NaN is below everything, itself too.
    if (Number.isNaN(a)) return -1;
    if (Number.isNaN(b)) return 1;
    return a < b ? -1 : a === b ? 0 : 1;
  }
  if (typeof a === 'string') return compareStrings(a, b as string);
  if (Array.isArray(a)) {
    const bb = b as Value[];
    for (let i = 0; ; i++) {
      if (i >= a.length || i >= bb.length) return (i >= bb.length ? 1 : 0) - (i >= a.length ? 1 : 0);
      const r = compare(a[i], bb[i]);
      if (r !== 0) return r;
    }
  }
  if (isObject(a)) {
    const bo = b as JqObject;
    const ka = sortedKeys(a);
    const r = compare(ka, sortedKeys(bo));
    if (r !== 0) return r;
    for (const k of ka) {
      const rv = compare(a.get(k) as Value, bo.get(k) as Value);
      if (rv !== 0) return rv;
    }
  }
  return 0;
}

/** jv_equal: deep equality; numbers by value (so NaN is unequal to itself). */
export function equals(a: Value, b: Value): boolean {
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
  if (rank(a) !== rank(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as Value[];
    return a.length === bb.length && a.every((x, i) => equals(x, bb[i]));
  }
  if (isObject(a)) {
    const bo = b as JqObject;
    if (a.size !== bo.size) return false;
    for (const [k, v] of a) if (!bo.has(k) || !equals(v, bo.get(k) as Value)) return false;
    return true;
  }
  return false;
}

/**
 * jv_identical: what path expressions compare a value against to know it is still the one at the
 * path. Containers and strings by reference in jq; JS strings compare by value, close enough.
 */
export function identical(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b) || a === b;
  return a === b;
}

/** Decodes UTF-8 as jq does (jvp_utf8_next): a truncated or bad sequence becomes one U+FFFD. */
export function decodeJqUtf8(bytes: ArrayLike<number>): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    const len = b >= 0xc0 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf8 ? 4 : 0;
    if (len === 0) {
      out += '\ufffd';
      i++;
      continue;
    }
    if (i + len > bytes.length) {
      out += '\ufffd';
      i = bytes.length;
      continue;
    }
    let cp = b & (0xff >> (len + 1));
    let j = 1;
    for (; j < len; j++) {
      if ((bytes[i + j] & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (bytes[i + j] & 0x3f);
    }
    const min = [0, 0, 0x80, 0x800, 0x10000][len];
    if (j < len || cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) out += '\ufffd';
    else out += String.fromCodePoint(cp);
    i += j;
  }
  return out;
}

/** jv_dump_string_trunc: compact JSON cut to `size - 1` bytes, the last three then "...". */
export function dumpTruncated(v: Value, size: number): string {
  const text = toJson(v);
  const bytes = encodeUtf8(text);
  if (bytes.length <= size - 1) return text;
  const cut = Array.from(bytes.subarray(0, size - 1));
  cut[size - 4] = cut[size - 3] = cut[size - 2] = 0x2e;
  return decodeJqUtf8(cut);
}

/** `kind (value) message`, jq's type_error. */
export const typeError = (v: Value, message: string): JqError =>
  new JqError(`${typeName(v)} (${dumpTruncated(v, 15)}) ${message}`);

/** `kind (value) and kind (value) message`, jq's type_error2. */
export const typeError2 = (a: Value, b: Value, message: string): JqError =>
  new JqError(`${typeName(a)} (${dumpTruncated(a, 15)}) and ${typeName(b)} (${dumpTruncated(b, 15)}) ${message}`);

/** The number of code points in `s` (jq's string length). */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** The UTF-8 length of one UTF-16 unit (a surrogate half counts two of its pair's four). */
export const unitBytes = (c: number): number => (c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3);
