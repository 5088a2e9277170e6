// The two kinds of JSON token jq's reader decodes itself: number literals (what C's strtod takes)
// and string bodies (escapes, with jq's messages).

/** What C's strtod (David Gay's, as jq builds it) accepts as a whole number token. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const INFINITY = /^([+-]?)inf(?:inity)?$/i;
const NAN = /^[+-]?nan(?:\([0-9A-Za-z_]*\))?$/i;

export function parseNumber(token: string): number | undefined {
  if (NUMBER.test(token)) return Number(token);
  const inf = INFINITY.exec(token);
  if (inf) return inf[1] === '-' ? -Infinity : Infinity;
  if (NAN.test(token)) return NaN;
  return undefined;
}

/** Decodes the body of a string token (between the quotes), or a message. */
export function decodeString(token: string): string | { error: string } {
  let out = '';
  for (let i = 0; i < token.length; i++) {
    const c = token[i];
    const code = token.charCodeAt(i);
    if (c !== '\\') {
      // jq checks bytes as signed chars: 0x01-0x1e only.
      if (code > 0 && code < 0x1f)
        return { error: 'Invalid string: control characters from U+0000 through U+001F must be escaped' };
      out += c;
      continue;
    }
    if (++i >= token.length) return { error: 'Expected escape character at end of string' };
    const e = token[i];
    const simple = { '\\': '\\', '"': '"', '/': '/', b: '\b', f: '\f', t: '\t', n: '\n', r: '\r' }[e];
    if (simple !== undefined) out += simple;
    else if (e === 'u') {
      const hex = token.slice(i + 1, i + 5);
      if (hex.length < 4) return { error: 'Invalid \\uXXXX escape' };
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return { error: 'Invalid characters in \\uXXXX escape' };
      let cp = parseInt(hex, 16);
      i += 4;
      if (cp >= 0xd800 && cp <= 0xdbff) {
        const low = token.slice(i + 1, i + 7);
        const lo = /^\\u[0-9a-fA-F]{4}$/.test(low) ? parseInt(low.slice(2), 16) : -1;
        if (lo < 0xdc00 || lo > 0xdfff) return { error: 'Invalid \\uXXXX\\uXXXX surrogate pair escape' };
        cp = 0x10000 + (((cp - 0xd800) << 10) | (lo - 0xdc00));
        i += 6;
      }
      // A lone low surrogate is not UTF-8; jq's string constructor replaces it.
      out += cp >= 0xdc00 && cp <= 0xdfff ? '\ufffd' : String.fromCodePoint(cp);
    } else return { error: 'Invalid escape' };
  }
  return out;
}
