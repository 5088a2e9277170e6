// The tokens of bash's arithmetic: numbers in any base (`0x1f`, `017`, `2#101`, `64#@_`),
// variable names and C's operators. Errors carry the expression and the token bash names.
import { ShellError } from './signals';

/** One token of an arithmetic expression. */
export type Token =
  { kind: 'num'; value: bigint } | { kind: 'name'; name: string } | { kind: 'op'; op: string } | { kind: 'end' };

/** Operators, longest first so that `<<=` wins over `<<` and `<`. */
const OPS = [
  '<<=',
  '>>=',
  '**',
  '++',
  '--',
  '<<',
  '>>',
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '&=',
  '^=',
  '|=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '&',
  '^',
  '|',
  '!',
  '~',
  '?',
  ':',
  '=',
  ',',
  '(',
  ')',
];

/** `n` wrapped to a 64-bit signed integer, as bash's arithmetic overflows. */
export const wrapInt64 = (n: bigint): bigint => BigInt.asIntN(64, n);

/** Where the tokenizer is, to go back to after looking ahead. */
export interface TokenMark {
  pos: number;
  token: Token;
  lastStart: number;
}

/** Reads `src` a token at a time; `token` is the current one (`end` past the last). */
export class ArithTokens {
  token: Token = { kind: 'end' };
  private pos = 0;
  /** Where the last token read starts: the error token runs from here. */
  private lastStart = 0;

  constructor(private readonly src: string) {}

  /** Throws bash's error for this expression: `message`, and the text from the last token on. */
  fail(message: string): never {
    const token = this.src.slice(this.lastStart).trim();
    throw new ShellError(
      `${this.src.trim() === '' ? this.src : this.src.replace(/^\s+/, '')}: ${message} (error token is "${token}")`,
    );
  }

  /** Reads the next token into `token`. */
  next(): void {
    while (/\s/.test(this.src[this.pos] ?? '')) this.pos++;
    if (this.pos >= this.src.length) {
      this.token = { kind: 'end' };
      return;
    }
    this.lastStart = this.pos;
    const rest = this.src.slice(this.pos);
    const num = /^[0-9][0-9A-Za-z_@#]*/.exec(rest);
    if (num) {
      this.pos += num[0].length;
      this.token = { kind: 'num', value: this.parseNumber(num[0]) };
      return;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name) {
      this.pos += name[0].length;
      this.token = { kind: 'name', name: name[0] };
      return;
    }
    const op = OPS.find((o) => rest.startsWith(o));
    if (!op) this.fail('syntax error: invalid arithmetic operator');
    this.pos += op.length;
    this.token = { kind: 'op', op };
  }

  /** The current token (a call, so that TypeScript does not narrow it across next()). */
  current(): Token {
    return this.token;
  }

  /** The current token's operator when it is one of `ops`. */
  isOp(...ops: string[]): string | undefined {
    return this.token.kind === 'op' && ops.includes(this.token.op) ? this.token.op : undefined;
  }

  /** Where the tokenizer is now (see reset). */
  mark(): TokenMark {
    return { pos: this.pos, token: this.token, lastStart: this.lastStart };
  }

  /** Goes back to `mark`. */
  reset(mark: TokenMark): void {
    this.pos = mark.pos;
    this.token = mark.token;
    this.lastStart = mark.lastStart;
  }

  private parseNumber(text: string): bigint {
    let base = 10;
    let digits = text;
    const based = /^([0-9]+)#(.*)$/.exec(text);
    if (based) {
      base = Number(based[1]);
      digits = based[2];
      if (base < 2 || base > 64) this.fail('invalid arithmetic base');
    } else if (/^0[xX]/.test(text)) {
      base = 16;
      digits = text.slice(2);
    } else if (text.length > 1 && text[0] === '0') base = 8;
    let value = 0n;
    for (const ch of digits) {
      let d: number;
      if (ch >= '0' && ch <= '9') d = ch.charCodeAt(0) - 48;
      else if (ch >= 'a' && ch <= 'z') d = ch.charCodeAt(0) - 87;
      else if (ch >= 'A' && ch <= 'Z') d = base <= 36 ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 29;
      else if (ch === '@') d = 62;
      else if (ch === '_') d = 63;
      else d = 99;
      if (d >= base) this.fail(based || base !== 10 || d < 99 ? 'value too great for base' : 'invalid number');
      value = wrapInt64(value * BigInt(base) + BigInt(d));
    }
    return value;
  }
}
