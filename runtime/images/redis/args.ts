// Argument parsing and number formatting as redis does them: strict int64 (string2ll), doubles
// as strtod takes them, `%.17g` for scores and `%.17Lf` trimmed for INCRBYFLOAT, and the
// error texts each failure replies.
import { RedisError } from './keyspace';

export const NOT_INTEGER = 'ERR value is not an integer or out of range';
export const NOT_FLOAT = 'ERR value is not a valid float';
export const SYNTAX = 'ERR syntax error';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** `text` as an int64 (no spaces, no `+`, no leading zeros), or undefined. */
export function toInt64(text: string): bigint | undefined {
  if (!/^(0|-?[1-9][0-9]*)$/.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}

/** `text` as an int64; throws `message` otherwise. */
export function bigIntArg(text: string, message = NOT_INTEGER): bigint {
  const value = toInt64(text);
  if (value === undefined) throw new RedisError(message);
  return value;
}

/** `text` as an integer in JavaScript's safe range (indexes, counts, times). */
export function intArg(text: string, message = NOT_INTEGER): number {
  const value = bigIntArg(text, message);
  return Number(value < -(2n ** 53n) ? -(2n ** 53n) : value > 2n ** 53n ? 2n ** 53n : value);
}

/** Whether `value` stays within int64 (INCR's overflow check). */
export function inInt64(value: bigint): boolean {
  return value >= INT64_MIN && value <= INT64_MAX;
}

/** `text` as strtod reads a whole argument (inf and -inf too, never NaN), or undefined. */
export function toDouble(text: string): number | undefined {
  if (/^[+-]?inf(inity)?$/i.test(text)) return text.startsWith('-') ? -Infinity : Infinity;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return undefined;
  return Number(text);
}

/** `text` as a double; throws `message` otherwise. */
export function doubleArg(text: string, message = NOT_FLOAT): number {
  const value = toDouble(text);
  if (value === undefined) throw new RedisError(message);
  return value;
}

/** C's `%.17g` (scores in RESP2 replies: 1.1 is "1.1000000000000001"). */
export function formatG17(value: number): string {
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exp] = value.toExponential(16).split('e');
  const exponent = Number(exp);
  const trim = (digits: string): string => (digits.includes('.') ? digits.replace(/\.?0+$/, '') : digits);
  if (exponent < -4 || exponent >= 17) {
    return `${trim(mantissa)}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return trim(value.toFixed(Math.max(0, 16 - exponent)));
}

/**
 * d2string: how small sorted sets store scores (and so how ZSCAN shows them): whole numbers in
 * the int64 range as integers, others as `%.17g`.
 */
export function formatStoredScore(value: number): string {
  if (value !== 0 && Number.isInteger(value) && Math.abs(value) < 2 ** 63) return BigInt(value).toString();
  return formatG17(value);
}

/** A case-insensitive keyword test. */
export const is = (arg: string | undefined, word: string): boolean => arg?.toLowerCase() === word;
