// String <-> number conversions as mawk does them: glibc strtod (with hex, inf and nan), the
// "looks numeric" test for input, and integers printed with %d only within ±2147483647.
import { formatFloat, NEG_NAN, type Spec } from './c-format';

/** mawk's Max_Int (its `-W version` says so): integers beyond it print with CONVFMT/OFMT. */
export const MAX_INT = 2147483647;
const MAX_UINT = 4294967295;

const SPACE = /[ \t\n\v\f\r]/;

/** glibc strtod on `s` from `start`: the value and where conversion stopped (start if none). */
export function strtod(s: string, start = 0): { value: number; end: number } {
  let i = start;
  while (i < s.length && SPACE.test(s[i])) i++;
  let negative = false;
  if (s[i] === '+' || s[i] === '-') {
    negative = s[i] === '-';
    i++;
  }
  const rest = s.slice(i, i + 40).toLowerCase();
  const sign = (v: number): number => (negative ? -v : v);
  if (rest.startsWith('inf')) {
    return { value: sign(Infinity), end: i + (rest.startsWith('infinity') ? 8 : 3) };
  }
  if (rest.startsWith('nan')) {
    let end = i + 3;
    const paren = /^\([0-9A-Za-z_]*\)/.exec(s.slice(end));
    if (paren) end += paren[0].length;
    return { value: negative ? NEG_NAN : NaN, end };
  }
  const hex = /^0x([0-9a-f]*)(?:\.([0-9a-f]*))?/i.exec(s.slice(i));
  if (hex && (hex[1] !== '' || (hex[2] ?? '') !== '')) {
    let end = i + hex[0].length;
    let value = 0;
    for (const d of hex[1]) value = value * 16 + parseInt(d, 16);
    let scale = 1 / 16;
    for (const d of hex[2] ?? '') {
      value += parseInt(d, 16) * scale;
      scale /= 16;
    }
    const exp = /^p([+-]?\d+)/i.exec(s.slice(end));
    if (exp) {
      value *= 2 ** Number(exp[1]);
      end += exp[0].length;
    }
    return { value: sign(value), end };
  }
  const dec = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(s.slice(i));
  if (!dec) return { value: 0, end: start };
  return { value: sign(Number(dec[0])), end: i + dec[0].length };
}

/** The number a string converts to (its longest numeric prefix; 0 when none). */
export const toNumber = (s: string): number => strtod(s).value;

const DIGIT_OR_DOT = /[0-9.]/;
const NUM_START = /[0-9+\-.]/;
/** mawk's SC_SPACE while running: blanks and newline. */
const BLANK = /[ \t\n\v\f\r]/;

/** mawk's check_strnum: input text that looks like a number compares as one (else undefined). */
export function numericValue(s: string): number | undefined {
  let a = 0;
  let b = s.length;
  while (a < b && BLANK.test(s[a])) a++;
  if (a === b) return undefined;
  while (BLANK.test(s[b - 1])) b--;
  if (!DIGIT_OR_DOT.test(s[b - 1]) || !NUM_START.test(s[a])) return undefined;
  const { value, end } = strtod(s, a);
  if (end < b) return undefined;
  // An overflowing conversion (ERANGE) stays a string.
  if (!Number.isFinite(value) && !/^[+-]?(?:inf|nan)/i.test(s.slice(a))) return undefined;
  return value;
}

/** mawk's d_to_I: truncation clamped to ±Max_Int, NaN to -Max_Int. */
export function toInt(d: number): number {
  if (d >= MAX_INT) return MAX_INT;
  if (d > -MAX_INT) return Math.trunc(d) || 0;
  return -MAX_INT;
}

/** mawk's d_to_U: truncation clamped to [0, Max_UInt]. */
export function toUnsigned(d: number): number {
  if (d >= MAX_UINT) return MAX_UINT;
  if (d > 0) return Math.trunc(d);
  return 0;
}

const specCache = new Map<string, Spec | null>();

/** CONVFMT/OFMT as a single float conversion, or null when it is something else. */
function parseFloatFormat(fmt: string): Spec | null {
  let spec = specCache.get(fmt);
  if (spec !== undefined) return spec;
  const m = /^%([-+ #0]*)(\d*)(?:\.(\d*))?([eEfFgG])$/.exec(fmt);
  spec = m
    ? {
        flags: m[1],
        width: m[2] ? Number(m[2]) : 0,
        precision: m[3] !== undefined ? Number(m[3] || '0') : -1,
        conv: m[4],
      }
    : null;
  specCache.set(fmt, spec);
  return spec;
}

/** A number as awk text: integers as %d, others through `fmt` (CONVFMT or OFMT). */
export function numberToString(d: number, fmt: string, sprintf: (fmt: string, d: number) => string): string {
  if (Number.isInteger(d) && d <= MAX_INT && d >= -MAX_INT) return String(d === 0 ? 0 : d);
  if (fmt === '%.6g') {
    // The common case, without the exact-decimal machinery when toPrecision is unambiguous.
    return formatFloat(d, { flags: '', width: 0, precision: 6, conv: 'g' });
  }
  const spec = parseFloatFormat(fmt);
  return spec ? formatFloat(d, spec) : sprintf(fmt, d);
}
