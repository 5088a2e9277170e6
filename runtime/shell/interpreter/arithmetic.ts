// bash's arithmetic: 64-bit signed integers, C's operators and precedence, variables by name
// (an unset or empty one is 0; a value that is not a number is evaluated in turn), and errors
// with bash's texts. The tokens are read by arith-tokens.ts; this is the evaluator.
import { ArithTokens, wrapInt64 as wrap } from './arith-tokens';
import { ShellError } from './signals';

/** Where arithmetic reads and writes variables. */
export interface ArithVariables {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

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

/** Evaluates `expr` (already expanded); throws ShellError with bash's message on errors. */
export function evaluateArithmetic(expr: string, vars: ArithVariables, depth = 0): bigint {
  if (depth > MAX_RECURSION)
    throw new ShellError(`${expr}: expression recursion level exceeded (error token is "${expr}")`);
  return new Evaluator(expr, vars, depth).run();
}

/** Evaluates one expression as it reads it, by recursive descent in C's order of precedence. */
class Evaluator {
  /** Inside the untaken side of &&, || or ?: nothing is assigned and nothing fails. */
  private skipping = 0;
  private readonly tokens: ArithTokens;

  constructor(
    src: string,
    private readonly vars: ArithVariables,
    private readonly depth: number,
  ) {
    this.tokens = new ArithTokens(src);
  }

  run(): bigint {
    this.next();
    if (this.tokens.token.kind === 'end') return 0n;
    const value = this.comma();
    if (this.tokens.current().kind !== 'end') this.fail('syntax error in expression');
    return value;
  }

  private fail(message: string): never {
    return this.tokens.fail(message);
  }

  private next(): void {
    this.tokens.next();
  }

  private isOp(...ops: string[]): string | undefined {
    return this.tokens.isOp(...ops);
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
    const first = this.tokens.token;
    if (first.kind === 'name') {
      const save = this.tokens.mark();
      const name = first.name;
      this.next();
      const after = this.tokens.current();
      const op = after.kind === 'op' && ASSIGN_OPS.has(after.op) ? after.op : undefined;
      if (op) {
        this.next();
        const right = this.assignment();
        const value = op === '=' ? right : this.binary(op.slice(0, -1), this.variable(name), right);
        if (!this.skipping) this.vars.set(name, String(value));
        return value;
      }
      this.tokens.reset(save);
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
        const operand = this.tokens.current();
        if (operand.kind !== 'name') this.fail('syntax error: operand expected');
        const name = operand.name;
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
    const token = this.tokens.token;
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
