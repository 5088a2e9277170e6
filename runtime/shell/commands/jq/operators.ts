// jq's arithmetic and comparison operators on every kind (builtin.c: f_plus … f_mod, order_cmp).
import { compare, equals, isObject, typeError, typeError2, type JqObject, type Value } from './values';

/** Longer strings than this are refused rather than built (the tab's memory is not jq's). */
const MAX_STRING = 100_000_000;

/** `s / sep` and `split(sep)`: pieces between occurrences; code points when `sep` is empty. */
export function splitString(s: string, sep: string): Value[] {
  if (s === '') return [];
  return sep === '' ? Array.from(s) : s.split(sep);
}

function mergeDeep(a: JqObject, b: JqObject): JqObject {
  const out: JqObject = new Map(a);
  for (const [k, v] of b) {
    const old = out.get(k);
    out.set(k, old !== undefined && isObject(old) && isObject(v) ? mergeDeep(old, v) : v);
  }
  return out;
}

export function add(a: Value, b: Value): Value {
  if (a === null) return b;
  if (b === null) return a;
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (typeof a === 'string' && typeof b === 'string') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (isObject(a) && isObject(b)) return new Map([...a, ...b]);
  throw typeError2(a, b, 'cannot be added');
}

function subtract(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (Array.isArray(a) && Array.isArray(b)) return a.filter((x) => !b.some((y) => equals(x, y)));
  throw typeError2(a, b, 'cannot be subtracted');
}

function multiply(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') return a * b;
  if ((typeof a === 'string' && typeof b === 'number') || (typeof a === 'number' && typeof b === 'string')) {
    const [s, n] = typeof a === 'string' ? [a, b as number] : [b as string, a];
    // jq repeats while a C int counter, started at n - 1, stays above zero; x86 turns a double
    // out of int range (or NaN) into INT_MIN.
    const extra = Number.isNaN(n - 1) || Math.abs(n - 1) >= 2 ** 31 ? -(2 ** 31) : Math.trunc(n - 1);
    if (extra < 0) return null;
    if (s.length * (extra + 1) > MAX_STRING) throw new RangeError('string too long');
    return s.repeat(extra + 1);
  }
  if (isObject(a) && isObject(b)) return mergeDeep(a, b);
  throw typeError2(a, b, 'cannot be multiplied');
}

function divide(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    if (b === 0) throw typeError2(a, b, 'cannot be divided because the divisor is zero');
    return a / b;
  }
  if (typeof a === 'string' && typeof b === 'string') return splitString(a, b);
  throw typeError2(a, b, 'cannot be divided');
}

/** C's (intmax_t) conversion on x86-64: out of range (and NaN) becomes INT64_MIN. */
const intmax = (x: number): bigint =>
  Number.isNaN(x) || Math.abs(x) >= 2 ** 63 ? -(2n ** 63n) : BigInt(Math.trunc(x));

function modulo(a: Value, b: Value): Value {
  if (typeof a === 'number' && typeof b === 'number') {
    const d = intmax(b);
    if (d === 0n) throw typeError2(a, b, 'cannot be divided (remainder) because the divisor is zero');
    return Number(intmax(a) % d);
  }
  throw typeError2(a, b, 'cannot be divided (remainder)');
}

/** The value of `a OP b`. */
export function binaryOp(op: string, a: Value, b: Value): Value {
  switch (op) {
    case '+':
      return add(a, b);
    case '-':
      return subtract(a, b);
    case '*':
      return multiply(a, b);
    case '/':
      return divide(a, b);
    case '%':
      return modulo(a, b);
    case '==':
      return equals(a, b);
    case '!=':
      return !equals(a, b);
    case '<':
      return compare(a, b) < 0;
    case '<=':
      return compare(a, b) <= 0;
    case '>':
      return compare(a, b) > 0;
    default:
      return compare(a, b) >= 0;
  }
}

export function negate(v: Value): Value {
  if (typeof v !== 'number') throw typeError(v, 'cannot be negated');
  return -v;
}
