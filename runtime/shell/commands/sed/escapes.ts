// GNU sed's own escapes (\n \t \a \f \v \r \cX \dNNN \oNNN \xHH), which it resolves before the
// regex library or the output sees the text (normalize_text in sed/compile.c).
import { charLength } from './bytes';

/** Where the escaped text goes: each treats unknown escapes differently. */
export type TextKind = 'buffer' | 'regex' | 'replacement';

const SIMPLE: Record<string, string> = { a: '\x07', f: '\f', '\n': '\n', n: '\n', r: '\r', t: '\t', v: '\v' };
const BASES: Record<string, number> = { d: 10, x: 16, o: 8 };

/** \cX with X a backslash needs it doubled; sed's own message for the other case. */
export class RecursiveEscapeError extends Error {}

/**
 * The number after \d, \o or \x at `at` (the letter): at most 3, 3 and 2 digits, as one byte
 * (or the letter itself when no digit follows), and where it ends.
 */
function number(text: string, at: number, base: number): { ch: string; end: number } {
  let n = 0;
  let p = at + 1;
  for (let max = 1; p < text.length && max <= 255; p++, max *= base) {
    const d = parseInt(text[p], 16);
    if (Number.isNaN(d) || d >= base) break;
    n = n * base + d;
  }
  return { ch: p === at + 1 ? text[at] : String.fromCharCode(n & 0xff), end: p };
}

/**
 * Tracks bracket expressions in a regex, where POSIX mode leaves escapes alone: 0 outside, -1
 * inside, or the delimiter inside [.x.], [=x=] or [:x:] (bracket_state in normalize_text).
 */
function bracketState(state: number | string, text: string, p: number): number | string {
  const ch = text[p];
  if (ch === '[') return state === 0 ? -1 : state;
  if (ch === ':' || ch === '.' || ch === '=') return state === -1 && text[p - 1] === '[' ? ch : state;
  if (ch !== ']' || state === 0) return state;
  if (state === -1) return 0;
  return text[p - 2] !== state && text[p - 1] === state ? -1 : state;
}

/**
 * `text` (bytes) with sed's escapes resolved. Unknown escapes keep their backslash for the regex
 * or replacement parser, and lose it in a/i/c text and y strings ("buffer"). `posixBrackets`
 * (--posix, POSIXLY_CORRECT) leaves escapes inside a regex's bracket expressions alone.
 */
export function normalizeText(text: string, kind: TextKind, posixBrackets = false): string {
  let out = '';
  let p = 0;
  let state: number | string = 0;
  while (p < text.length) {
    const len = text.charCodeAt(p) >= 0x80 ? charLength(text, p) : 1;
    if (len > 1 || text[p] !== '\\' || p + 1 >= text.length || state !== 0) {
      if (len === 1 && kind === 'regex' && posixBrackets) state = bracketState(state, text, p);
      out += text.slice(p, p + len);
      p += len;
      continue;
    }
    const next = text[++p];
    if (next in SIMPLE) {
      out += SIMPLE[next];
      p++;
    } else if (next in BASES) {
      const { ch, end } = number(text, p, BASES[next]);
      // A & or \ made this way stays literal in a replacement.
      if (kind === 'replacement' && (ch === '&' || ch === '\\')) out += '\\';
      out += ch;
      p = end;
    } else if (next === 'c') {
      if (++p < text.length) {
        const c = text.charCodeAt(p);
        out += String.fromCharCode((c >= 0x61 && c <= 0x7a ? c - 32 : c) ^ 0x40);
        if (text[p] === '\\') {
          p++;
          if (text[p] !== '\\') throw new RecursiveEscapeError();
        }
        p++;
      } else if (kind !== 'buffer') out += '\\';
    } else {
      if (kind !== 'buffer') out += '\\';
      out += text[p++];
    }
  }
  return out;
}
