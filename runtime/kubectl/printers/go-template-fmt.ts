/**
 * Go's fmt over the values kubectl's printers see: JSON decoded into interface{} (maps, slices,
 * strings, bool, nil, int64 for integral numbers, float64 otherwise), plus the template engine's
 * `int` constants (GoInt). Covers %v, %+v, %#v, %s, %q, %d, %x, %X, %t, %T, %f, %e, %g, %c and
 * widths, flags and precision, with Go's `%!verb(type=value)` complaints.
 */

import { encodeUtf8 } from '../../util/utf8';

/** A Go `int` (template constants, len, range indexes), as opposed to a JSON number (int64). */
export class GoInt {
  constructor(readonly value: number) {}
}

/** A value the printers handle; `undefined` is Go's invalid reflect.Value. */
export type GoValue = null | boolean | string | number | GoInt | GoValue[] | { [key: string]: GoValue } | undefined;

/** Go's type name of a value, as %T and error messages print it. */
export function goTypeName(value: GoValue): string {
  if (value === null || value === undefined) return '<nil>';
  if (value instanceof GoInt) return 'int';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return '[]interface {}';
  return 'map[string]interface {}';
}

/** A number's value whatever its Go type, or undefined for non-numbers. */
export function numberOf(value: GoValue): number | undefined {
  if (value instanceof GoInt) return value.value;
  return typeof value === 'number' ? value : undefined;
}

const isInteger = (value: GoValue): boolean =>
  value instanceof GoInt || (typeof value === 'number' && Number.isInteger(value));

/** Map keys in the order fmt and encoding/json print them (sorted by bytes). */
export function sortedKeys(map: object): string[] {
  return Object.keys(map).sort((a, b) => compareBytes(encodeUtf8(a), encodeUtf8(b)));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** strconv.FormatFloat(f, 'g', -1, 64) as %v prints it: shortest digits, exponent when exp < -4 or >= 6. */
export function formatGoFloat(n: number, eprec = 6): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const [mantissa, expText] = n.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= eprec) {
    const sign = exp < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const digits = mantissa.replace('-', '').replace('.', '');
  const negative = n < 0 ? '-' : '';
  if (exp < 0) return `${negative}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return negative + digits + '0'.repeat(exp + 1 - digits.length);
  return `${negative}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/** strconv.Quote: Go-escaped and double-quoted, printable Unicode kept. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\v') out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code >= 0x80 && code < 0xa0) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** fmt's %v (and %+v, the same for these types): what print, Sprint and custom-columns show. */
export function formatV(value: GoValue): string {
  return formatVerb(value, 'v', false);
}

/** fmt's %#v (Go syntax), as the jsonpath printer's debugging dump shows the object. */
export function formatSharpV(value: GoValue, inInterface = false): string {
  if (value === null || value === undefined) return inInterface ? 'interface {}(nil)' : '<nil>';
  if (typeof value === 'string') return goQuote(value);
  if (value instanceof GoInt) return String(value.value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : formatGoFloat(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map((v) => formatSharpV(v, true)).join(', ')}}`;
  const entries = sortedKeys(value).map((key) => `${goQuote(key)}:${formatSharpV(value[key], true)}`);
  return `map[string]interface {}{${entries.join(', ')}}`;
}

/** Formats one operand with a verb whose flags are already handled; `bad` reports %!verb. */
function formatVerb(value: GoValue, verb: string, sharp: boolean): string {
  if (value === undefined) return '<invalid reflect.Value>';
  if (value === null) return verb === 'v' ? '<nil>' : `%!${verb}(<nil>)`;
  if (Array.isArray(value)) return `[${value.map((v) => formatVerb(v, verb, sharp)).join(' ')}]`;
  if (typeof value === 'object' && !(value instanceof GoInt)) {
    const entries = sortedKeys(value).map(
      (key) => `${formatVerb(key, verb, sharp)}:${formatVerb(value[key], verb, sharp)}`,
    );
    return `map[${entries.join(' ')}]`;
  }
  const bad = (): string => `%!${verb}(${goTypeName(value)}=${formatVerb(value, 'v', false)})`;
  if (typeof value === 'boolean') return verb === 'v' || verb === 't' ? String(value) : bad();
  if (typeof value === 'string') {
    switch (verb) {
      case 'v':
      case 's':
        return value;
      case 'q':
        return sharp && !value.includes('`') ? `\`${value}\`` : goQuote(value);
      case 'x':
      case 'X': {
        const hex = Array.from(encodeUtf8(value), (b) => b.toString(16).padStart(2, '0')).join('');
        return verb === 'X' ? hex.toUpperCase() : hex;
      }
      default:
        return bad();
    }
  }
  const n = numberOf(value) ?? 0;
  if (isInteger(value)) {
    switch (verb) {
      case 'v':
      case 'd':
        return String(n);
      case 'x':
        return n.toString(16);
      case 'X':
        return n.toString(16).toUpperCase();
      case 'o':
        return n.toString(8);
      case 'b':
        return n.toString(2);
      case 'c':
        return String.fromCodePoint(n);
      case 'q':
        return `'${String.fromCodePoint(n)}'`;
      default:
        return bad();
    }
  }
  switch (verb) {
    case 'v':
      return formatGoFloat(n);
    case 'g':
      return formatGoFloat(n);
    case 'f':
    case 'F':
      return n.toFixed(6);
    case 'e':
      return formatGoFloat(n, -100);
    default:
      return bad();
  }
}

interface Spec {
  minus: boolean;
  plus: boolean;
  zero: boolean;
  space: boolean;
  sharp: boolean;
  width?: number;
  precision?: number;
}

/** Applies width, precision and flags to one formatted operand. */
function pad(text: string, spec: Spec, numeric: boolean): string {
  if (spec.width === undefined) return text;
  const length = Array.from(text).length;
  if (length >= spec.width) return text;
  const fill = spec.width - length;
  if (spec.minus) return text + ' '.repeat(fill);
  if (spec.zero && numeric) {
    const sign = text.startsWith('-') || text.startsWith('+') ? text[0] : '';
    return sign + '0'.repeat(fill) + text.slice(sign.length);
  }
  return (spec.zero && !numeric ? '0' : ' ').repeat(fill) + text;
}

function formatOperand(value: GoValue, verb: string, spec: Spec): string {
  if (verb === 'T') return pad(goTypeName(value), spec, false);
  if (verb === 'v' && spec.sharp) return pad(formatSharpV(value), spec, false);
  const n = numberOf(value);
  if (n !== undefined && !isInteger(value) && 'eEfFgG'.includes(verb) && spec.precision !== undefined) {
    const text = verb === 'f' || verb === 'F' ? n.toFixed(spec.precision) : n.toExponential(spec.precision);
    return pad(text, spec, true);
  }
  let text = formatVerb(value, verb, spec.sharp);
  if (typeof value === 'string' && spec.precision !== undefined && (verb === 's' || verb === 'v')) {
    text = Array.from(text).slice(0, spec.precision).join('');
  }
  if (n !== undefined && spec.plus && n >= 0) text = `+${text}`;
  else if (n !== undefined && spec.space && n >= 0) text = ` ${text}`;
  return pad(text, spec, n !== undefined);
}

/** fmt.Sprintf with Go's verbs and its complaints about missing, extra and mismatched operands. */
export function goSprintf(format: string, args: GoValue[]): string {
  let out = '';
  let argIndex = 0;
  let i = 0;
  while (i < format.length) {
    const ch = format[i];
    if (ch !== '%') {
      out += ch;
      i++;
      continue;
    }
    i++;
    const spec: Spec = { minus: false, plus: false, zero: false, space: false, sharp: false };
    for (; i < format.length && '-+0 #'.includes(format[i]); i++) {
      if (format[i] === '-') spec.minus = true;
      else if (format[i] === '+') spec.plus = true;
      else if (format[i] === '0') spec.zero = true;
      else if (format[i] === ' ') spec.space = true;
      else spec.sharp = true;
    }
    const width = /^\d+/.exec(format.slice(i));
    if (width) {
      spec.width = Number(width[0]);
      i += width[0].length;
    }
    if (format[i] === '.') {
      const precision = /^\d*/.exec(format.slice(i + 1))?.[0] ?? '';
      spec.precision = Number(precision || '0');
      i += 1 + precision.length;
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argIndex >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    out += formatOperand(args[argIndex++], verb, spec);
  }
  if (argIndex < args.length) {
    const extra = args.slice(argIndex).map((a) => (a === null ? '<nil>' : `${goTypeName(a)}=${formatV(a)}`));
    out += `%!(EXTRA ${extra.join(', ')})`;
  }
  return out;
}

/** fmt.Sprint: operands as %v, a space between two operands when neither is a string. */
export function goSprint(args: GoValue[]): string {
  let out = '';
  args.forEach((arg, i) => {
    if (i > 0 && typeof arg !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += formatV(arg);
  });
  return out;
}

/** fmt.Sprintln: operands as %v separated by spaces, then a newline. */
export function goSprintln(args: GoValue[]): string {
  return `${args.map(formatV).join(' ')}\n`;
}
