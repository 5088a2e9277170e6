// The words the scanner knows (keywords, builtin functions) and how it decodes the escapes of
// a string constant.
import { regexEscape } from './regex';

export const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'function',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'nextfile',
  'exit',
  'return',
  'delete',
  'getline',
  'print',
  'printf',
  'in',
]);

export const BUILTINS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'match',
  'sprintf',
  'tolower',
  'toupper',
  'int',
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'atan2',
  'rand',
  'srand',
  'system',
  'close',
  'fflush',
]);

/** mawk's rm_escape for string constants: known escapes decoded, others kept with their `\`. */
export function unescapeString(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = raw[i + 1];
    if (next === undefined) {
      out += '\\';
      continue;
    }
    if (next === '\\' || next === '"') {
      out += next;
      i++;
    } else if ('ntfbrav'.includes(next) || (next >= '0' && next <= '7')) {
      const e = regexEscape(raw, i + 1);
      out += String.fromCharCode(e.c);
      i = e.end - 1;
    } else if (next === 'x' && /[0-9A-Fa-f]/.test(raw[i + 2] ?? '')) {
      const e = regexEscape(raw, i + 1);
      out += String.fromCharCode(e.c);
      i = e.end - 1;
    } else {
      out += `\\${next}`;
      i++;
    }
  }
  return out;
}
