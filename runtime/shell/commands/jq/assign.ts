// Assignment operators, as jq 1.6 defines them over paths: `lhs = rhs` sets every path of lhs to
// each value of rhs; `lhs |= f` replaces each path's value with f's first output and deletes the
// path when f has none; `lhs op= rhs` is `lhs |= . op $v` for each value $v of rhs.
import type { Node } from './ast';
import { withValue, type Emit, type Env, type Item } from './eval-types';
import type { Interpreter } from './interpreter';
import { binaryOp } from './operators';
import { deletePaths, getPath, setPath } from './paths';
import { equals, isTruthy, JqError, type Value } from './values';

type Update = (v: Value, out: (v: Value) => void) => void;

/** jq 1.6's _modify: the first output of `update` at each path, or the path deleted. */
export function modify(it: Interpreter, lhs: Node, root: Value, env: Env | undefined, update: Update): Value {
  let acc = root;
  it.paths(lhs, root, env, (path) => {
    // jq stops `update` at its first output with a label's break — which a `try` inside can catch.
    const token = it.newLabel();
    let result: Value = null;
    let stopped = false;
    try {
      update(getPath(acc, path), (v) => {
        result = v;
        throw new JqError(token);
      });
    } catch (error) {
      if (!(error instanceof JqError && equals(error.value, token))) throw error;
      stopped = true;
    }
    acc = stopped ? setPath(acc, path, result) : deletePaths(acc, [path]);
  });
  return acc;
}

export function assign(
  it: Interpreter,
  op: string,
  lhs: Node,
  rhs: Node,
  input: Item,
  env: Env | undefined,
  emit: Emit,
): void {
  if (op === '|=')
    return emit(
      withValue(
        input,
        modify(it, lhs, input.v, env, (v, out) => it.values(rhs, v, env, out)),
      ),
    );
  it.values(rhs, input.v, env, (value) => {
    if (op !== '=') {
      const update: Update = (v, out) =>
        out(op === '//=' ? (isTruthy(v) ? v : value) : binaryOp(op.slice(0, -1), v, value));
      return emit(withValue(input, modify(it, lhs, input.v, env, update)));
    }
    let acc = input.v;
    it.paths(lhs, input.v, env, (path) => (acc = setPath(acc, path, value)));
    emit(withValue(input, acc));
  });
}
