// jq's constant folding (parser.y's constant_fold): `+ - * /` and comparisons of two number
// literals, `+` of two strings, and `null + x`, computed at compile time.
import { literal, type BinaryOp, type Node } from './ast';
import type { Value } from './values';

function foldNumbers(op: string, a: number, b: number): Value | undefined {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      return undefined;
  }
}

/** The folded node, or undefined when jq would leave the operation for run time. */
export function foldConstants(op: BinaryOp, left: Node, right: Node): Node | undefined {
  if (left.type !== 'literal' || right.type !== 'literal') return undefined;
  const [a, b] = [left.value, right.value];
  if (op === '+' && a === null) return right;
  if (op === '+' && b === null) return left;
  if (typeof a === 'number' && typeof b === 'number') {
    const v = foldNumbers(op, a, b);
    return v === undefined ? undefined : literal(v);
  }
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return literal(a + b);
  return undefined;
}
