// [[ … ]] and the file, string and number tests it shares with `test` and `[`.
import { normalizePath } from '../fs/volume';
import type { CondExpr } from '../syntax/ast';
import { evaluateArithmetic } from './arithmetic';
import { arithVariables, expandPattern, expandString } from './expand';
import type { Interpreter } from './interpreter';
import { matchPattern, type Segment } from './pattern';
import type { ShellState } from './state';
import type { Fds } from './streams';
import type { Volume } from '../fs/volume';

/** A unary test on a file, a string, a variable name or an option. */
export function unaryTest(op: string, arg: string, state: ShellState, fs: Volume): boolean {
  const path = normalizePath(arg, state.cwd);
  switch (op) {
    case '-z':
      return arg === '';
    case '-n':
      return arg !== '';
    case '-v':
      return (
        state.get(arg) !== undefined || (/^[0-9]+$/.test(arg) && Number(arg) <= state.positional.length && arg !== '0')
      );
    case '-o':
      return (state.options as unknown as Record<string, boolean>)[arg] === true;
    case '-a':
    case '-e':
      return arg !== '' && fs.exists(path);
    case '-f':
      return arg !== '' && fs.exists(path) && !fs.isDirectory(path);
    case '-d':
      return arg !== '' && fs.isDirectory(path);
    case '-s':
      return arg !== '' && (fs.isDirectory(path) || (fs.exists(path) && fs.readFile(path).length > 0));
    case '-r':
    case '-w':
    case '-x':
      return arg !== '' && fs.exists(path);
    default:
      return false;
  }
}

/** A comparison of two integers by a `-eq`-style operator. */
export function compareNumbers(op: string, a: bigint, b: bigint): boolean {
  switch (op) {
    case '-eq':
      return a === b;
    case '-ne':
      return a !== b;
    case '-lt':
      return a < b;
    case '-le':
      return a <= b;
    case '-gt':
      return a > b;
    default:
      return a >= b;
  }
}

/** Runs [[ expr ]]: 0 true, 1 false, 2 for an invalid regular expression. */
export async function evaluateCondition(shell: Interpreter, expr: CondExpr, fds: Fds): Promise<number> {
  try {
    return (await evaluate(shell, expr, fds)) ? 0 : 1;
  } catch (error) {
    if (error instanceof InvalidRegex) return 2;
    throw error;
  }
}

class InvalidRegex extends Error {}

async function evaluate(shell: Interpreter, expr: CondExpr, fds: Fds): Promise<boolean> {
  const host = shell.expansion(fds);
  switch (expr.kind) {
    case 'and':
      return (await evaluate(shell, expr.left, fds)) && evaluate(shell, expr.right, fds);
    case 'or':
      return (await evaluate(shell, expr.left, fds)) || evaluate(shell, expr.right, fds);
    case 'not':
      return !(await evaluate(shell, expr.expr, fds));
    case 'word':
      return (await expandString(host, expr.word)) !== '';
    case 'unary':
      return unaryTest(expr.op, await expandString(host, expr.arg), shell.state, shell.fs);
  }
  const left = await expandString(host, expr.left);
  switch (expr.op) {
    case '==':
    case '=':
      return matchPattern(await expandPattern(host, expr.right), left);
    case '!=':
      return !matchPattern(await expandPattern(host, expr.right), left);
    case '=~':
      return matchRegex(shell.state, left, await expandPattern(host, expr.right));
    case '<':
      return left < (await expandString(host, expr.right));
    case '>':
      return left > (await expandString(host, expr.right));
    case '-nt':
    case '-ot':
    case '-ef':
      return false;
  }
  const vars = arithVariables(shell.state);
  const a = evaluateArithmetic(left, vars);
  const b = evaluateArithmetic(await expandString(host, expr.right), vars);
  return compareNumbers(expr.op, a, b);
}

/** `=~`: an extended regular expression; quoted parts match literally. Sets BASH_REMATCH. */
function matchRegex(state: ShellState, text: string, segments: Segment[]): boolean {
  const source = segments.map((s) => (s.quoted ? s.text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : s.text)).join('');
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'u');
  } catch {
    throw new InvalidRegex();
  }
  const match = regex.exec(text);
  state.set('BASH_REMATCH', match ? match[0] : '');
  return match !== null;
}
