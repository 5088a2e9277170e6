// The expansions inside words, as the scanner meets them: $name, ${…}, $(…), $((…)) and `…`.
import type { ParamOp, ParamPart, Script, Word, WordPart } from './ast';
import { unmatched } from './errors';

/** What reading an expansion needs from the scanner reading the word around it. */
export interface ExpansionSource {
  src: string;
  pos: number;
  readonly atEnd: boolean;
  /** Reads the word of a ${name OP word}, up to its `}` or a `stop` character. */
  readWord(mode: 'param', stop: string): Word;
  /** Parses the commands of a $(…) up to and including its `)`. */
  parseSubstitution(): Script;
  /** Parses the text of a backquoted command substitution. */
  parseNested(text: string): Script;
  /**
   * Reads `text` whole as double-quoted (a $((…)) body); with `paramWord`, as the word of a
   * "${x:-…}", where plain text stays a pattern.
   */
  nestedWord(text: string, paramWord?: boolean): Word;
}

/** Operators of ${name OP arg}, longest first. */
const PARAM_OPS: ParamOp[] = ['##', '#', '%%', '%', '//', '/#', '/%', '/', '^^', '^', ',,', ',', '-', '=', '+', '?'];

/** Reads $name, ${…}, $(…), $((…)) or `…` at `s.pos`; undefined for a `$` that starts none. */
export function readExpansion(s: ExpansionSource, inDouble: boolean): WordPart | undefined {
  const src = s.src;
  if (src[s.pos] === '`') return readBackquoted(s, inDouble);
  const next = src[s.pos + 1] ?? '';
  if (next === '{') {
    s.pos += 2;
    return readBraced(s, inDouble);
  }
  if (src.startsWith('((', s.pos + 1)) {
    const close = findArithEnd(src, s.pos + 3);
    if (close >= 0) {
      const body = src.slice(s.pos + 3, close);
      s.pos = close + 2;
      return { kind: 'arith', expr: s.nestedWord(body) };
    }
  }
  if (next === '(') {
    s.pos += 2;
    return { kind: 'command', body: s.parseSubstitution() };
  }
  const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9?$#@*!-])/.exec(src.slice(s.pos + 1, s.pos + 200))?.[0];
  if (!name) return undefined;
  s.pos += 1 + name.length;
  return { kind: 'param', name };
}

/** Reads `…` (the opening backquote is at pos). */
function readBackquoted(s: ExpansionSource, inDouble: boolean): WordPart {
  let text = '';
  let i = s.pos + 1;
  for (; i < s.src.length && s.src[i] !== '`'; i++) {
    const ch = s.src[i];
    const next = s.src[i + 1];
    if (ch === '\\' && (next === '\\' || next === '`' || next === '$' || (inDouble && next === '"'))) {
      text += next;
      i++;
    } else text += ch;
  }
  if (i >= s.src.length) throw unmatched('`');
  s.pos = i + 1;
  return { kind: 'command', body: s.parseNested(text) };
}

/** Reads the rest of ${…} (pos is just after the brace). */
function readBraced(s: ExpansionSource, inDouble: boolean): WordPart {
  const src = s.src;
  const part: ParamPart = { kind: 'param', name: '' };
  if (src[s.pos] === '#' && src[s.pos + 1] !== '}' && /[A-Za-z0-9_?$#@*!-]/.test(src[s.pos + 1] ?? '')) {
    part.length = true;
    s.pos++;
  } else if (src[s.pos] === '!' && /[A-Za-z_]/.test(src[s.pos + 1] ?? '')) {
    part.indirect = true;
    s.pos++;
  }
  const name = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[?$#@*!-])/.exec(src.slice(s.pos, s.pos + 200))?.[0];
  if (!name) return badSubstitution(s);
  part.name = name;
  s.pos += name.length;
  const close = src[s.pos] === '[' && /^[A-Za-z_]/.test(name) ? findSubscriptEnd(src, s.pos + 1) : -1;
  if (close >= 0) {
    part.index = src.slice(s.pos + 1, close);
    // ${a[$((${#a[@]}-1))]}: a subscript with expansions is expanded before it is evaluated.
    if (/[$`]/.test(part.index)) part.indexWord = s.nestedWord(part.index);
    s.pos = close + 1;
  }
  if (src[s.pos] === '}') {
    s.pos++;
    return part;
  }
  if (part.length) return badSubstitution(s);
  if (src[s.pos] === ':') {
    s.pos++;
    if ('-=+?'.includes(src[s.pos] ?? 'x')) part.colon = true;
    else {
      part.op = ':';
      part.arg = readParamWord(s, inDouble, ':');
      if (src[s.pos] === ':') {
        s.pos++;
        part.arg2 = readParamWord(s, inDouble, '');
      }
      return closeBrace(s, part);
    }
  }
  const op = PARAM_OPS.find((o) => src.startsWith(o, s.pos));
  if (!op) return badSubstitution(s);
  part.op = op;
  s.pos += op.length;
  if (op[0] === '/') {
    part.arg = readParamWord(s, inDouble, '/');
    if (src[s.pos] === '/') {
      s.pos++;
      part.arg2 = readParamWord(s, inDouble, '');
    }
  } else part.arg = readParamWord(s, inDouble, '');
  return closeBrace(s, part);
}

function readParamWord(s: ExpansionSource, inDouble: boolean, stop: string): Word {
  if (!inDouble) return s.readWord('param', stop);
  // In "${x:-…}", the word is read as if double-quoted: single quotes are plain characters.
  const start = s.pos;
  const saved = s.src;
  const end = findParamEnd(saved, s.pos, stop);
  if (end < 0) throw unmatched('}');
  s.pos = end;
  return s.nestedWord(saved.slice(start, end), true);
}

function closeBrace(s: ExpansionSource, part: ParamPart): ParamPart {
  if (s.atEnd) throw unmatched('}');
  if (s.src[s.pos] !== '}') return badSubstitution(s);
  s.pos++;
  return part;
}

/** Skips to the closing brace; the part fails when expanded, as bash's does. */
function badSubstitution(s: ExpansionSource): ParamPart {
  const start = s.src.lastIndexOf('${', s.pos);
  const end = s.src.indexOf('}', s.pos);
  if (end < 0) throw unmatched('}');
  s.pos = end + 1;
  return { kind: 'param', name: '', bad: s.src.slice(start, end + 1) };
}

/** The index of the `))` closing a $(( opened just before `from`, or -1. */
function findArithEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    if (src[i] === '(') depth++;
    else if (src[i] === ')') {
      if (depth === 0) return src[i + 1] === ')' ? i : -1;
      depth--;
    }
  }
  return -1;
}

/**
 * The index of the `]` closing a subscript that starts at `from`, or -1: brackets, braces and
 * parentheses nest (`${a[${#a[@]}-1]}`, `${a[$((i+1))]}`), quoted text is skipped.
 */
export function findSubscriptEnd(src: string, from: number): number {
  const closers: string[] = [];
  const pairs: Record<string, string> = { '[': ']', '{': '}', '(': ')' };
  for (let i = from; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === "'" || ch === '"') {
      const end = src.indexOf(ch, i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (pairs[ch]) closers.push(pairs[ch]);
    else if (ch === ']' && closers.length === 0) return i;
    else if (ch === closers[closers.length - 1]) closers.pop();
    else if (ch === '\n' || (ch === '}' && closers.length === 0)) return -1;
  }
  return -1;
}

/** The end of a ${…} word read as double-quoted: the `}` (or a `stop` char) at depth 0. */
function findParamEnd(src: string, from: number, stop: string): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === '{') depth++;
    else if (ch === '}' && depth-- === 0) return i;
    else if (depth === 0 && stop.includes(ch)) return i;
  }
  return -1;
}
