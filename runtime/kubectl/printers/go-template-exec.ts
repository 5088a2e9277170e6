/**
 * Executes a parsed go-template the way text/template does with missingkey=default (kubectl's
 * --allow-missing-template-keys=true): missing map keys are invalid values printed as
 * `<no value>`, maps range in sorted key order, and errors carry Go's
 * `template: output:<line>:<col>: executing "output" at <node>: …` text.
 */
import { GoInt, formatV, goTypeName, sortedKeys, type GoValue } from './go-template-fmt';
import { BUILTINS, Iface, concrete, isTrue, type TValue } from './go-template-funcs';
import {
  nodeString,
  type ArgNode,
  type CommandNode,
  type ControlNode,
  type PipeNode,
  type TNode,
} from './go-template-parse';
import { utf8Length } from '../../util/utf8';

/** An execution error with Go's text; `output` is what was written before it. */
export class ExecError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
  }
}

class BreakSignal {}
class ContinueSignal {}

/** "No final value": the command is first in its pipeline. */
const MISSING = Symbol('missing');
type Final = TValue | typeof MISSING;

/** Runs the tree over `data`, returning what it prints. */
export function executeTemplate(text: string, root: TNode[], data: GoValue): string {
  return new State(text).run(root, data);
}

class State {
  private out = '';
  private node: TNode | ArgNode | CommandNode | undefined;
  private vars: Array<{ name: string; value: TValue }> = [];

  constructor(private readonly text: string) {}

  run(root: TNode[], data: GoValue): string {
    this.vars = [{ name: '$', value: data }];
    try {
      this.walkList(data, root);
    } catch (error) {
      if (error instanceof ExecError) throw new ExecError(error.message, this.out);
      throw error;
    }
    return this.out;
  }

  private errorf(message: string): never {
    if (!this.node) throw new ExecError(`template: output: ${message}`, '');
    const before = this.text.slice(0, this.node.pos);
    const newline = before.lastIndexOf('\n');
    const column = utf8Length(newline < 0 ? before : before.slice(newline + 1));
    const line = 1 + (before.match(/\n/g)?.length ?? 0);
    throw new ExecError(
      `template: output:${line}:${column}: executing "output" at <${nodeString(this.node)}>: ${message}`,
      '',
    );
  }

  private walkList(dot: TValue, list: TNode[]): void {
    for (const node of list) this.walk(dot, node);
  }

  private walk(dot: TValue, node: TNode): void {
    this.node = node;
    switch (node.type) {
      case 'text':
        this.out += node.text;
        return;
      case 'action': {
        const value = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, value);
        return;
      }
      case 'if':
      case 'with':
        return this.walkIfOrWith(node, dot);
      case 'range':
        return this.walkRange(node, dot);
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      case 'template':
        this.errorf(`template ${JSON.stringify(node.name)} not defined`);
    }
  }

  private withScope(run: () => void): void {
    const mark = this.vars.length;
    try {
      run();
    } finally {
      this.vars.length = mark;
    }
  }

  private walkIfOrWith(node: ControlNode, dot: TValue): void {
    this.withScope(() => {
      const value = this.evalPipeline(dot, node.pipe);
      if (isTrue(value)) this.walkList(node.type === 'with' ? value : dot, node.list);
      else if (node.elseList) this.walkList(dot, node.elseList);
    });
  }

  private walkRange(node: ControlNode, dot: TValue): void {
    this.withScope(() => {
      this.node = node;
      const mark = this.vars.length;
      const value = concrete(this.evalPipeline(dot, node.pipe));
      const decl = node.pipe.decl;
      const once = (key: TValue, elem: TValue): boolean => {
        const inner = this.vars.length;
        const bound: Array<[string, TValue]> =
          decl.length > 1
            ? [
                [decl[0], key],
                [decl[1], elem],
              ]
            : decl.length
              ? [[decl[0], elem]]
              : [];
        for (const [name, value] of bound) {
          if (node.pipe.isAssign) this.setVar(name, value);
          else this.vars.push({ name, value });
        }
        try {
          this.walkList(elem, node.list);
        } catch (signal) {
          if (signal instanceof BreakSignal) return false;
          if (!(signal instanceof ContinueSignal)) throw signal;
        } finally {
          this.vars.length = inner;
        }
        return true;
      };
      const pairs: Array<[TValue, TValue]> = [];
      if (Array.isArray(value)) value.forEach((elem, i) => pairs.push([new GoInt(i), new Iface(elem)]));
      else if (value instanceof GoInt || (typeof value === 'number' && Number.isInteger(value))) {
        if (node.pipe.decl.length > 1)
          this.errorf(`can't use ${formatV(value)} to iterate over more than one variable`);
        const n = value instanceof GoInt ? value.value : value;
        for (let i = 0; i < n; i++)
          pairs.push([value instanceof GoInt ? new GoInt(i) : i, value instanceof GoInt ? new GoInt(i) : i]);
      } else if (value && typeof value === 'object' && !(value instanceof GoInt)) {
        for (const key of sortedKeys(value)) pairs.push([key, new Iface(value[key])]);
      } else if (value !== undefined && value !== null) {
        this.node = node.pipe.cmds.at(-1)?.args[0] ?? node;
        this.errorf(`range can't iterate over ${formatV(value)}`);
      }
      if (!node.pipe.isAssign) this.vars.length = mark;
      for (const [key, elem] of pairs) if (!once(key, elem)) break;
      if (pairs.length === 0 && node.elseList) this.walkList(dot, node.elseList);
    });
  }

  private setVar(name: string, value: TValue): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private varValue(name: string): TValue {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i].name === name) return this.vars[i].value;
    this.errorf(`undefined variable: ${name}`);
  }

  private evalPipeline(dot: TValue, pipe: PipeNode): TValue {
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      // A value of type interface{} is replaced by what it holds (nil becomes invalid).
      if (value instanceof Iface) value = value.value === null ? undefined : value.value;
    }
    const result = value === MISSING ? undefined : value;
    for (const name of pipe.decl) {
      if (pipe.isAssign) this.setVar(name, result);
      else this.vars.push({ name, value: result });
    }
    return result;
  }

  private evalCommand(dot: TValue, cmd: CommandNode, final: Final): TValue {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        this.node = first;
        return this.evalFieldChain(dot, dot, first, first.ident, cmd.args, final);
      case 'chain': {
        this.node = first;
        const receiver = this.evalArg(dot, first.node);
        return this.evalFieldChain(dot, receiver, first, first.field, cmd.args, final);
      }
      case 'variable': {
        this.node = first;
        const value = this.varValue(first.ident[0]);
        if (first.ident.length === 1) {
          this.notAFunction(cmd.args, final);
          return value;
        }
        return this.evalFieldChain(dot, value, first, first.ident.slice(1), cmd.args, final);
      }
      case 'identifier':
        return this.evalFunction(dot, first.ident, cmd, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
    }
    this.node = first;
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
      // falls through: errorf never returns
      case 'number':
        return first.isFloat ? first.value : new GoInt(first.value);
      case 'string':
        return first.text;
    }
  }

  private notAFunction(args: ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
  }

  private evalFieldChain(
    dot: TValue,
    receiver: TValue,
    node: ArgNode,
    ident: string[],
    args: ArgNode[],
    final: Final,
  ): TValue {
    let value = receiver;
    for (let i = 0; i < ident.length - 1; i++) value = this.evalField(value, ident[i], node, [], MISSING);
    return this.evalField(value, ident[ident.length - 1], node, args, final);
  }

  private evalField(receiver: TValue, name: string, node: ArgNode, args: ArgNode[], final: Final): TValue {
    if (receiver === undefined) return undefined;
    const typ = receiver instanceof Iface ? 'interface {}' : goTypeName(receiver);
    const value = concrete(receiver);
    if (value === null) this.errorf(`nil pointer evaluating ${typ}.${name}`);
    const hasArgs = args.length > 1 || final !== MISSING;
    if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof GoInt)) {
      if (hasArgs) this.errorf(`${name} is not a method but has arguments`);
      return Object.hasOwn(value, name) ? new Iface(value[name]) : undefined;
    }
    this.errorf(`can't evaluate field ${name} in type ${typ}`);
  }

  private evalFunction(dot: TValue, name: string, cmd: CommandNode, final: Final): TValue {
    this.node = cmd.args[0];
    const fn = BUILTINS[name];
    const args = cmd.args.slice(1);
    const count = args.length + (final === MISSING ? 0 : 1);
    if (fn.variadic && count < fn.arity) {
      this.errorf(`wrong number of args for ${name}: want at least ${fn.arity} got ${args.length}`);
    }
    if (!fn.variadic && count !== fn.arity)
      this.errorf(`wrong number of args for ${name}: want ${fn.arity} got ${count}`);
    const values: TValue[] = [];
    const params = fn.params ?? [];
    // and/or stop at the first argument that decides them.
    for (const [i, arg] of args.entries()) {
      values.push(this.checkType(this.evalArg(dot, arg), params[i]));
      if ((name === 'and' && !isTrue(values[i])) || (name === 'or' && isTrue(values[i]))) return values[i];
    }
    if (final !== MISSING) values.push(this.checkType(final, params[values.length]));
    this.node = cmd;
    try {
      return fn.call(values);
    } catch (error) {
      if (error instanceof ExecError) throw error;
      this.errorf(`error calling ${name}: ${(error as Error).message}`);
    }
  }

  /** validateType for the parameters that are not interface{}: here only strings. */
  private checkType(value: TValue, param: string | undefined): TValue {
    if (param === undefined) return value;
    const v = concrete(value);
    if (v === undefined) this.errorf(`invalid value; expected ${param}`);
    if (typeof v !== 'string') this.errorf(`wrong type for value; expected ${param}; got ${goTypeName(v)}`);
    return v;
  }

  private evalArg(dot: TValue, arg: ArgNode): TValue {
    this.node = arg;
    switch (arg.type) {
      case 'dot':
        return dot;
      case 'nil':
        return null;
      case 'field':
        return this.evalFieldChain(dot, dot, arg, arg.ident, [arg], MISSING);
      case 'variable': {
        const value = this.varValue(arg.ident[0]);
        return arg.ident.length === 1
          ? value
          : this.evalFieldChain(dot, value, arg, arg.ident.slice(1), [arg], MISSING);
      }
      case 'pipe':
        return this.evalPipeline(dot, arg);
      case 'identifier':
        return this.evalFunction(dot, arg.ident, { type: 'command', pos: arg.pos, args: [arg] }, MISSING);
      case 'chain': {
        const receiver = this.evalArg(dot, arg.node);
        return this.evalFieldChain(dot, receiver, arg, arg.field, [arg], MISSING);
      }
      case 'bool':
        return arg.value;
      case 'number':
        return arg.isFloat ? arg.value : new GoInt(arg.value);
      case 'string':
        return arg.text;
    }
  }

  private printValue(node: TNode, value: TValue): void {
    this.node = node;
    const v = concrete(value);
    this.out += v === undefined ? '<no value>' : formatV(v);
  }
}
