// Tokens of a POSIX regular expression, read as glibc's peek_token reads them: which characters
// are operators depends on BRE/ERE and, for ^ and $, on where they stand.
import { charLength } from '../bytes';
import { Assert, type Syntax } from './ast';

export const Tok = {
  char: 0,
  end: 1,
  /** A backslash ending the pattern. */
  backslash: 2,
  alt: 3,
  backref: 4,
  anchor: 5,
  word: 6,
  notWord: 7,
  space: 8,
  notSpace: 9,
  open: 10,
  close: 11,
  plus: 12,
  question: 13,
  star: 14,
  openBrace: 15,
  closeBrace: 16,
  bracket: 17,
  period: 18,
} as const;

export interface Token {
  type: number;
  /** The (last) byte the token stands for: the character, or the one after a backslash. */
  c: number;
  /** For a character token: its bytes (a whole UTF-8 character). */
  bytes: string;
  /** How many pattern bytes the token takes. */
  len: number;
  /** For backref: the group; for anchor: the Assert kind. */
  arg: number;
}

const GNU_ESCAPES: Record<string, [number, number]> = {
  '<': [Tok.anchor, Assert.wordStart],
  '>': [Tok.anchor, Assert.wordEnd],
  b: [Tok.anchor, Assert.wordBoundary],
  B: [Tok.anchor, Assert.notWordBoundary],
  '`': [Tok.anchor, Assert.bufferStart],
  "'": [Tok.anchor, Assert.bufferEnd],
  w: [Tok.word, 0],
  W: [Tok.notWord, 0],
  s: [Tok.space, 0],
  S: [Tok.notSpace, 0],
};

/** The token at `pos`; `caretHere` is glibc's RE_CARET_ANCHORS_HERE (after `(`, `|`, at start). */
export function peekToken(re: string, pos: number, syntax: Syntax, caretHere = false): Token {
  const token: Token = { type: Tok.char, c: 0, bytes: '', len: 1, arg: 0 };
  if (pos >= re.length) return { ...token, type: Tok.end, len: 0 };
  const c = re.charCodeAt(pos);
  token.c = c;
  token.bytes = re[pos];
  const ere = syntax.extended;
  if (c >= 0x80) {
    token.len = charLength(re, pos);
    token.bytes = re.slice(pos, pos + token.len);
    return token;
  }
  if (c === 0x5c) {
    if (pos + 1 >= re.length) return { ...token, type: Tok.backslash };
    const c2 = re.charCodeAt(pos + 1);
    const next = re[pos + 1];
    const clen = c2 >= 0x80 ? charLength(re, pos + 1) : 1;
    token.c = c2;
    token.bytes = re.slice(pos + 1, pos + 1 + clen);
    token.len = 1 + clen;
    const limited = syntax.noGnuOps && !ere;
    if (next === '|' && !limited && !ere) token.type = Tok.alt;
    else if (c2 >= 0x31 && c2 <= 0x39) [token.type, token.arg] = [Tok.backref, c2 - 0x31];
    else if (next in GNU_ESCAPES && !syntax.noGnuOps) [token.type, token.arg] = GNU_ESCAPES[next];
    else if (next === '(' && !ere) token.type = Tok.open;
    else if (next === ')' && !ere) token.type = Tok.close;
    else if (next === '+' && !limited && !ere) token.type = Tok.plus;
    else if (next === '?' && !limited && !ere) token.type = Tok.question;
    else if (next === '{' && !ere) token.type = Tok.openBrace;
    else if (next === '}' && !ere) token.type = Tok.closeBrace;
    return token;
  }
  const ch = re[pos];
  if (ch === '|' && ere) token.type = Tok.alt;
  else if (ch === '*') token.type = Tok.star;
  else if (ch === '+' && ere) token.type = Tok.plus;
  else if (ch === '?' && ere) token.type = Tok.question;
  else if (ch === '{' && ere) token.type = Tok.openBrace;
  else if (ch === '}' && ere) token.type = Tok.closeBrace;
  else if (ch === '(' && ere) token.type = Tok.open;
  else if (ch === ')' && ere) token.type = Tok.close;
  else if (ch === '[') token.type = Tok.bracket;
  else if (ch === '.') token.type = Tok.period;
  else if (ch === '^') {
    if (ere || caretHere || pos === 0) [token.type, token.arg] = [Tok.anchor, Assert.lineStart];
  } else if (ch === '$') {
    let anchor = ere || pos + 1 === re.length;
    if (!anchor) {
      const next = peekToken(re, pos + 1, syntax);
      anchor = next.type === Tok.alt || next.type === Tok.close;
    }
    if (anchor) [token.type, token.arg] = [Tok.anchor, Assert.lineEnd];
  }
  return token;
}
