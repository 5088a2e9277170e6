// The parsed jq program. Sugar is removed where jq removes it (string interpolation is a chain of
// `+`, `..` is a call to recurse); what is left mirrors jq 1.6's bytecode generators closely
// enough that the evaluator can keep their order of outputs.
import type { Value } from './values';

/** A byte range of the program, for error messages. */
export interface Loc {
  start: number;
  end: number;
}

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=';
export type AssignOp = '=' | '|=' | '+=' | '-=' | '*=' | '/=' | '%=' | '//=';

export type Pattern =
  | { type: 'var'; name: string }
  | { type: 'array'; elements: Pattern[] }
  | { type: 'object'; entries: ObjectPatternEntry[] };

/** `$name`, `$name: p`, `key: p`, `"key": p`, `(expr): p`. */
export interface ObjectPatternEntry {
  key: Node;
  bindAs?: string;
  pattern?: Pattern;
}

export interface Param {
  name: string;
  /** `$name`: the argument's values are bound as a variable (and `name` still works as a filter). */
  byValue: boolean;
}

export interface FuncDef {
  name: string;
  params: Param[];
  body: Node;
}

export type Node =
  | { type: 'identity' }
  | { type: 'literal'; value: Value }
  | { type: 'index'; target: Node; key: Node; optional: boolean }
  | { type: 'slice'; target: Node; from: Node; to: Node; optional: boolean }
  | { type: 'iterate'; target: Node; optional: boolean }
  | { type: 'pipe'; left: Node; right: Node }
  | { type: 'comma'; left: Node; right: Node }
  | { type: 'negate'; operand: Node }
  | { type: 'binary'; op: BinaryOp; left: Node; right: Node }
  | { type: 'and' | 'or' | 'alternative'; left: Node; right: Node }
  | { type: 'assign'; op: AssignOp; left: Node; right: Node }
  | { type: 'if'; cond: Node; then: Node; else: Node }
  | { type: 'try'; body: Node; handler?: Node }
  | { type: 'reduce'; source: Node; patterns: Pattern[]; init: Node; update: Node }
  | { type: 'foreach'; source: Node; patterns: Pattern[]; init: Node; update: Node; extract?: Node }
  | { type: 'def'; def: FuncDef; rest: Node }
  | { type: 'call'; name: string; args: Node[]; loc: Loc }
  | { type: 'var'; name: string; loc: Loc }
  | { type: 'bind'; source: Node; patterns: Pattern[]; body: Node }
  | { type: 'label'; name: string; body: Node }
  | { type: 'break'; name: string; loc: Loc }
  | { type: 'array'; body?: Node }
  | { type: 'object'; entries: { key: Node; value: Node }[] }
  /** `@name` applied to `.` (also each interpolation of a `@name "…"` string). */
  | { type: 'format'; name: string };

export const IDENTITY: Node = { type: 'identity' };
export const literal = (value: Value): Node => ({ type: 'literal', value });
