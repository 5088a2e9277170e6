/** POSIX bracket classes as JS class contents. */
const CLASS: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  blank: ' \\t',
  cntrl: '\\x00-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: ' \\t\\n\\r\\f\\v',
  upper: 'A-Z',
  xdigit: '0-9A-Fa-f',
};

/** Thrown for a malformed pattern, with grep's message. */
export class PatternError extends Error {}

/** A bracket expression starting at `pattern[i]` (the `[`): its JS text and where it ends. */
function bracket(pattern: string, i: number): { js: string; end: number } {
  let j = i + 1;
  let js = '[';
  if (pattern[j] === '^') {
    js += '^';
    j++;
  }
  let first = true;
  for (; j < pattern.length; j++) {
    const ch = pattern[j];
    if (ch === ']' && !first) return { js: `${js}]`, end: j };
    first = false;
    const cls = /^\[:([a-z]+):\]/.exec(pattern.slice(j));
    if (cls) {
      if (!(cls[1] in CLASS)) throw new PatternError('Invalid character class name');
      js += CLASS[cls[1]];
      j += cls[0].length - 1;
      continue;
    }
    if (ch === '\\' || ch === ']' || ch === '[' || ch === '^') js += `\\${ch}`;
    else js += ch;
  }
  throw new PatternError('Unmatched [, [^, [:, [., or [=');
}

/**
 * A POSIX basic (BRE) or extended (ERE) regular expression as a JS RegExp source: `\(`, `\{`,
 * `\|`, `\+`, `\?` are operators in a BRE and their bare forms literal; bracket classes like
 * [[:digit:]]; `\<`, `\>` as word boundaries.
 */
export function posixToJs(pattern: string, extended: boolean): string {
  let js = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    const atStart = js === '' || js.endsWith('(') || js.endsWith('|') || js.endsWith('^');
    if (ch === '[') {
      const b = bracket(pattern, i);
      js += b.js;
      i = b.end;
      continue;
    }
    if (ch === '\\') {
      const next = pattern[++i];
      if (next === undefined) throw new PatternError('Trailing backslash');
      if (!extended && '(){}|+?'.includes(next)) {
        if (next === '(') depth++;
        if (next === ')') {
          if (depth === 0) throw new PatternError('Unmatched ) or \\)');
          depth--;
        }
        js += next;
      } else if (next === '<') js += '\\b(?=\\w)';
      else if (next === '>') js += '\\b(?<=\\w)';
      else if ('wWsSbB'.includes(next) || /\d/.test(next)) js += `\\${next}`;
      else js += /[a-zA-Z0-9]/.test(next) ? next : `\\${next}`;
      continue;
    }
    if (extended) {
      if (ch === '(') depth++;
      if (ch === ')') {
        if (depth === 0) {
          js += '\\)';
          continue;
        }
        depth--;
      }
      if (ch === '{' && !/^\{\d*(,\d*)?\}/.test(pattern.slice(i))) {
        js += '\\{';
        continue;
      }
      if ((ch === '*' || ch === '+' || ch === '?') && atStart) {
        js += `\\${ch}`;
        continue;
      }
      js += ch === '/' ? '\\/' : ch;
      continue;
    }
    if ('(){}|+?/'.includes(ch)) js += `\\${ch}`;
    else if (ch === '*' && atStart) js += '\\*';
    else if (ch === '^' && !atStart) js += '\\^';
    else if (
      ch === '$' &&
      i !== pattern.length - 1 &&
      !pattern.startsWith('\\)', i + 1) &&
      !pattern.startsWith('\\|', i + 1)
    )
      js += '\\$';
    else js += ch;
  }
  if (depth > 0) throw new PatternError('Unmatched ( or \\(');
  return js;
}

/** `text` with every RegExp metacharacter escaped (grep -F). */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
