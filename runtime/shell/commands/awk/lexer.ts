// The program text as tokens, the way mawk's scanner (scan.c) cuts it: a `/` starts a regex
// unless it follows an operand, newlines are dropped after `{ ; , && || }`, a `}` after a
// statement brings its own `;`, and `name(` with no space calls a function not yet defined.
import { BUILTINS, KEYWORDS, unescapeString } from './lexer-words';

export { unescapeString };

export type TokenKind =
  | 'NUM'
  | 'STR'
  | 'ERE'
  | 'NAME'
  | 'FUNC_NAME'
  | 'BUILTIN'
  | 'LENGTH'
  | 'KEYWORD'
  | 'NEWLINE'
  | 'PUNCT'
  | 'EOF'
  | 'UNEXPECTED'
  | 'BAD_DECIMAL';

export interface Token {
  kind: TokenKind;
  /** The text: operator, name, keyword, string value (escapes done), regex source, number text. */
  text: string;
  value?: number;
  line: number;
  /** Open parens and braces once this token was read (for "missing ) near" / "missing } near"). */
  parens: number;
  braces: number;
  /** A `;` the scanner supplied before a `}`. */
  fake?: boolean;
}

/** A scan error that ends compilation at once (runaway string or regex). */
export class FatalScanError extends Error {}

/** Scans `src` (a byte string) into tokens; `functions` learns names called or defined. */
export function tokenize(src: string, functions: Set<string>): Token[] {
  const tokens: Token[] = [];
  const variables = new Set<string>();
  let i = 0;
  let line = 1;
  let parens = 0;
  let braces = 0;
  let prev: Token | undefined;
  const push = (kind: TokenKind, text: string, extra: Partial<Token> = {}): Token => {
    const t: Token = { kind, text, line: extra.line ?? line, parens, braces, ...extra };
    tokens.push(t);
    prev = t;
    return t;
  };
  const isSpace = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\v' || c === '\f';
  /** Skips blanks, comments and newlines (mawk's eat_nl). */
  const eatNewlines = (): void => {
    for (;;) {
      const c = src[i];
      if (isSpace(c)) i++;
      else if (c === '\n') {
        line++;
        i++;
      } else if (c === '#') while (i < src.length && src[i] !== '\n') i++;
      else if (c === '\\' && /^\\[ \t]*\n/.test(src.slice(i, i + 40))) {
        i = src.indexOf('\n', i) + 1;
        line++;
      } else return;
    }
  };
  const operandBefore = (): boolean => {
    if (!prev) return false;
    if (prev.kind === 'NUM' || prev.kind === 'STR' || prev.kind === 'ERE' || prev.kind === 'NAME') return true;
    if (prev.kind === 'KEYWORD') return prev.text === 'getline';
    if (prev.kind === 'LENGTH') return false;
    if (prev.kind === 'PUNCT') return [')', ']', '++', '--'].includes(prev.text);
    return false;
  };
  eatNewlines();
  while (i < src.length) {
    const c = src[i];
    const start = i;
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      i++;
      push('NEWLINE', '\n');
      line++;
      eatNewlines();
      continue;
    }
    if (c === '\\') {
      let j = i + 1;
      while (isSpace(src[j])) j++;
      if (src[j] === '\n') {
        i = j + 1;
        line++;
        continue;
      }
      if (j >= src.length) break;
      i = j;
      push('UNEXPECTED', '\\');
      continue;
    }
    if (/[0-9.]/.test(c)) {
      const m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i, i + 400));
      if (!m) {
        i++;
        push('UNEXPECTED', '.');
        continue;
      }
      i += m[0].length;
      push('NUM', m[0], { value: Number(m[0]) });
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      while (i < src.length && /[A-Za-z_0-9]/.test(src[i])) i++;
      const name = src.slice(start, i);
      if (KEYWORDS.has(name)) {
        push('KEYWORD', name);
        if (name === 'function') {
          // The name after `function` is a function's, with or without a space before `(`.
          const m = /^[ \t]*([A-Za-z_][A-Za-z_0-9]*)/.exec(src.slice(i, i + 200));
          if (m && !KEYWORDS.has(m[1]) && !BUILTINS.has(m[1]) && !variables.has(m[1])) functions.add(m[1]);
        }
      } else if (name === 'length') {
        let j = i;
        while (isSpace(src[j])) j++;
        push(src[j] === '(' ? 'BUILTIN' : 'LENGTH', name);
      } else if (BUILTINS.has(name)) push('BUILTIN', name);
      else if (functions.has(name) || (src[i] === '(' && !variables.has(name))) {
        functions.add(name);
        push('FUNC_NAME', name);
      } else {
        variables.add(name);
        push('NAME', name);
      }
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let raw = '';
      for (;;) {
        const d = src[j];
        if (d === undefined || d === '\n') {
          throw new FatalScanError(`line ${line}: runaway string constant "${raw.slice(0, 10)} ...`);
        }
        if (d === '"') break;
        if (d === '\\' && src[j + 1] === '\n') {
          j += 2;
          line++;
          continue;
        }
        if (d === '\\' && j + 1 < src.length) {
          raw += d + src[j + 1];
          j += 2;
          continue;
        }
        raw += d;
        j++;
      }
      i = j + 1;
      push('STR', unescapeString(raw));
      continue;
    }
    if (c === '/' && !operandBefore()) {
      let j = i + 1;
      let raw = '';
      let boxed = 0;
      let first = -1;
      for (;;) {
        const d = src[j];
        if (d === undefined || d === '\n') {
          throw new FatalScanError(`line ${line}: runaway regular expression /${raw.slice(0, 10)} ...`);
        }
        if (d === '/' && !boxed) break;
        if (d === '\\') {
          const e = src[j + 1];
          if (e === '/') raw += '/';
          else if (e === '\n') line++;
          else if (e !== undefined) raw += `\\${e}`;
          j += 2;
          continue;
        }
        if (d === '^' && raw.length === first && first > 0 && raw[first - 1] === '[') first = raw.length + 1;
        else if (d === '[') {
          if (!boxed) {
            first = raw.length + 1;
            boxed++;
          } else if (src[j + 1] === ':') boxed++;
        } else if (d === ']' && boxed && raw.length !== first) boxed--;
        raw += d;
        j++;
      }
      i = j + 1;
      push('ERE', raw);
      continue;
    }
    // Operators and punctuation.
    const two = src.slice(i, i + 2);
    if (
      ['+=', '-=', '*=', '/=', '%=', '^=', '==', '!=', '<=', '>=', '++', '--', '&&', '||', '!~', '>>'].includes(two)
    ) {
      i += 2;
      push('PUNCT', two);
      if (two === '&&' || two === '||') eatNewlines();
      continue;
    }
    i++;
    switch (c) {
      case '{':
        braces++;
        push('PUNCT', c);
        eatNewlines();
        break;
      case '}': {
        if (braces === 0) {
          // Reported when the parser reaches it; mawk then drops the `}` and a `;` after it.
          tokens.push({ kind: 'UNEXPECTED', text: "extra '}'", line, parens, braces });
          let j = i;
          while (isSpace(src[j])) j++;
          if (src[j] === ';') i = j + 1;
          break;
        }
        const p = prev;
        if (!p || !(p.kind === 'NEWLINE' || (p.kind === 'PUNCT' && (p.text === ';' || p.text === '}')))) {
          push('PUNCT', ';', { fake: true });
        }
        braces--;
        push('PUNCT', '}');
        if (braces === 0) {
          let j = i;
          while (isSpace(src[j])) j++;
          if (src[j] === ';') i = j + 1;
        }
        eatNewlines();
        break;
      }
      case '(':
        parens++;
        push('PUNCT', c);
        break;
      case ')':
        if (parens === 0) {
          tokens.push({ kind: 'UNEXPECTED', text: "extra ')'", line, parens, braces });
          break;
        }
        parens--;
        push('PUNCT', c);
        break;
      case ';':
      case ',':
        push('PUNCT', c);
        eatNewlines();
        break;
      case '$':
      case '[':
      case ']':
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
      case '^':
      case '!':
      case '>':
      case '<':
      case '|':
      case '?':
      case ':':
      case '~':
      case '=':
        push('PUNCT', c);
        break;
      case '&':
        push('UNEXPECTED', '&');
        break;
      default:
        push('UNEXPECTED', c);
    }
  }
  push('EOF', '');
  return tokens;
}
