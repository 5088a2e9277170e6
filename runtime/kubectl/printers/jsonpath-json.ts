import { GoInt, sortedKeys, type GoValue } from './go-template-fmt';

/**
 * Go's json.Marshal of decoded JSON, as the jsonpath printer writes maps and lists: compact, map
 * keys sorted, and HTML-safe (`<`, `>`, `&`, U+2028 and U+2029 escaped as \u00XX).
 */
export function goJsonMarshal(value: GoValue): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof GoInt) return String(value.value);
  // JavaScript's shortest form and its switch to exponents (below 1e-6, from 1e21) are Go's too.
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return goJsonString(value);
  if (Array.isArray(value)) return `[${value.map(goJsonMarshal).join(',')}]`;
  return `{${sortedKeys(value)
    .map((key) => `${goJsonString(key)}:${goJsonMarshal(value[key])}`)
    .join(',')}}`;
}

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** One string as encoding/json writes it (with HTML escaping). */
export function goJsonString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (code < 0x20 || ch === '<' || ch === '>' || ch === '&' || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}
