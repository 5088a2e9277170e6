// Runs a jq program. Evaluation is continuation-passing: each node calls `emit` once per output,
// so an error thrown downstream unwinds through the node that produced the value — which is how
// jq 1.6 behaves: `try` and `?` catch errors raised after their body's output too, and `break` is
// an error that `label` catches. Path expressions (`path(f)`, assignments) evaluate the same nodes
// with each value carrying its path, as jq's path tracking does.
import type { FuncDef, Node } from './ast';
import { assign } from './assign';
import { destructureAll } from './destructure';
import { bindVar, StepLimit, withValue, type Emit, type Env, type Item, type JqHost, type Native } from './eval-types';
import { binaryOp, negate } from './operators';
import { getIndex } from './paths';
import {
  dumpTruncated,
  equals,
  identical,
  isObject,
  isTruthy,
  JqError,
  typeName,
  type JqObject,
  type Value,
} from './values';

/** Work allowed per input before a run is stopped (the tab cannot interrupt a synchronous loop). */
const STEP_LIMIT = 100_000_000;

export class Interpreter {
  private steps = 0;
  private labels = 0;

  constructor(
    readonly host: JqHost,
    private readonly natives: ReadonlyMap<string, Native>,
    private readonly globals: ReadonlyMap<string, { def: FuncDef; env: Env | undefined }>,
  ) {}

  /** A new label's token: what `break` throws and only that label catches (jq's GENLABEL). */
  newLabel(): JqObject {
    return new Map([['__jq', this.labels++]]);
  }

  /** Gives the next input a fresh allowance of work. */
  resetSteps(): void {
    this.steps = 0;
  }

  /** Counts work done; loops in builtins call it too. */
  tick(): void {
    if (++this.steps > STEP_LIMIT) throw new StepLimit();
  }

  /** Evaluates `node` for its values only (a sub-expression: no path tracking). */
  values(node: Node, input: Value, env: Env | undefined, emit: (v: Value) => void): void {
    this.ev(node, { v: input }, env, (out) => emit(out.v));
  }

  ev(node: Node, input: Item, env: Env | undefined, emit: Emit): void {
    this.tick();
    switch (node.type) {
      case 'identity':
        return emit(input);
      case 'literal':
        return emit(withValue(input, node.value));
      case 'index':
        // The key is evaluated first, on the term's input; then the target.
        return this.values(node.key, input.v, env, (key) =>
          this.ev(node.target, input, env, (t) => this.index(t, key, node.optional, emit)),
        );
      case 'slice':
        return this.values(node.from, input.v, env, (from) =>
          this.values(node.to, input.v, env, (to) => {
            const key: JqObject = new Map([
              ['start', from],
              ['end', to],
            ]);
            this.ev(node.target, input, env, (t) => this.index(t, key, node.optional, emit));
          }),
        );
      case 'iterate':
        return this.ev(node.target, input, env, (t) => this.iterate(t, node.optional, emit));
      case 'pipe':
        return this.ev(node.left, input, env, (x) => this.ev(node.right, x, env, emit));
      case 'comma':
        this.ev(node.left, input, env, emit);
        return this.ev(node.right, input, env, emit);
      case 'negate':
        return this.ev(node.operand, input, env, (x) => emit(withValue(x, negate(x.v))));
      case 'binary':
        // jq's C operators take their arguments last-first: the right side varies slowest.
        return this.values(node.right, input.v, env, (b) =>
          this.values(node.left, input.v, env, (a) => emit(withValue(input, binaryOp(node.op, a, b)))),
        );
      case 'and':
      case 'or':
        return this.values(node.left, input.v, env, (a) => {
          if (isTruthy(a) === (node.type === 'or')) return emit(withValue(input, node.type === 'or'));
          this.values(node.right, input.v, env, (b) => emit(withValue(input, isTruthy(b))));
        });
      case 'alternative': {
        let found = false;
        this.ev(node.left, input, env, (x) => {
          if (!isTruthy(x.v)) return;
          found = true;
          emit(x);
        });
        if (!found) this.ev(node.right, input, env, emit);
        return;
      }
      case 'assign':
        return assign(this, node.op, node.left, node.right, input, env, emit);
      case 'if':
        return this.values(node.cond, input.v, env, (c) =>
          this.ev(isTruthy(c) ? node.then : node.else, input, env, emit),
        );
      case 'try':
        return this.try(node.body, node.handler, input, env, emit);
      case 'reduce':
        return this.reduce(node, input, env, emit);
      case 'foreach':
        return this.foreach(node, input, env, emit);
      case 'def':
        return this.ev(
          node.rest,
          input,
          { parent: env, key: `${node.def.name}/${node.def.params.length}`, def: node.def },
          emit,
        );
      case 'call':
        return this.call(node.name, node.args, input, env, emit);
      case 'var':
        return emit(withValue(input, this.lookupVar(env, node.name)));
      case 'bind':
        return this.values(node.source, input.v, env, (x) =>
          destructureAll(this, node.patterns, x, env, (scope) => this.ev(node.body, input, scope, emit)),
        );
      case 'label':
        return this.label(node.name, node.body, input, env, emit);
      case 'break':
        throw new JqError(this.lookupVar(env, `*label-${node.name}`));
      case 'array': {
        // Not a sub-expression in jq: inside a path expression its body is path-tracked too.
        const items: Value[] = [];
        if (node.body) this.ev(node.body, input, env, (x) => void items.push(x.v));
        return emit(withValue(input, items));
      }
      case 'object':
        return this.object(node.entries, 0, new Map(), input, env, emit);
      case 'format':
        return this.call('format', [{ type: 'literal', value: node.name }], input, env, emit);
    }
  }

  private index(t: Item, key: Value, optional: boolean, emit: Emit): void {
    if (t.p !== undefined && !identical(t.v, t.at as Value))
      throw new JqError(
        `Invalid path expression near attempt to access element ${dumpTruncated(key, 15)} of ${dumpTruncated(t.v, 30)}`,
      );
    let v: Value;
    try {
      v = getIndex(t.v, key);
    } catch (error) {
      if (optional && error instanceof JqError) return;
      throw error;
    }
    emit(t.p === undefined ? { v } : { v, p: [...t.p, key], at: v });
  }

  private iterate(t: Item, optional: boolean, emit: Emit): void {
    if (t.p !== undefined && !identical(t.v, t.at as Value))
      throw new JqError(`Invalid path expression near attempt to iterate through ${dumpTruncated(t.v, 30)}`);
    const step = (key: Value, v: Value): void => emit(t.p === undefined ? { v } : { v, p: [...t.p, key], at: v });
    if (Array.isArray(t.v)) t.v.forEach((v, i) => step(i, v));
    else if (isObject(t.v)) for (const [k, v] of t.v) step(k, v);
    else if (!optional) throw new JqError(`Cannot iterate over ${typeName(t.v)} (${dumpTruncated(t.v, 15)})`);
  }

  /**
   * jq 1.6's try: errors from the body, and from whatever consumed the body's outputs, end the body
   * and go to the handler — even a `break` (its handler sees {"__jq": n}).
   */
  private try(body: Node, handler: Node | undefined, input: Item, env: Env | undefined, emit: Emit): void {
    let caught: JqError;
    try {
      return this.ev(body, input, env, emit);
    } catch (error) {
      if (!(error instanceof JqError)) throw error;
      caught = error;
    }
    if (handler) this.ev(handler, withValue(input, caught.value), env, emit);
  }

  private label(name: string, body: Node, input: Item, env: Env | undefined, emit: Emit): void {
    const token = this.newLabel();
    try {
      this.ev(body, input, bindVar(env, `*label-${name}`, token), emit);
    } catch (error) {
      if (error instanceof JqError && equals(error.value, token)) return;
      throw error;
    }
  }

  private reduce(node: Extract<Node, { type: 'reduce' }>, input: Item, env: Env | undefined, emit: Emit): void {
    this.values(node.init, input.v, env, (init) => {
      let acc: Value = init;
      this.values(node.source, input.v, env, (x) =>
        destructureAll(this, node.patterns, x, env, (scope) => {
          const current = acc;
          acc = null;
          this.values(node.update, current, scope, (v) => (acc = v));
        }),
      );
      emit(withValue(input, acc));
    });
  }

  private foreach(node: Extract<Node, { type: 'foreach' }>, input: Item, env: Env | undefined, emit: Emit): void {
    this.values(node.init, input.v, env, (init) => {
      let state: Value = init;
      this.values(node.source, input.v, env, (x) =>
        destructureAll(this, node.patterns, x, env, (scope) => {
          const current = state;
          state = null;
          this.values(node.update, current, scope, (s) => {
            state = s;
            if (node.extract) this.ev(node.extract, withValue(input, s), scope, emit);
            else emit(withValue(input, s));
          });
        }),
      );
    });
  }

  /** `{k: v, …}`: earlier pairs vary slowest; in a pair, the key before the value. */
  private object(
    entries: { key: Node; value: Node }[],
    i: number,
    built: JqObject,
    input: Item,
    env: Env | undefined,
    emit: Emit,
  ): void {
    if (i === entries.length) return emit(withValue(input, built));
    this.values(entries[i].key, input.v, env, (k) =>
      this.values(entries[i].value, input.v, env, (v) => {
        if (typeof k !== 'string')
          throw new JqError(`Cannot use ${typeName(k)} (${dumpTruncated(k, 15)}) as object key`);
        const next: JqObject = new Map(built);
        next.set(k, v);
        this.object(entries, i + 1, next, input, env, emit);
      }),
    );
  }

  /** The paths `node` designates in `root` (`path(node)`). */
  paths(node: Node, root: Value, env: Env | undefined, emit: (path: Value[]) => void): void {
    this.ev(node, { v: root, p: [], at: root }, env, (out) => {
      if (!identical(out.v, out.at as Value))
        throw new JqError(`Invalid path expression with result ${dumpTruncated(out.v, 30)}`);
      emit(out.p as Value[]);
    });
  }

  lookupVar(env: Env | undefined, name: string): Value {
    const key = `$${name}`;
    for (let e = env; e; e = e.parent) if (e.key === key) return e.value as Value;
    throw new JqError(`$${name} is not defined`);
  }

  /** Calls `name` with `args`: a parameter, a `def` in scope, a builtin written in jq or in TS. */
  call(name: string, args: Node[], input: Item, env: Env | undefined, emit: Emit): void {
    const key = `${name}/${args.length}`;
    for (let e = env; e; e = e.parent) {
      if (e.key !== key) continue;
      if (e.closure) return this.ev(e.closure.node, input, e.closure.env, emit);
      if (e.def) return this.invoke(e.def, e, args, env, input, emit);
    }
    const native = this.natives.get(key);
    if (native) return native(this, input, args, env, emit);
    const global = this.globals.get(key);
    if (!global) throw new JqError(`${key} is not defined`);
    this.invoke(global.def, { parent: global.env, key, def: global.def }, args, env, input, emit);
  }

  /** Runs `def` (bound at `defEnv`) with `args` from `callerEnv`; `$params` bind each value in turn. */
  private invoke(def: FuncDef, defEnv: Env, args: Node[], callerEnv: Env | undefined, input: Item, emit: Emit): void {
    let scope: Env = defEnv;
    def.params.forEach((param, i) => {
      scope = { parent: scope, key: `${param.name}/0`, closure: { node: args[i], env: callerEnv } };
    });
    const bindValues = (i: number, s: Env): void => {
      if (i === def.params.length) return this.ev(def.body, input, s, emit);
      if (!def.params[i].byValue) return bindValues(i + 1, s);
      this.values(args[i], input.v, callerEnv, (v) => bindValues(i + 1, bindVar(s, def.params[i].name, v)));
    };
    bindValues(0, scope);
  }
}
