// INCRBYFLOAT and HINCRBYFLOAT compute in x87 long doubles (64-bit mantissas) and print
// `%.17Lf` with trailing zeros dropped: 5.6 + 2.0e2 is "205.60000000000000001" there, not
// "205.6". This emulates exactly that: decimal text to the nearest long double, exact sums
// rounded to 64 bits, and the 17-digit decimal print.
import { doubleArg, toDouble } from './args';
import { RedisError } from './keyspace';

/** A finite long double: `mantissa × 2^exponent`, the mantissa below 2^64 in magnitude. */
interface LongDouble {
  mantissa: bigint;
  exponent: number;
}

const BITS = 64n;
const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** `numerator / denominator` (denominator > 0) rounded to the nearest, ties to even. */
function divRound(numerator: bigint, denominator: bigint): bigint {
  const sign = numerator < 0n ? -1n : 1n;
  const n = abs(numerator);
  let q = n / denominator;
  const r = n - q * denominator;
  if (2n * r > denominator || (2n * r === denominator && q % 2n === 1n)) q++;
  return sign * q;
}

/** The long double nearest to the rational `numerator / denominator`. */
function fromRational(numerator: bigint, denominator: bigint): LongDouble {
  if (numerator === 0n) return { mantissa: 0n, exponent: 0 };
  // Choose the exponent so that the quotient has 64 significant bits.
  let exponent = abs(numerator).toString(2).length - denominator.toString(2).length - Number(BITS);
  for (;;) {
    const mantissa =
      exponent >= 0
        ? divRound(numerator, denominator << BigInt(exponent))
        : divRound(numerator << BigInt(-exponent), denominator);
    const length = abs(mantissa).toString(2).length;
    if (length > Number(BITS)) exponent++;
    else if (length < Number(BITS)) exponent--;
    else return { mantissa, exponent };
  }
}

/** strtold of a decimal (already validated) string. */
function parseLongDouble(text: string): LongDouble {
  const match = /^([+-]?)(\d*)\.?(\d*)(?:e([+-]?\d+))?$/i.exec(text) as RegExpExecArray;
  const digits = BigInt(`${match[2]}${match[3]}` || '0') * (match[1] === '-' ? -1n : 1n);
  const scale = Number(match[4] ?? 0) - match[3].length;
  return scale >= 0 ? fromRational(digits * 10n ** BigInt(scale), 1n) : fromRational(digits, 10n ** BigInt(-scale));
}

/** a + b, rounded to a long double. */
function addLongDouble(a: LongDouble, b: LongDouble): LongDouble {
  const low = Math.min(a.exponent, b.exponent);
  const sum = (a.mantissa << BigInt(a.exponent - low)) + (b.mantissa << BigInt(b.exponent - low));
  return low >= 0 ? fromRational(sum << BigInt(low), 1n) : fromRational(sum, 1n << BigInt(-low));
}

/** `%.17Lf` with trailing zeros (and a bare point) dropped. */
function formatLongDouble(value: LongDouble): string {
  const scaled =
    value.exponent >= 0
      ? (value.mantissa << BigInt(value.exponent)) * 10n ** 17n
      : divRound(value.mantissa * 10n ** 17n, 1n << BigInt(-value.exponent));
  const digits = abs(scaled).toString().padStart(18, '0');
  const text = `${digits.slice(0, -17)}.${digits.slice(-17)}`.replace(/\.?0+$/, '');
  return scaled < 0n ? `-${text}` : text;
}

/**
 * INCRBYFLOAT's new value as text: `current` (undefined: 0) plus `increment`, or the errors
 * (`currentError` when the stored value is no float).
 */
export function incrementByFloat(current: string | undefined, increment: string, currentError: string): string {
  const base = current === undefined ? 0 : toDouble(current);
  if (base === undefined) throw new RedisError(currentError);
  const by = doubleArg(increment);
  if (!Number.isFinite(base) || !Number.isFinite(by))
    throw new RedisError('ERR increment would produce NaN or Infinity');
  return formatLongDouble(addLongDouble(parseLongDouble(current ?? '0'), parseLongDouble(increment)));
}
