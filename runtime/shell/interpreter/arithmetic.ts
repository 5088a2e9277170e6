// bash's arithmetic: 64-bit signed integers, C's operators and precedence, variables by name
// (an unset or empty one is 0; a value that is not a number is evaluated in turn), and errors
// with bash's texts.
import { ShellError } from './signals';

/** Where arithmetic reads and writes variables. */
export interface ArithVariables {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

type Token =
  { kind: 'num'; value: bigint } | { kind: 'name'; name: string } | { kind: 'op'; op: string } | { kind: 'end' };

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
const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);
/** Binary operators by precedence level, loosest first. */
const LEVELS: string[][] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];
const MAX_RECURSION = 1024;

const wrap = (n: bigint): bigint => BigInt.asIntN(64, n);

/** Evaluates `expr` (already expanded); throws ShellError with bash's message on errors. */
export function evaluateArithmetic(expr: string, vars: ArithVariables, depth = 0): bigint {
  if (depth > MAX_RECURSION)
    throw new ShellError(`${expr}: expression recursion level exceeded (error token is "${expr}")`);
  return new Evaluator(expr, vars, depth).run();
}

class Evaluator {
  private pos = 0;
  private token: Token = { kind: 'end' };
  private tokenStart = 0;
  private lastStart = 0;
  /** Inside the untaken side of &&, || or ?: nothing is assigned and nothing fails. */
  private skipping = 0;

  constructor(
    private readonly src: string,
    private readonly vars: ArithVariables,
    private readonly depth: number,
  ) {}

  run(): bigint {
    this.next();
    if (this.token.kind === 'end') return 0n;
    const value = this.comma();
    if (this.current().kind !== 'end') this.fail('syntax error in expression');
    return value;
  }

  private fail(message: string): never {
    const token = this.src.slice(this.lastStart).trim();
    throw new ShellError(
      `${this.src.trim() === '' ? this.src : this.src.replace(/^\s+/, '')}: ${message} (error token is "${token}")`,
    );
  }

  private next(): void {
    while (/\s/.test(this.src[this.pos] ?? '')) this.pos++;
    this.tokenStart = this.pos;
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
      value = wrap(value * BigInt(base) + BigInt(d));
    }
    return value;
  }

  /** The current token (a call, so that TypeScript does not narrow it across next()). */
  private current(): Token {
    return this.token;
  }

  private isOp(...ops: string[]): string | undefined {
    return this.token.kind === 'op' && ops.includes(this.token.op) ? this.token.op : undefined;
  }

  private comma(): bigint {
    let value = this.assignment();
    while (this.isOp(',')) {
      this.next();
      value = this.assignment();
    }
    return value;
  }

  private assignment(): bigint {
    if (this.token.kind === 'name') {
      const save = { pos: this.pos, token: this.token, start: this.tokenStart, last: this.lastStart };
      const name = this.token.name;
      this.next();
      const after = this.current();
      const op = after.kind === 'op' && ASSIGN_OPS.has(after.op) ? after.op : undefined;
      if (op) {
        this.next();
        const right = this.assignment();
        const value = op === '=' ? right : this.binary(op.slice(0, -1), this.variable(name), right);
        if (!this.skipping) this.vars.set(name, String(value));
        return value;
      }
      this.pos = save.pos;
      this.token = save.token;
      this.tokenStart = save.start;
      this.lastStart = save.last;
    }
    return this.conditional();
  }

  private conditional(): bigint {
    const cond = this.level(0);
    if (!this.isOp('?')) return cond;
    this.next();
    if (!cond) this.skipping++;
    const whenTrue = this.comma();
    if (!cond) this.skipping--;
    if (!this.isOp(':')) this.fail("expected `:'");
    this.next();
    if (cond) this.skipping++;
    const whenFalse = this.conditional();
    if (cond) this.skipping--;
    return cond ? whenTrue : whenFalse;
  }

  private level(n: number): bigint {
    if (n >= LEVELS.length) return this.power();
    let left = this.level(n + 1);
    for (let op = this.isOp(...LEVELS[n]); op; op = this.isOp(...LEVELS[n])) {
      this.next();
      const short = (op === '&&' && !left) || (op === '||' && left);
      if (short) this.skipping++;
      const right = this.level(n + 1);
      if (short) this.skipping--;
      left = this.binary(op, left, right);
    }
    return left;
  }

  private power(): bigint {
    const base = this.unary();
    if (!this.isOp('**')) return base;
    this.next();
    const exponent = this.power();
    return this.binary('**', base, exponent);
  }

  private binary(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '||':
        return a || b ? 1n : 0n;
      case '&&':
        return a && b ? 1n : 0n;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&':
        return a & b;
      case '==':
        return a === b ? 1n : 0n;
      case '!=':
        return a !== b ? 1n : 0n;
      case '<':
        return a < b ? 1n : 0n;
      case '>':
        return a > b ? 1n : 0n;
      case '<=':
        return a <= b ? 1n : 0n;
      case '>=':
        return a >= b ? 1n : 0n;
      case '<<':
        return wrap(a << (b & 63n));
      case '>>':
        return a >> (b & 63n);
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
      case '/':
      case '%':
        if (b === 0n) {
          if (this.skipping) return 0n;
          this.fail('division by 0');
        }
        return op === '/' ? wrap(a / b) : a % b;
      default:
        if (b < 0n) {
          if (this.skipping) return 0n;
          this.fail('exponent less than 0');
        }
        return wrap(a ** b);
    }
  }

  private unary(): bigint {
    const op = this.isOp('!', '~', '-', '+', '++', '--');
    if (op) {
      this.next();
      if (op === '++' || op === '--') {
        if (this.token.kind !== 'name') this.fail('syntax error: operand expected');
        const name = this.token.name;
        this.next();
        const value = wrap(this.variable(name) + (op === '++' ? 1n : -1n));
        if (!this.skipping) this.vars.set(name, String(value));
        return value;
      }
      const value = this.unary();
      return op === '!' ? (value ? 0n : 1n) : op === '~' ? ~value : op === '-' ? wrap(-value) : value;
    }
    return this.postfix();
  }

  private postfix(): bigint {
    const token = this.token;
    if (token.kind === 'num') {
      this.next();
      return token.value;
    }
    if (token.kind === 'name') {
      this.next();
      const value = this.variable(token.name);
      const op = this.isOp('++', '--');
      if (op) {
        this.next();
        if (!this.skipping) this.vars.set(token.name, String(wrap(value + (op === '++' ? 1n : -1n))));
      }
      return value;
    }
    if (this.isOp('(')) {
      this.next();
      const value = this.comma();
      if (!this.isOp(')')) this.fail("missing `)'");
      this.next();
      return value;
    }
    this.fail('syntax error: operand expected');
  }

  private variable(name: string): bigint {
    const value = this.vars.get(name);
    if (value === undefined || value.trim() === '') return 0n;
    if (/^\s*-?[0-9]+\s*$/.test(value)) return wrap(BigInt(value.trim()));
    return evaluateArithmetic(value, this.vars, this.depth + 1);
  }
}
