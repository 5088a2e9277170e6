// Evaluates expressions: variables, fields, arrays, operators, calls and getline. Everything is
// async because a getline may wait for standard input and output may wait on a full pipe.
import type { CommandContext } from '../../command';
import { AwkArray } from './array';
import type { Expr, FunctionDef, LValue, Program, Stmt, VarRef } from './ast';
import { callBuiltin } from './builtins';
import { NEG_NAN } from './c-format';
import type { MainInput } from './main-input';
import { toInt } from './numbers';
import type { Output } from './output';
import { GlibcRandom } from './random';
import { compileRegex, RegexError, type AwkRegex } from './regex';
import { AwkRuntimeError, Runtime } from './runtime';
import { compare, inputCell, toBool, toNum, type Cell } from './values';

/** `next`, `nextfile` and `exit` unwind through expressions (a function may run them). */
export class NextSignal {
  constructor(readonly file: boolean) {}
}
export class ExitSignal {}

export enum Flow {
  Normal,
  Break,
  Continue,
  Return,
}

type Slot = Cell | AwkArray<Cell>;

export abstract class Evaluator {
  readonly rt = new Runtime();
  exitCode = 0;
  private frames: Slot[][] = [];
  protected returnValue: Cell = null;
  private ticks = 0;
  private lastYield = 0;
  readonly random: GlibcRandom;
  seed: Cell;
  /** Open getline sources by name, kept for close(). */
  readonly readers = new Map<string, { next(rs: string): Promise<string | null> }>();

  constructor(
    readonly program: Program,
    readonly ctx: CommandContext,
    readonly out: Output,
    readonly input: MainInput,
  ) {
    this.lastYield = ctx.shell.clock.now();
    const start = Math.floor(this.lastYield / 1000);
    this.seed = start;
    this.random = new GlibcRandom(start);
  }

  str = (c: Cell): string => this.rt.str(c);

  /**
   * Lets the event loop run now and then, so that a Ctrl-C can arrive: when the clock shows that
   * time has passed (a stopped clock, as in tests, never makes a loop wait for it).
   */
  async tick(): Promise<void> {
    if (++this.ticks < 10000) return;
    this.ticks = 0;
    if (this.ctx.signal.aborted) return this.interrupted();
    const now = this.ctx.shell.clock.now();
    if (now - this.lastYield < 50) return;
    this.lastYield = now;
    await this.out.flushStdout();
    await new Promise<void>((resolve) => {
      const timer = this.ctx.shell.clock.setTimer(0, resolve);
      this.ctx.signal.onAbort(() => {
        timer.cancel();
        resolve();
      });
    });
    if (this.ctx.signal.aborted) this.interrupted();
  }

  private interrupted(): never {
    this.exitCode = 130;
    throw new ExitSignal();
  }

  regex(source: string): AwkRegex {
    try {
      return compileRegex(source);
    } catch (error) {
      if (error instanceof RegexError)
        throw new AwkRuntimeError(`regular expression compile failed (${error.message})\n${source}`);
      throw error;
    }
  }

  /** The regex an expression stands for: a literal, or its value as a dynamic regex. */
  async regexOf(e: Expr): Promise<AwkRegex> {
    if (e.k === 'regex') return this.regex(e.src);
    return this.regex(this.str(await this.ev(e)));
  }

  /** Runs statements (interpreter.ts). */
  abstract execList(list: Stmt[]): Promise<Flow>;

  // ---- variables ----

  private slot(ref: VarRef & { scope: 'local' }): Slot {
    return this.frames[this.frames.length - 1][ref.slot];
  }

  getVar(ref: VarRef): Cell {
    if (ref.scope === 'global') return this.rt.get(ref.name);
    const v = this.slot(ref);
    if (v instanceof AwkArray) throw new AwkRuntimeError(`can't use array ${ref.name} as a scalar`);
    return v;
  }

  setVar(ref: VarRef, v: Cell): void {
    if (ref.scope === 'global') this.rt.set(ref.name, v);
    else this.frames[this.frames.length - 1][ref.slot] = v;
  }

  arrayOf(ref: VarRef): AwkArray<Cell> {
    if (ref.scope === 'global') return this.rt.array(ref.name);
    const frame = this.frames[this.frames.length - 1];
    let v = frame[ref.slot];
    if (!(v instanceof AwkArray)) {
      v = this.rt.newArray();
      frame[ref.slot] = v;
    }
    return v;
  }

  private async fieldIndex(e: Expr): Promise<number> {
    const d = toNum(await this.ev(e));
    if (d < 0) throw new AwkRuntimeError(`negative field index $${this.g6(d)}`);
    return toInt(d);
  }

  private g6(d: number): string {
    return this.rt.outStr(d);
  }

  async get(lv: LValue): Promise<Cell> {
    if (lv.k === 'var') return this.getVar(lv.ref);
    if (lv.k === 'field') return this.rt.field(await this.fieldIndex(lv.index));
    const key = this.rt.subscript(await this.evList(lv.subs));
    return this.arrayOf(lv.ref).get(key, true) ?? null;
  }

  /** Resolves where an lvalue points (subscripts and field index evaluated once). */
  async place(lv: LValue): Promise<{ get(): Cell; set(v: Cell): void }> {
    if (lv.k === 'var') return { get: () => this.getVar(lv.ref), set: (v) => this.setVar(lv.ref, v) };
    if (lv.k === 'field') {
      const i = await this.fieldIndex(lv.index);
      return { get: () => this.rt.field(i), set: (v) => this.rt.setField(i, v) };
    }
    const key = this.rt.subscript(await this.evList(lv.subs));
    const arr = this.arrayOf(lv.ref);
    return { get: () => arr.get(key, true) ?? null, set: (v) => arr.set(key, v) };
  }

  async evList(list: Expr[]): Promise<Cell[]> {
    const out: Cell[] = [];
    for (const e of list) out.push(await this.ev(e));
    return out;
  }

  // ---- expressions ----

  async ev(e: Expr): Promise<Cell> {
    switch (e.k) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 'var':
        return this.getVar(e.ref);
      case 'field':
        return this.rt.field(await this.fieldIndex(e.index));
      case 'index':
        return this.get(e);
      case 'group':
        return this.ev(e.e);
      case 'regex':
        return this.regex(e.src).test(this.rt.record()) ? 1 : 0;
      case 'assign': {
        if (e.op === '=') {
          const p = await this.place(e.target);
          let v = await this.ev(e.value);
          if (v === null) v = null;
          p.set(v);
          return v;
        }
        const p = await this.place(e.target);
        const rhs = toNum(await this.ev(e.value));
        const v = arith(e.op.slice(0, -1), toNum(p.get()), rhs);
        p.set(v);
        return v;
      }
      case 'cond':
        return toBool(await this.ev(e.test)) ? this.ev(e.yes) : this.ev(e.no);
      case 'and':
        return toBool(await this.ev(e.a)) && toBool(await this.ev(e.b)) ? 1 : 0;
      case 'or':
        return toBool(await this.ev(e.a)) || toBool(await this.ev(e.b)) ? 1 : 0;
      case 'binary': {
        const a = toNum(await this.ev(e.a));
        const b = toNum(await this.ev(e.b));
        return arith(e.op, a, b);
      }
      case 'cat': {
        const a = this.str(await this.ev(e.a));
        return a + this.str(await this.ev(e.b));
      }
      case 'cmp': {
        const a = await this.ev(e.a);
        const b = await this.ev(e.b);
        const c = compare(a, b, this.str);
        const ok =
          e.op === '=='
            ? c === 0
            : e.op === '!='
              ? c !== 0
              : e.op === '<'
                ? c < 0
                : e.op === '<='
                  ? c <= 0
                  : e.op === '>'
                    ? c > 0
                    : c >= 0;
        return ok ? 1 : 0;
      }
      case 'match': {
        const s = this.str(await this.ev(e.a));
        const re = await this.regexOf(e.re);
        return re.test(s) !== e.negate ? 1 : 0;
      }
      case 'in':
        return this.arrayOf(e.ref).has(this.rt.subscript(await this.evList(e.subs))) ? 1 : 0;
      case 'unary': {
        const v = await this.ev(e.e);
        if (e.op === '!') return toBool(v) ? 0 : 1;
        return e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'incdec': {
        const p = await this.place(e.target);
        const old = toNum(p.get());
        p.set(old + e.delta);
        return e.prefix ? old + e.delta : old;
      }
      case 'call':
        return this.call(e);
      case 'builtin':
        return callBuiltin(this, e.name, e.args);
      case 'getline':
        return this.getline(e);
    }
  }

  private async call(e: Extract<Expr, { k: 'call' }>): Promise<Cell> {
    const def = this.program.functions.get(e.name) as FunctionDef;
    const frame: Slot[] = [];
    for (let i = 0; i < def.params.length; i++) {
      const arg = e.args[i];
      if (!arg) {
        frame.push(def.paramKinds[i] === 'array' ? this.rt.newArray() : null);
        continue;
      }
      if (arg.k === 'var' && this.isArrayRef(arg.ref, def.paramKinds[i] === 'array')) frame.push(this.arrayOf(arg.ref));
      else frame.push(await this.ev(arg));
    }
    for (let i = def.params.length; i < e.args.length; i++) await this.ev(e.args[i]);
    if (this.frames.length > 3000) throw new AwkRuntimeError('function call nesting too deep');
    this.frames.push(frame);
    this.returnValue = null;
    try {
      await this.execList(def.body);
    } finally {
      this.frames.pop();
    }
    const v = this.returnValue;
    this.returnValue = null;
    return v;
  }

  /** Whether a bare name argument passes an array (by reference). */
  private isArrayRef(ref: VarRef, wanted: boolean): boolean {
    if (ref.scope === 'global') return this.program.arrays.has(ref.name) || this.rt.arrays.has(ref.name) || wanted;
    const v = this.frames[this.frames.length - 1][ref.slot];
    return v instanceof AwkArray || (wanted && v === null);
  }

  private async getline(e: Extract<Expr, { k: 'getline' }>): Promise<Cell> {
    let record: string | null;
    if (e.file || e.command) {
      const name = this.str(await this.ev((e.file ?? e.command) as Expr));
      const reader = await this.input.source(name, e.command !== undefined, this);
      if (!reader) return -1;
      record = await reader.next(this.str(this.rt.get('RS')));
      if (record === null) return 0;
      if (e.command) this.rt.set('NR', toNum(this.rt.get('NR')) + 1);
    } else {
      record = await this.input.nextRecord(this);
      if (record === null) return 0;
    }
    if (e.target) (await this.place(e.target)).set(inputCell(record));
    else this.rt.setRecord(record);
    return 1;
  }
}

/** + - * / % ^ on doubles as C does them (x/0 is inf, x%0 is -nan). */
export function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 && a === 0 ? NEG_NAN : a / b;
    case '%':
      if (b === 0 || !Number.isFinite(a)) return NEG_NAN;
      return a % b;
    default:
      return a ** b;
  }
}
