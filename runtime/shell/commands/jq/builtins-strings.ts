// String builtins and the @formats (builtin.c: f_format, f_ltrimstr…, jv_string_* in jv.c).
import { cfunction } from './builtins-values';
import type { Native } from './eval-types';
import { formatNumber, toJson } from './json-print';
import { splitString } from './operators';
import { decodeJqUtf8, JqError, typeError, type Value } from './values';
import { encodeUtf8 } from '../../../util/utf8';

const tostring = (v: Value): string => (typeof v === 'string' ? v : toJson(v));

/** jq's escape_string: replaces the characters in `table`, and NUL with `\0`. */
function escape(s: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of s) out += ch === '\0' ? '\\0' : (table[ch] ?? ch);
  return out;
}

function row(v: Value, csv: boolean): string {
  if (!Array.isArray(v)) throw typeError(v, `cannot be ${csv ? 'csv' : 'tsv'}-formatted, only array`);
  return v
    .map((x) => {
      if (x === null) return '';
      if (typeof x === 'boolean') return String(x);
      if (typeof x === 'number') return Number.isNaN(x) ? '' : formatNumber(x);
      if (typeof x === 'string')
        return csv
          ? `"${escape(x, { '"': '""' })}"`
          : escape(x, { '\t': '\\t', '\r': '\\r', '\n': '\\n', '\\': '\\\\' });
      throw typeError(x, 'is not valid in a csv row');
    })
    .join(csv ? ',' : '\t');
}

function shell(v: Value): string {
  return (Array.isArray(v) ? v : [v])
    .map((x) => {
      if (typeof x === 'string') return `'${escape(x, { "'": "'\\''" })}'`;
      if (x === null || typeof x !== 'object') return toJson(x);
      throw typeError(x, 'can not be escaped for shell');
    })
    .join(' ');
}

const UNRESERVED = /[A-Za-z0-9\-_.!~*'()]/;

function uri(s: string): string {
  let out = '';
  for (const b of encodeUtf8(s)) {
    const c = String.fromCharCode(b);
    out += b < 128 && UNRESERVED.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(s: string): string {
  const bytes = encodeUtf8(s);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = bytes.length - i >= 3 ? 3 : bytes.length - i;
    const code = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    for (let j = 0; j < 4; j++) out += j > n ? '=' : BASE64[(code >> (18 - j * 6)) & 63];
  }
  return out;
}

/** jq 1.6's @base64d: stops at the first `=`; the bytes become a string as jq repairs them. */
function base64Decode(input: Value): string {
  const s = tostring(input);
  const bytes: number[] = [];
  let code = 0;
  let count = 0;
  for (const ch of s) {
    if (ch === '=') break;
    const d = BASE64.indexOf(ch);
    if (d < 0) throw typeError(s, 'is not valid base64 data');
    code = (code << 6) | d;
    if (++count === 4) {
      bytes.push((code >> 16) & 255, (code >> 8) & 255, code & 255);
      count = code = 0;
    }
  }
  if (count === 3) bytes.push((code >> 10) & 255, (code >> 2) & 255);
  else if (count === 2) bytes.push((code >> 4) & 255);
  else if (count === 1) throw typeError(s, 'trailing base64 byte found');
  return decodeJqUtf8(bytes);
}

function format(input: Value, name: Value): Value {
  if (typeof name !== 'string') throw typeError(name, 'is not a valid format');
  switch (name) {
    case 'json':
      return toJson(input);
    case 'text':
      return tostring(input);
    case 'csv':
    case 'tsv':
      return row(input, name === 'csv');
    case 'html':
      return escape(tostring(input), { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' });
    case 'uri':
      return uri(tostring(input));
    case 'sh':
      return shell(input);
    case 'base64':
      return base64(tostring(input));
    case 'base64d':
      return base64Decode(input);
    default:
      throw new JqError(`${name} is not a valid format`);
  }
}

/** Byte offsets of non-overlapping occurrences (jq 1.6's _strindices counts bytes). */
function byteIndexes(s: Value, needle: Value): Value {
  const hay = encodeUtf8(String(s));
  const pin = encodeUtf8(String(needle));
  const found: Value[] = [];
  if (pin.length === 0) return found;
  for (let i = 0; i + pin.length <= hay.length;) {
    let j = 0;
    while (j < pin.length && hay[i + j] === pin[j]) j++;
    if (j === pin.length) {
      found.push(i);
      i += pin.length;
    } else i++;
  }
  return found;
}

function implode(v: Value): Value {
  if (!Array.isArray(v)) throw new JqError('implode input must be an array');
  return v
    .map((n) => {
      if (typeof n !== 'number') throw new JqError('Unicode codepoint must be numeric');
      const cp = Math.trunc(n);
      return cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\ufffd' : String.fromCodePoint(cp);
    })
    .join('');
}

function explode(v: Value): number[] {
  if (typeof v !== 'string') throw new JqError('explode input must be a string');
  return Array.from(v, (c) => c.codePointAt(0) as number);
}

/** ascii_downcase/upcase: only A-Z/a-z change; jq 1.6 goes through explode (and its error). */
function asciiCase(v: Value, letters: RegExp, change: (m: string) => string): Value {
  if (typeof v !== 'string') return explode(v);
  return v.replace(letters, change);
}

const both = (a: Value, b: Value, name: string): [string, string] => {
  if (typeof a !== 'string' || typeof b !== 'string') throw new JqError(`${name}() requires string inputs`);
  return [a, b];
};

export const STRING_BUILTINS: Record<string, Native> = {
  'format/1': cfunction(format),
  'startswith/1': cfunction((a, b) => {
    const [s, p] = both(a, b, 'startswith');
    return s.startsWith(p);
  }),
  'endswith/1': cfunction((a, b) => {
    const [s, p] = both(a, b, 'endswith');
    return s.endsWith(p);
  }),
  'ltrimstr/1': cfunction((s, p) =>
    typeof s === 'string' && typeof p === 'string' && s.startsWith(p) ? s.slice(p.length) : s,
  ),
  'rtrimstr/1': cfunction((s, p) =>
    typeof s === 'string' && typeof p === 'string' && s.endsWith(p) ? s.slice(0, s.length - p.length) : s,
  ),
  'split/1': cfunction((s, sep) => {
    if (typeof s !== 'string' || typeof sep !== 'string')
      throw new JqError('split input and separator must be strings');
    return splitString(s, sep);
  }),
  'explode/0': cfunction(explode),
  'implode/0': cfunction(implode),
  '_strindices/1': cfunction(byteIndexes),
  'ascii_downcase/0': cfunction((v) => asciiCase(v, /[A-Z]+/g, (m) => m.toLowerCase())),
  'ascii_upcase/0': cfunction((v) => asciiCase(v, /[a-z]+/g, (m) => m.toUpperCase())),
};
