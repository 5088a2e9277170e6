// `test` and `[`: POSIX's rules by number of arguments, then -a/-o/!/( ) for longer ones.
import { FILE_TESTS } from '../../syntax/condition';
import { compareNumbers, unaryTest } from '../condition';
import type { Interpreter } from '../interpreter';
import type { Builtin } from './types';

const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);
const UNARY = new Set([...FILE_TESTS, '-z', '-n', '-v', '-o']);

class TestError extends Error {}

/** `test expr` and `[ expr ]`: 0 true, 1 false, 2 on a malformed expression. */
export const test: Builtin = async ({ argv, stderr, shell }) => {
  const name = argv[0];
  let args = argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      stderr.write(`${shell.errorPrefix()}[: missing \`]'\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    const parser = new TestParser(args, shell);
    const result = args.length === 0 ? false : parser.parse();
    return result ? 0 : 1;
  } catch (error) {
    if (!(error instanceof TestError)) throw error;
    stderr.write(`${shell.errorPrefix()}${name}: ${error.message}\n`);
    return 2;
  }
};

class TestParser {
  private i = 0;
  constructor(
    private readonly args: string[],
    private readonly shell: Interpreter,
  ) {}

  parse(): boolean {
    const n = this.args.length;
    // POSIX: with up to 4 arguments the meaning is decided by their count.
    if (n === 1) return this.args[0] !== '';
    if (n === 2 && this.args[0] === '!') return this.args[1] === '';
    if (n === 3 && BINARY.has(this.args[1])) return this.binary(this.args[0], this.args[1], this.args[2]);
    const value = this.or();
    if (this.i < n)
      throw new TestError(`${this.args[this.i]}: ${this.i === 1 ? 'binary operator expected' : 'too many arguments'}`);
    return value;
  }

  private or(): boolean {
    let value = this.and();
    while (this.args[this.i] === '-o') {
      this.i++;
      value = this.and() || value;
    }
    return value;
  }

  private and(): boolean {
    let value = this.not();
    while (this.args[this.i] === '-a') {
      this.i++;
      value = this.not() && value;
    }
    return value;
  }

  private not(): boolean {
    if (this.args[this.i] === '!') {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args[this.i];
    if (a === undefined) throw new TestError('argument expected');
    if (a === '(') {
      this.i++;
      const value = this.or();
      if (this.args[this.i] !== ')') throw new TestError("`)' expected");
      this.i++;
      return value;
    }
    const op = this.args[this.i + 1];
    if (op !== undefined && BINARY.has(op) && this.args[this.i + 2] !== undefined) {
      this.i += 3;
      return this.binary(a, op, this.args[this.i - 1]);
    }
    if (UNARY.has(a) && this.args[this.i + 1] !== undefined) {
      this.i += 2;
      return unaryTest(a, this.args[this.i - 1], this.shell.state, this.shell.fs);
    }
    if (UNARY.has(a) || (a.startsWith('-') && a.length === 2 && op === undefined && this.args.length === 1)) {
      if (op === undefined && this.args.length > 1) throw new TestError(`${a}: unary operator expected`);
    }
    this.i++;
    return a !== '';
  }

  private binary(a: string, op: string, b: string): boolean {
    switch (op) {
      case '=':
      case '==':
        return a === b;
      case '!=':
        return a !== b;
      case '<':
        return a < b;
      case '>':
        return a > b;
      case '-nt':
      case '-ot':
      case '-ef':
        return false;
    }
    return compareNumbers(op, this.integer(a), this.integer(b));
  }

  private integer(text: string): bigint {
    const trimmed = text.trim();
    if (!/^[+-]?[0-9]+$/.test(trimmed)) throw new TestError(`${text}: integer expression expected`);
    return BigInt(trimmed);
  }
}
