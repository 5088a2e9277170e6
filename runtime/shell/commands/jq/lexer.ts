// jq 1.6's tokenizer (lexer.l): flex's longest match with ties to the earlier rule, a stack of
// bracket states so that a stray closer is an INVALID_CHARACTER, and strings lexed piecewise with
// their escapes parsed as JSON. Locations are byte offsets, as jq's error carets count them.
import { parseJsonText } from './json-parse';
import { JqError, unitBytes, type Value } from './values';

export interface Token {
  /** Bison's name for the token: IDENT, LITERAL, `as`, `'['`… (see tokenName). */
  kind: string;
  /** IDENT and FIELD names, FORMAT names, LITERAL and QQSTRING_TEXT values. */
  value?: Value;
  start: number;
  end: number;
  /** A literal jq could not parse: reported as a compile error when the parser reads it. */
  error?: string;
}

/** The fixed-text rules in lexer.l's order (the order breaks ties of equal length). */
const FIXED = [
  ...'!= == as import include module def if then else elif and or end reduce foreach // try catch'.split(' '),
  ...'label break __loc__ |= += -= *= /= %= //= <= >= .. ?//'.split(' '),
  ...'.?=;,:|+-*/%$<>',
];

/** How bison names a token in "unexpected X, expecting Y". */
export function tokenName(kind: string): string {
  return kind.length === 1 ? `'${kind}'` : kind;
}

type State = 'initial' | 'paren' | 'bracket' | 'brace' | 'interp' | 'string';

const OPENERS: Record<string, State> = { '(': 'paren', '[': 'bracket', '{': 'brace' };
const CLOSER_OF: Partial<Record<State, string>> = { paren: ')', bracket: ']', brace: '}', interp: ')' };

const NUMBER = /^[0-9.]+(?:[eE][+-]?[0-9]+)?/;
const IDENT = /^(?:[a-zA-Z_][a-zA-Z_0-9]*::)*[a-zA-Z_][a-zA-Z_0-9]*/;
const FIELD = /^\.[a-zA-Z_][a-zA-Z_0-9]*/;
const FORMAT = /^@[a-zA-Z0-9_]+/;
const ESCAPES = /^(?:\\[^u(]|\\u[a-zA-Z0-9]{0,4})+/;

export class Lexer {
  private i = 0;
  private byte = 0;
  private states: State[] = ['initial'];
  /** Where the last lexeme (whitespace and comments too) was: bison's location for `$end`. */
  private last = { start: 0, end: 0 };

  constructor(private readonly src: string) {}

  private advance(n: number): { start: number; end: number } {
    const start = this.byte;
    for (let k = 0; k < n; k++) this.byte += unitBytes(this.src.charCodeAt(this.i + k));
    this.i += n;
    this.last = { start, end: this.byte };
    return this.last;
  }

  private token(kind: string, length: number, extra: Partial<Token> = {}): Token {
    return { kind, ...this.advance(length), ...extra };
  }

  next(): Token {
    const state = this.states[this.states.length - 1];
    if (state === 'string') return this.stringPiece();
    for (;;) {
      const rest = this.src.slice(this.i);
      if (rest === '') return { kind: '$end', ...this.last };
      const ws = /^[ \n\t]+/.exec(rest) ?? /^#[^\r\n]*/.exec(rest);
      if (ws) {
        this.advance(ws[0].length);
        continue;
      }
      return this.pick(rest);
    }
  }

  /** The longest of the rules that match at the start of `rest`, the first on a tie. */
  private pick(rest: string): Token {
    let best = { length: 0, make: (): Token => this.token('INVALID_CHARACTER', 1) };
    const offer = (length: number, make: () => Token): void => {
      if (length > best.length) best = { length, make };
    };
    for (const fixed of FIXED) if (rest.startsWith(fixed)) offer(fixed.length, () => this.token(fixed, fixed.length));
    const c = rest[0];
    if (c in OPENERS)
      offer(1, () => {
        this.states.push(OPENERS[c]);
        return this.token(c, 1);
      });
    if (c === ')' || c === ']' || c === '}') offer(1, () => this.close(c));
    const format = FORMAT.exec(rest);
    if (format) offer(format[0].length, () => this.token('FORMAT', format[0].length, { value: format[0].slice(1) }));
    const number = NUMBER.exec(rest);
    if (number) offer(number[0].length, () => this.literal(number[0]));
    if (c === '"')
      offer(1, () => {
        this.states.push('string');
        return this.token('QQSTRING_START', 1);
      });
    const ident = IDENT.exec(rest);
    if (ident) offer(ident[0].length, () => this.token('IDENT', ident[0].length, { value: ident[0] }));
    const field = FIELD.exec(rest);
    if (field) offer(field[0].length, () => this.token('FIELD', field[0].length, { value: field[0].slice(1) }));
    // flex's `.` is one byte: a multibyte character is several INVALID_CHARACTERs.
    return best.make();
  }

  private close(c: string): Token {
    const state = this.states[this.states.length - 1];
    if (CLOSER_OF[state] !== c) return this.token('INVALID_CHARACTER', 1);
    this.states.pop();
    return this.token(state === 'interp' ? 'QQSTRING_INTERP_END' : c, 1);
  }

  private literal(text: string): Token {
    try {
      return this.token('LITERAL', text.length, { value: parseJsonText(text) });
    } catch (error) {
      if (!(error instanceof JqError)) throw error;
      return this.token('LITERAL', text.length, { value: null, error: String(error.value) });
    }
  }

  private stringPiece(): Token {
    const rest = this.src.slice(this.i);
    if (rest === '') return { kind: '$end', ...this.last };
    if (rest.startsWith('\\(')) {
      this.states.push('interp');
      return this.token('QQSTRING_INTERP_START', 2);
    }
    if (rest[0] === '"') {
      this.states.pop();
      return this.token('QQSTRING_END', 1);
    }
    const escapes = ESCAPES.exec(rest);
    if (escapes) {
      try {
        const value = parseJsonText(`"${escapes[0]}"`);
        return this.token('QQSTRING_TEXT', escapes[0].length, { value });
      } catch (error) {
        if (!(error instanceof JqError)) throw error;
        return this.token('QQSTRING_TEXT', escapes[0].length, { value: null, error: String(error.value) });
      }
    }
    const text = /^[^\\"]+/.exec(rest);
    if (text) return this.token('QQSTRING_TEXT', text[0].length, { value: text[0] });
    return this.token('INVALID_CHARACTER', 1);
  }
}
