// How jq 1.6 prints values (jv_print.c, jv_dtoa.c's g_fmt): its number format, its string escapes,
// its indentation and, on a terminal, its colours.
import type { JqObject, Value } from './values';
import { sortedKeys } from './values';

export interface PrintOptions {
  /** Spaces per level; 0 prints compactly (unless `tab`). */
  indent: number;
  tab: boolean;
  sortKeys: boolean;
  ascii: boolean;
  color: boolean;
}

export const COMPACT: PrintOptions = { indent: 0, tab: false, sortKeys: false, ascii: false, color: false };

/** Deeper than this, jq prints a placeholder instead of the value. */
const MAX_PRINT_DEPTH = 256;

const ESC = '\x1b';
const RESET = `${ESC}[0m`;
const FIELD_COLOR = `${ESC}[34;1m`;

/** jq 1.6's default colours: null, false, true, numbers, strings, arrays, objects. */
function colorOf(v: Value): string {
  if (v === null) return `${ESC}[1;30m`;
  if (typeof v === 'string') return `${ESC}[0;32m`;
  if (typeof v === 'object') return `${ESC}[1;39m`;
  return `${ESC}[0;39m`;
}

/** The shortest digits that read back as `x`, and where the decimal point goes (dtoa mode 0). */
function shortestDigits(x: number): { digits: string; point: number } {
  const [mantissa, exponent] = String(x).split('e');
  const [whole, fraction = ''] = mantissa.split('.');
  let digits = whole + fraction;
  let point = whole.length + (exponent ? Number(exponent) : 0);
  const lead = digits.length - digits.replace(/^0+/, '').length;
  digits = digits.slice(lead).replace(/0+$/, '');
  point -= lead;
  return { digits, point };
}

/** A number as jq prints it: 17 significant digits at most, exponents past 1e17 or below 1e-5. */
export function formatNumber(d: number): string {
  if (Number.isNaN(d)) return 'null';
  if (d === Infinity) d = Number.MAX_VALUE;
  if (d === -Infinity) d = -Number.MAX_VALUE;
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  const sign = d < 0 ? '-' : '';
  const { digits, point } = shortestDigits(Math.abs(d));
  if (point <= -4 || point > digits.length + 15) {
    const exp = point - 1;
    const mag = Math.abs(exp);
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${mag < 10 ? '0' : ''}${mag}`;
  }
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const hex4 = (n: number): string => `\\u${n.toString(16).padStart(4, '0')}`;
const SHORT_ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };

/** A string as a JSON literal; `ascii` escapes everything past U+007E. */
export function quoteString(s: string, ascii = false): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c >= 0x20 && c <= 0x7e) out += c === 0x22 || c === 0x5c ? `\\${ch}` : ch;
    else if (c < 0x20 || c === 0x7f) out += SHORT_ESCAPES[c] ?? hex4(c);
    else if (!ascii) out += ch;
    else if (c <= 0xffff) out += hex4(c);
    else out += hex4(0xd800 | ((c - 0x10000) >> 10)) + hex4(0xdc00 | ((c - 0x10000) & 0x3ff));
  }
  return `${out}"`;
}

/** Prints `v` as jq does with `options` (no trailing newline). */
export function printValue(v: Value, options: PrintOptions): string {
  const out: string[] = [];
  const pretty = options.tab || options.indent > 0;
  const pad = (depth: number): string => (options.tab ? '\t'.repeat(depth) : ' '.repeat(depth * options.indent));
  const open = (depth: number): string => (pretty ? `\n${pad(depth + 1)}` : '');
  const separator = (depth: number): string => (pretty ? `,\n${pad(depth + 1)}` : ',');
  const close = (depth: number): string => (pretty ? `\n${pad(depth)}` : '');

  const term = (x: Value, depth: number): void => {
    const color = options.color ? colorOf(x) : '';
    out.push(color);
    if (depth > MAX_PRINT_DEPTH) out.push('<skipped: too deep>');
    else if (x === null || typeof x === 'boolean') out.push(String(x));
    else if (typeof x === 'number') out.push(formatNumber(x));
    else if (typeof x === 'string') out.push(quoteString(x, options.ascii));
    else if (Array.isArray(x)) {
      if (x.length === 0) out.push('[]');
      else {
        out.push('[', open(depth));
        x.forEach((item, i) => {
          if (i > 0) out.push(separator(depth));
          term(item, depth + 1);
          out.push(color);
        });
        out.push(close(depth), color, ']');
      }
    } else object(x, depth, color);
    if (color) out.push(RESET);
  };

  const object = (x: JqObject, depth: number, color: string): void => {
    if (x.size === 0) {
      out.push('{}');
      return;
    }
    out.push('{', open(depth));
    const keys = options.sortKeys ? sortedKeys(x) : [...x.keys()];
    keys.forEach((key, i) => {
      if (i > 0) out.push(separator(depth));
      if (color) out.push(RESET, FIELD_COLOR);
      out.push(quoteString(key, options.ascii));
      if (color) out.push(RESET, color);
      out.push(pretty ? ': ' : ':');
      if (color) out.push(RESET);
      term(x.get(key) as Value, depth + 1);
      out.push(color);
    });
    out.push(close(depth), color, '}');
  };

  term(v, 0);
  return out.join('');
}

/** Compact JSON as `tojson`, `tostring` and error messages render values. */
export const toJson = (v: Value): string => printValue(v, COMPACT);
