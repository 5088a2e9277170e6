/**
 * apimachinery's field.Error as Go renders it (util/validation/field/errors.go): the constructors
 * (Required, Invalid, NotSupported, …) and the bad value printed the way ErrorBody prints it —
 * integers, floats and booleans with %v, strings with %q, anything else as encoding/json output.
 */
import { isObject } from './object';
import type { FieldError } from './resource';

/**
 * A Go struct for {@link goJson}: its fields in declaration order (encoding/json keeps that order;
 * Go maps, given as plain objects, come out with their keys sorted).
 */
export type GoStruct = Map<string, unknown>;

/** Go's strconv.Quote (fmt %q): a double-quoted string with Go escapes. */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (ESCAPES[char]) out += ESCAPES[char];
    else if (PRINTABLE.test(char)) out += char;
    else if (code < 0x80) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * A float64 as fmt's %v prints it: the shortest representation, in exponent form (`1e+06`) when
 * the exponent is below -4 or at least 6.
 */
export function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  return String(value);
}

/**
 * A JSON number as Go holds it after decoding into interface{} (apimachinery's json package):
 * integers are int64 and print plainly, other numbers are float64.
 */
export function goNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : goFloat(value);
}

/**
 * encoding/json's output for a value: maps with sorted keys, {@link GoStruct}s in field order,
 * `<`, `>` and `&` escaped as the HTML-safe encoder does.
 */
export function goJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'string') return goJsonString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (value instanceof Map) {
    return `{${[...value].map(([k, v]) => `${goJsonString(k)}:${goJson(v)}`).join(',')}}`;
  }
  if (isObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${goJsonString(k)}:${goJson(value[k])}`).join(',')}}`;
  }
  return 'null';
}

function goJsonString(text: string): string {
  return JSON.stringify(text).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`,
  );
}

/** A bad value as field.Error's ErrorBody prints it. */
export function goValue(value: unknown): string {
  if (typeof value === 'number') return goNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return goQuote(value);
  return goJson(value);
}

const withDetail = (text: string, detail: string): string => (detail ? `${text}: ${detail}` : text);

/** field.Required: `Required value` and an optional detail. */
export function fieldRequired(field: string, detail = ''): FieldError {
  return { type: 'FieldValueRequired', field, message: withDetail('Required value', detail) };
}

/** field.Forbidden: `Forbidden: detail`. */
export function fieldForbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, message: withDetail('Forbidden', detail) };
}

/** field.Invalid: `Invalid value: <value>: detail`. */
export function fieldInvalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, message: withDetail(`Invalid value: ${goValue(value)}`, detail) };
}

/** field.TypeInvalid: printed as `Invalid value: <value>: detail`, with its own reason. */
export function fieldTypeInvalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'FieldValueTypeInvalid', field, message: withDetail(`Invalid value: ${goValue(value)}`, detail) };
}

/** field.NotSupported: `Unsupported value: <value>: supported values: "a", "b"`. */
export function fieldNotSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map(goQuote).join(', ')}` : '';
  return { type: 'FieldValueNotSupported', field, message: withDetail(`Unsupported value: ${goValue(value)}`, detail) };
}

/** A required enum field: Required when empty, NotSupported when not one of `accepted`. */
export function fieldEnumErrors(field: string, value: string, accepted: readonly string[]): FieldError[] {
  if (value === '') return [fieldRequired(field)];
  return accepted.includes(value) ? [] : [fieldNotSupported(field, value, accepted)];
}

/** field.Duplicate: `Duplicate value: <value>`. */
export function fieldDuplicate(field: string, value: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, message: `Duplicate value: ${goValue(value)}` };
}

/** field.TooLong: `Too long: may not be more than N bytes` (the value itself is left out). */
export function fieldTooLong(field: string, max: number): FieldError {
  const detail = max >= 0 ? `may not be more than ${max} ${max === 1 ? 'byte' : 'bytes'}` : 'value is too long';
  return { type: 'FieldValueTooLong', field, message: `Too long: ${detail}` };
}

/** field.TooMany: `Too many: N: must have at most M items`. */
export function fieldTooMany(field: string, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items';
  const body = actual >= 0 ? `Too many: ${actual}` : 'Too many';
  return { type: 'FieldValueTooMany', field, message: `${body}: ${detail}` };
}

/** field.InternalError: `Internal error: detail`. */
export function fieldInternal(field: string, detail: string): FieldError {
  return { type: 'InternalError', field, message: `Internal error: ${detail}` };
}

/** fmt's %v of a []string: `[a b c]`. */
export function goStrings(values: readonly string[]): string {
  return `[${values.join(' ')}]`;
}
