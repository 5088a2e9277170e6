// C printf conversions as glibc prints them: exact decimal expansion of the double and
// round-half-even, which JS's toFixed (round-half-up) and toPrecision do not give.

/** One parsed conversion: flags, width, precision (-1 when absent) and the conversion letter. */
export interface Spec {
  flags: string;
  width: number;
  precision: number;
  conv: string;
}

const view = new DataView(new ArrayBuffer(8));

/** Whether the sign bit of `x` is set (tells -0 and -nan apart). */
export function signBit(x: number): boolean {
  view.setFloat64(0, x);
  return (view.getUint8(0) & 0x80) !== 0;
}

/** A NaN with its sign bit set: what x86 arithmetic gives for 0/0, log(-1), fmod(x, 0). */
export const NEG_NAN = (() => {
  view.setUint32(0, 0xfff80000);
  view.setUint32(4, 0);
  return view.getFloat64(0);
})();

/** |x| (finite) exactly as n / 10^k. */
function exact(x: number): { n: bigint; k: number } {
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  if (exp >= 0) return { n: mant << BigInt(exp), k: 0 };
  return { n: mant * 5n ** BigInt(-exp), k: -exp };
}

/** n / 10^k rounded half-even to `f` fractional digits, as an integer scaled by 10^f. */
function roundTo(n: bigint, k: number, f: number): bigint {
  if (f >= k) return n * 10n ** BigInt(f - k);
  const d = 10n ** BigInt(k - f);
  const q = n / d;
  const r2 = (n % d) * 2n;
  if (r2 > d || (r2 === d && q % 2n === 1n)) return q + 1n;
  return q;
}

/** Digits of an integer scaled by 10^f, with the decimal point put back. */
function withPoint(q: bigint, f: number, alt: boolean): string {
  let s = q.toString();
  if (f <= 0) return alt ? `${s}.` : s;
  if (s.length <= f) s = '0'.repeat(f - s.length + 1) + s;
  return `${s.slice(0, s.length - f)}.${s.slice(s.length - f)}`;
}

function fixed(x: number, prec: number, alt: boolean): string {
  const { n, k } = exact(x);
  return withPoint(roundTo(n, k, prec), prec, alt);
}

/** Mantissa digits (scaled by 10^prec) and decimal exponent of |x| rounded to prec+1 digits. */
function scientificParts(x: number, prec: number): { q: bigint; e: number } {
  if (x === 0) return { q: 0n, e: 0 };
  const { n, k } = exact(x);
  let e = n.toString().length - 1 - k;
  let q = roundTo(n, k, prec - e);
  if (q.toString().length > prec + 1) {
    e++;
    q = roundTo(n, k, prec - e);
  }
  return { q, e };
}

function scientific(x: number, prec: number, alt: boolean, upper: boolean): string {
  const { q, e } = scientificParts(x, prec);
  const exp = `${Math.abs(e)}`.padStart(2, '0');
  return `${withPoint(q, prec, alt)}${upper ? 'E' : 'e'}${e < 0 ? '-' : '+'}${exp}`;
}

function general(x: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  const { e } = scientificParts(x, p - 1);
  let s = p > e && e >= -4 ? fixed(x, p - 1 - e, alt) : scientific(x, p - 1, alt, upper);
  if (!alt) {
    const m = /^([^eE]*?)(\.0*|(\.\d*?)0+)?([eE].*)?$/.exec(s);
    if (m) s = m[1] + (m[3] ?? '') + (m[4] ?? '');
  }
  return s;
}

/** Applies width and the '-' and '0' flags to a converted body with its sign or prefix. */
function pad(prefix: string, body: string, spec: Spec, zeroAllowed: boolean): string {
  const len = prefix.length + body.length;
  if (len >= spec.width) return prefix + body;
  if (spec.flags.includes('-')) return prefix + body + ' '.repeat(spec.width - len);
  if (zeroAllowed && spec.flags.includes('0')) return prefix + '0'.repeat(spec.width - len) + body;
  return ' '.repeat(spec.width - len) + prefix + body;
}

/** %e %f %g %E %F %G of a double. */
export function formatFloat(x: number, spec: Spec): string {
  const prec = spec.precision < 0 ? 6 : spec.precision;
  const alt = spec.flags.includes('#');
  const upper = spec.conv === 'E' || spec.conv === 'G' || spec.conv === 'F';
  const negative = signBit(x);
  const sign = negative ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  if (!Number.isFinite(x)) {
    const word = Number.isNaN(x) ? 'nan' : 'inf';
    return pad(sign, upper ? word.toUpperCase() : word, spec, false);
  }
  const a = Math.abs(x);
  const c = spec.conv.toLowerCase();
  const body =
    c === 'f' ? fixed(a, prec, alt) : c === 'e' ? scientific(a, prec, alt, upper) : general(a, prec, alt, upper);
  return pad(sign, body, spec, true);
}

/** %d %i of an integer (already clamped as mawk clamps). */
export function formatSigned(v: number, spec: Spec): string {
  const sign = v < 0 ? '-' : spec.flags.includes('+') ? '+' : spec.flags.includes(' ') ? ' ' : '';
  let digits = Math.abs(v).toString();
  if (spec.precision >= 0) {
    if (spec.precision === 0 && v === 0) digits = '';
    digits = digits.padStart(spec.precision, '0');
  }
  return pad(sign, digits, spec, spec.precision < 0);
}

/** %o %x %X %u of an unsigned integer. */
export function formatUnsigned(v: number, spec: Spec): string {
  const radix = spec.conv === 'o' ? 8 : spec.conv === 'u' ? 10 : 16;
  let digits = v.toString(radix);
  if (spec.conv === 'X') digits = digits.toUpperCase();
  if (spec.precision >= 0) {
    if (spec.precision === 0 && v === 0) digits = '';
    digits = digits.padStart(spec.precision, '0');
  }
  let prefix = '';
  if (spec.flags.includes('#')) {
    if (spec.conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`;
    if (spec.conv === 'x' && v !== 0) prefix = '0x';
    if (spec.conv === 'X' && v !== 0) prefix = '0X';
  }
  return pad(prefix, digits, spec, spec.precision < 0);
}

/**
 * %s and %c by mawk's own routine (not C's): the '0' and '+' flags are ignored, ' ' prints a
 * blank before an empty string, and a '.' without digits sets no precision.
 */
export function formatString(s: string, flags: string, width: number | undefined, prec: number | undefined): string {
  let w = width;
  let left = flags.includes('-');
  if (w !== undefined && w < 0) {
    w = -w;
    left = true;
  }
  const lead = flags.includes(' ') && s === '' ? ' ' : '';
  const body = prec !== undefined && s.length > prec ? s.slice(0, Math.max(0, prec)) : s;
  const fill = w !== undefined && body.length < w ? ' '.repeat(w - body.length) : '';
  return lead + (left ? body + fill : fill + body);
}
