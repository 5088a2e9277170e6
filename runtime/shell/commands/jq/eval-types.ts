// What the evaluator passes around: items (values, with their path in path expressions),
// lexical scopes, builtins written in TypeScript, and what the jq process lends the builtins.
import type { FuncDef, Node } from './ast';
import type { Interpreter } from './interpreter';
import type { JqObject, Value } from './values';

/** A value, and in path mode the path it was reached by (`at` is the value last indexed into). */
export interface Item {
  v: Value;
  p?: Value[];
  at?: Value;
}

export type Emit = (item: Item) => void;

/** A filter argument: its expression and the scope it was written in. */
export interface Closure {
  node: Node;
  env: Env | undefined;
}

/** One binding of a lexical scope: a `$variable`, a filter parameter, or a `def`. */
export interface Env {
  readonly parent: Env | undefined;
  /** `$name` for variables, `name/arity` for functions and filter parameters. */
  readonly key: string;
  readonly value?: Value;
  readonly closure?: Closure;
  readonly def?: FuncDef;
}

/** A builtin written in TypeScript; it gets its argument expressions unevaluated. */
export type Native = (it: Interpreter, input: Item, args: Node[], env: Env | undefined, emit: Emit) => void;

/** What builtins need from the jq process: its inputs, environment, stderr and clock. */
export interface JqHost {
  /** The next input (for `input`), a parse error, or undefined when there are no more. */
  readInput(): { value: Value } | { error: string } | undefined;
  inputFilename(): Value;
  inputLine(): number;
  env(): JqObject;
  /** `debug`: `["DEBUG:",v]` on stderr. */
  debug(v: Value): void;
  /** `stderr`: v as compact JSON on stderr, no newline. */
  stderr(v: Value): void;
  /** Seconds since the epoch. */
  now(): number;
}

/** `halt` and `halt_error`: the run ends with `status`, printing `message` (a string raw, else JSON). */
export class Halt {
  constructor(
    readonly status: number,
    readonly message?: Value,
  ) {}
}

/** Stops a run that would otherwise never end (the tab cannot interrupt a synchronous loop). */
export class StepLimit {}

export const bindVar = (env: Env | undefined, name: string, value: Value): Env => ({
  parent: env,
  key: `$${name}`,
  value,
});

/** The same position in path mode, holding `v`. */
export const withValue = (it: Item, v: Value): Item => (it.p === undefined ? { v } : { v, p: it.p, at: it.at });
