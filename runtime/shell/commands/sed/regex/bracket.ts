// Bracket expressions ([a-z], [^]x], [[:alpha:]], [[.-.]], [[=e=]]) parsed as glibc's
// parse_bracket_exp does, with its errors. Backslash is an ordinary character inside them.
import { charLength, codePointAt } from '../bytes';
import { type CharSet, ERRORS, RegexError, type Syntax } from './ast';
import { CLASSES } from './classes';

/** glibc's BRACKET_NAME_BUF_SIZE: longer [:names:] are unterminated. */
const NAME_MAX = 32;

type Elem =
  | { kind: 'char'; cp: number }
  | { kind: 'coll'; name: string }
  | { kind: 'equiv'; name: string }
  | { kind: 'class'; name: string };

const BT = { char: 0, end: 1, close: 2, hat: 3, range: 4, coll: 5, equiv: 6, class: 7 } as const;

/** The bracket token at `pos`: its type and length. */
function peek(re: string, pos: number): { type: number; len: number } {
  if (pos >= re.length) return { type: BT.end, len: 0 };
  const ch = re[pos];
  if (re.charCodeAt(pos) >= 0x80) return { type: BT.char, len: charLength(re, pos) };
  if (ch === '[') {
    const next = re[pos + 1];
    if (next === '.') return { type: BT.coll, len: 2 };
    if (next === '=') return { type: BT.equiv, len: 2 };
    if (next === ':') return { type: BT.class, len: 2 };
    return { type: BT.char, len: 1 };
  }
  if (ch === ']') return { type: BT.close, len: 1 };
  if (ch === '^') return { type: BT.hat, len: 1 };
  if (ch === '-') return { type: BT.range, len: 1 };
  return { type: BT.char, len: 1 };
}

/** The name inside [:name:], [.name.] or [=name=] starting at `pos`, and where it ends. */
function symbol(re: string, pos: number, delim: string): { name: string; end: number } {
  if (pos >= re.length) throw new RegexError(ERRORS.ebrack);
  let name = '';
  for (let i = 0; ; i++) {
    if (i >= NAME_MAX) throw new RegexError(ERRORS.ebrack);
    const ch = re[pos++];
    if (pos >= re.length) throw new RegexError(ERRORS.ebrack);
    if (ch === delim && re[pos] === ']') return { name, end: pos + 1 };
    name += ch;
  }
}

/** One element at `pos` (whose token is `tok`); `first` lets a leading `-` be a character. */
function element(re: string, pos: number, tok: { type: number; len: number }, first: boolean) {
  if (tok.type === BT.coll || tok.type === BT.equiv || tok.type === BT.class) {
    const { name, end } = symbol(re, pos + 2, re[pos + 1]);
    const kind = tok.type === BT.coll ? 'coll' : tok.type === BT.equiv ? 'equiv' : 'class';
    return { elem: { kind, name } as Elem, end };
  }
  if (tok.type === BT.range && !first && peek(re, pos + 1).type !== BT.close) throw new RegexError(ERRORS.erange);
  // A byte that is not UTF-8 gets -1: glibc drops such bytes from the set.
  const cp = re.charCodeAt(pos) >= 0x80 ? codePointAt(re, pos) : re.charCodeAt(pos);
  return { elem: { kind: 'char', cp } as Elem, end: pos + tok.len };
}

/** The character [.x.] or [=x=] names: C.UTF-8 has no collation tables, so one byte only. */
function collatingChar(name: string): number {
  if (name.length !== 1) throw new RegexError(ERRORS.ecollate);
  return name.charCodeAt(0);
}

/** Adds a lone element (not a range end) to `set`. */
function addElement(set: CharSet, elem: Elem, syntax: Syntax): void {
  if (elem.kind === 'char') {
    if (elem.cp >= 0) set.chars.add(elem.cp);
  } else if (elem.kind === 'coll' || elem.kind === 'equiv') set.chars.add(collatingChar(elem.name));
  else {
    const name = syntax.icase && (elem.name === 'upper' || elem.name === 'lower') ? 'alpha' : elem.name;
    const test = Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined;
    if (!test) throw new RegexError(ERRORS.ectype);
    set.classes.push(test);
  }
}

/** The code point a range end stands for. */
function rangeEnd(elem: Elem): number {
  if (elem.kind === 'class' || elem.kind === 'equiv') throw new RegexError(ERRORS.erange);
  if (elem.kind === 'coll') return collatingChar(elem.name);
  return elem.cp;
}

/** Parses the bracket expression whose `[` is just before `pos`: its set and where it ends. */
export function parseBracket(re: string, pos: number, syntax: Syntax): { set: CharSet; end: number } {
  const set: CharSet = { negated: false, chars: new Set(), ranges: [], classes: [], notNewline: false };
  let tok = peek(re, pos);
  if (tok.type === BT.end) throw new RegexError(ERRORS.badpat);
  if (tok.type === BT.hat) {
    set.negated = true;
    set.notNewline = syntax.newline;
    pos += tok.len;
    tok = peek(re, pos);
    if (tok.type === BT.end) throw new RegexError(ERRORS.badpat);
  }
  if (tok.type === BT.close) tok = { type: BT.char, len: 1 };
  for (let first = true; ; first = false) {
    const start = element(re, pos, tok, first);
    pos = start.end;
    tok = peek(re, pos);
    let range = false;
    if (start.elem.kind !== 'class' && start.elem.kind !== 'equiv') {
      if (tok.type === BT.end) throw new RegexError(ERRORS.ebrack);
      if (tok.type === BT.range) {
        const after = peek(re, pos + tok.len);
        if (after.type === BT.end) throw new RegexError(ERRORS.ebrack);
        if (after.type === BT.close) tok = { type: BT.char, len: 1 };
        else {
          const end = element(re, pos + tok.len, after, true);
          pos = end.end;
          tok = peek(re, pos);
          const lo = rangeEnd(start.elem);
          const hi = rangeEnd(end.elem);
          if (lo < 0 || hi < 0) throw new RegexError(ERRORS.ecollate);
          if (lo > hi) throw new RegexError(ERRORS.erange);
          set.ranges.push(lo, hi);
          range = true;
        }
      }
    }
    if (!range) addElement(set, start.elem, syntax);
    if (tok.type === BT.end) throw new RegexError(ERRORS.ebrack);
    if (tok.type === BT.close) return { set, end: pos + tok.len };
  }
}

/** Whether `set` matches code point `cp` (before any case folding). */
export function setHas(set: CharSet, cp: number): boolean {
  let found = set.chars.has(cp);
  for (let i = 0; !found && i < set.ranges.length; i += 2) found = cp >= set.ranges[i] && cp <= set.ranges[i + 1];
  for (let i = 0; !found && i < set.classes.length; i++) found = set.classes[i](cp);
  return found;
}
