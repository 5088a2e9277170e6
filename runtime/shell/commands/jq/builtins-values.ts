// jq's C builtins on values (builtin.c): lengths, keys, containment, conversions, sorting and
// grouping, with the messages jq 1.6 gives for the wrong kinds.
import { withValue, type Native } from './eval-types';
import { toJson } from './json-print';
import { parseJsonText } from './json-parse';
import { deletePaths, setPath } from './paths';
import {
  codePointLength,
  compare,
  equals,
  isObject,
  JqError,
  sameKind,
  sortedKeys,
  typeError,
  typeError2,
  typeName,
  type Value,
} from './values';
import { encodeUtf8 } from '../../../util/utf8';

/** A C-style builtin: arguments are evaluated to values (the last one varying slowest). */
export function cfunction(fn: (input: Value, ...args: Value[]) => Value | undefined): Native {
  return (it, input, args, env, emit) => {
    const values: Value[] = new Array(args.length);
    const next = (i: number): void => {
      if (i < 0) {
        const result = fn(input.v, ...values);
        if (result !== undefined) emit(withValue(input, result));
        return;
      }
      it.values(args[i], input.v, env, (v) => {
        values[i] = v;
        next(i - 1);
      });
    };
    next(args.length - 1);
  };
}

function length(v: Value): Value {
  if (Array.isArray(v)) return v.length;
  if (isObject(v)) return v.size;
  if (typeof v === 'string') return codePointLength(v);
  if (typeof v === 'number') return Math.abs(v);
  if (v === null) return 0;
  throw typeError(v, 'has no length');
}

function keys(v: Value, sorted: boolean): Value {
  if (isObject(v)) return sorted ? sortedKeys(v) : [...v.keys()];
  if (Array.isArray(v)) return v.map((_, i) => i);
  throw typeError(v, 'has no keys');
}

function has(t: Value, k: Value): Value {
  if (t === null) return false;
  if (isObject(t) && typeof k === 'string') return t.has(k);
  if (Array.isArray(t) && typeof k === 'number') {
    const i = Math.trunc(k);
    return i >= 0 && i < t.length;
  }
  throw new JqError(`Cannot check whether ${typeName(t)} has a ${typeName(k)} key`);
}

/** jv_contains: objects and arrays recursively, strings by substring (up to a NUL, as strstr). */
export function contains(a: Value, b: Value): boolean {
  if (!sameKind(a, b)) return false;
  if (isObject(a) && isObject(b)) return [...b].every(([k, v]) => contains(a.get(k) ?? null, v) && a.has(k));
  if (Array.isArray(a) && Array.isArray(b)) return b.every((y) => a.some((x) => contains(x, y)));
  if (typeof a === 'string' && typeof b === 'string') return a.split('\0')[0].includes(b.split('\0')[0]);
  return equals(a, b);
}

function tonumber(v: Value): Value {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const parsed = parseJsonText(v);
    if (typeof parsed === 'number') return parsed;
  }
  throw typeError(v, 'cannot be parsed as a number');
}

/** Stable sort of `items` by `keys` in jq's order; undefined if they do not pair up. */
function sortPairs(items: Value, keys: Value): { item: Value; key: Value }[] | undefined {
  if (!Array.isArray(items) || !Array.isArray(keys) || items.length !== keys.length) return undefined;
  return items.map((item, i) => ({ item, key: keys[i] })).sort((x, y) => compare(x.key, y.key));
}

function sortBy(items: Value, keys: Value): Value {
  const pairs = sortPairs(items, keys);
  if (!pairs) throw typeError2(items, keys, 'cannot be sorted, as they are not both arrays');
  return pairs.map((p) => p.item);
}

function groupBy(items: Value, keys: Value): Value {
  const pairs = sortPairs(items, keys);
  if (!pairs) throw typeError2(items, keys, 'cannot be sorted, as they are not both arrays');
  const groups: Value[][] = [];
  pairs.forEach((p, i) => {
    if (i === 0 || !equals(p.key, pairs[i - 1].key)) groups.push([]);
    groups[groups.length - 1].push(p.item);
  });
  return groups;
}

/** min/max (by keys): the first smallest, or the last largest. */
function extreme(values: Value, keys: Value, min: boolean): Value {
  if (!Array.isArray(values) || !Array.isArray(keys)) throw typeError2(values, keys, 'cannot be iterated over');
  if (values.length !== keys.length) throw typeError2(values, keys, 'have wrong length');
  if (values.length === 0) return null;
  let best = 0;
  for (let i = 1; i < values.length; i++) if (compare(keys[i], keys[best]) < 0 === min) best = i;
  return values[best];
}

const SMALLEST_NORMAL = 2.2250738585072014e-308;

export const VALUE_BUILTINS: Record<string, Native> = {
  'length/0': cfunction(length),
  'utf8bytelength/0': cfunction((v) => {
    if (typeof v !== 'string') throw typeError(v, 'only strings have UTF-8 byte length');
    return encodeUtf8(v).length;
  }),
  'type/0': cfunction(typeName),
  'not/0': cfunction((v) => v === null || v === false),
  'keys/0': cfunction((v) => keys(v, true)),
  'keys_unsorted/0': cfunction((v) => keys(v, false)),
  'has/1': cfunction(has),
  'contains/1': cfunction((a, b) => {
    if (!sameKind(a, b)) throw typeError2(a, b, 'cannot have their containment checked');
    return contains(a, b);
  }),
  'tostring/0': cfunction((v) => (typeof v === 'string' ? v : toJson(v))),
  'tojson/0': cfunction(toJson),
  'fromjson/0': cfunction((v) => {
    if (typeof v !== 'string') throw typeError(v, 'only strings can be parsed');
    return parseJsonText(v);
  }),
  'tonumber/0': cfunction(tonumber),
  'sort/0': cfunction((v) => {
    if (!Array.isArray(v)) throw typeError(v, 'cannot be sorted, as it is not an array');
    return sortBy(v, v);
  }),
  '_sort_by_impl/1': cfunction(sortBy),
  '_group_by_impl/1': cfunction(groupBy),
  'min/0': cfunction((v) => extreme(v, v, true)),
  'max/0': cfunction((v) => extreme(v, v, false)),
  '_min_by_impl/1': cfunction((v, k) => extreme(v, k, true)),
  '_max_by_impl/1': cfunction((v, k) => extreme(v, k, false)),
  'infinite/0': cfunction(() => Infinity),
  'nan/0': cfunction(() => NaN),
  'isinfinite/0': cfunction((v) => typeof v === 'number' && Math.abs(v) === Infinity),
  'isnan/0': cfunction((v) => typeof v === 'number' && Number.isNaN(v)),
  'isnormal/0': cfunction((v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) >= SMALLEST_NORMAL),
  'setpath/2': cfunction(setPath),
  'delpaths/1': cfunction(deletePaths),
  'error/1': cfunction((_, message) => {
    // error(null) is jq's "invalid without a message": it behaves as empty.
    if (message === null) return undefined;
    throw new JqError(message);
  }),
};
