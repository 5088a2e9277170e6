// The expression inside [[ … ]]: words are not split or globbed, `<` and `>` compare strings,
// and the right side of `==` is a pattern, of `=~` a regular expression.
import type { CondExpr, Word } from './ast';
import { unexpectedEnd, unexpectedToken, ParseError } from './errors';
import type { Parser } from './parser';

/** The unary operators on files (`test`, `[` and `[[ ]]` share them). */
export const FILE_TESTS: ReadonlySet<string> = new Set([
  '-a',
  '-b',
  '-c',
  '-d',
  '-e',
  '-f',
  '-g',
  '-h',
  '-k',
  '-p',
  '-r',
  '-s',
  '-t',
  '-u',
  '-w',
  '-x',
  '-G',
  '-L',
  '-N',
  '-O',
  '-S',
]);
/** Every unary operator of [[ ]]: the file tests, and those on strings, variables and options. */
const UNARY = new Set([...FILE_TESTS, '-n', '-z', '-o', '-v', '-R']);
const BINARY = new Set([
  '==',
  '=',
  '!=',
  '=~',
  '<',
  '>',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
]);

/** Parses up to and including the closing `]]` (the `[[` is consumed). */
export function parseCondition(p: Parser): CondExpr {
  const expr = parseOr(p);
  skip(p);
  if (p.peekPlainWord() !== ']]') throw conditionalError(p);
  p.pos += 2;
  return expr;
}

function skip(p: Parser): void {
  p.skipBlanks();
  if (p.atEnd) throw unexpectedEnd();
}

function conditionalError(p: Parser): ParseError {
  const token = p.tokenHere();
  if (token === '') return unexpectedEnd();
  return new ParseError(`syntax error in conditional expression: unexpected token \`${token}'`);
}

function parseOr(p: Parser): CondExpr {
  let left = parseAnd(p);
  for (;;) {
    skip(p);
    if (p.peekOperator() !== '||') return left;
    p.pos += 2;
    left = { kind: 'or', left, right: parseAnd(p) };
  }
}

function parseAnd(p: Parser): CondExpr {
  let left = parseNot(p);
  for (;;) {
    skip(p);
    if (p.peekOperator() !== '&&') return left;
    p.pos += 2;
    left = { kind: 'and', left, right: parseNot(p) };
  }
}

function parseNot(p: Parser): CondExpr {
  skip(p);
  if (p.peekPlainWord() === '!') {
    p.pos++;
    return { kind: 'not', expr: parseNot(p) };
  }
  return parsePrimary(p);
}

function readOperand(p: Parser): Word {
  skip(p);
  if (!p.atWord()) throw conditionalError(p);
  return p.readWord();
}

function parsePrimary(p: Parser): CondExpr {
  skip(p);
  if (p.peekOperator() === '(') {
    p.pos++;
    const inner = parseOr(p);
    skip(p);
    if (p.peekOperator() !== ')') throw conditionalError(p);
    p.pos++;
    return inner;
  }
  const first = p.peekPlainWord();
  if (first === ']]') throw unexpectedToken(']]');
  if (first !== undefined && UNARY.has(first)) {
    p.pos += first.length;
    return { kind: 'unary', op: first, arg: readOperand(p) };
  }
  const left = readOperand(p);
  skip(p);
  const op = p.peekOperator() === '<' || p.peekOperator() === '>' ? p.src[p.pos] : p.peekPlainWord();
  if (op === undefined || !BINARY.has(op)) return { kind: 'word', word: left };
  p.pos += op.length;
  skip(p);
  const right = op === '=~' ? p.readWord('regex') : readOperand(p);
  return { kind: 'binary', op, left, right };
}
