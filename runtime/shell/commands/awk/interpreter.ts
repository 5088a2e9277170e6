// Runs a compiled program's statements; loops yield now and then so Ctrl-C gets through.
import type { Stmt } from './ast';
import { Evaluator, ExitSignal, Flow, NextSignal } from './evaluator';
import { toInt } from './numbers';
import { awkFormat, PrintfError } from './printf';
import { AwkRuntimeError } from './runtime';
import { toBool, toNum } from './values';

export { ExitSignal, NextSignal } from './evaluator';

export class Interpreter extends Evaluator {
  async execList(list: Stmt[]): Promise<Flow> {
    for (const s of list) {
      const flow = await this.exec(s);
      if (flow !== Flow.Normal) return flow;
    }
    return Flow.Normal;
  }

  async exec(s: Stmt): Promise<Flow> {
    switch (s.k) {
      case 'expr':
        await this.ev(s.e);
        return Flow.Normal;
      case 'print':
        await this.print(s);
        return Flow.Normal;
      case 'block':
        return this.execList(s.body);
      case 'if':
        if (toBool(await this.ev(s.test))) return this.exec(s.then);
        return s.else ? this.exec(s.else) : Flow.Normal;
      case 'while':
        while (toBool(await this.ev(s.test))) {
          await this.tick();
          const flow = await this.exec(s.body);
          if (flow === Flow.Break) break;
          if (flow === Flow.Return) return flow;
        }
        return Flow.Normal;
      case 'do':
        do {
          await this.tick();
          const flow = await this.exec(s.body);
          if (flow === Flow.Break) break;
          if (flow === Flow.Return) return flow;
        } while (toBool(await this.ev(s.test)));
        return Flow.Normal;
      case 'for':
        if (s.init) await this.ev(s.init);
        while (!s.test || toBool(await this.ev(s.test))) {
          await this.tick();
          const flow = await this.exec(s.body);
          if (flow === Flow.Break) break;
          if (flow === Flow.Return) return flow;
          if (s.step) await this.ev(s.step);
        }
        return Flow.Normal;
      case 'forin': {
        const keys = this.arrayOf(s.ref).keys();
        for (const k of keys) {
          await this.tick();
          (await this.place(s.var)).set(k);
          const flow = await this.exec(s.body);
          if (flow === Flow.Break) break;
          if (flow === Flow.Return) return flow;
        }
        return Flow.Normal;
      }
      case 'break':
        return Flow.Break;
      case 'continue':
        return Flow.Continue;
      case 'next':
        throw new NextSignal(false);
      case 'nextfile':
        throw new NextSignal(true);
      case 'exit':
        if (s.code) this.exitCode = toInt(toNum(await this.ev(s.code))) & 0xff;
        throw new ExitSignal();
      case 'return':
        this.returnValue = s.value ? await this.ev(s.value) : null;
        return Flow.Return;
      case 'delete': {
        const arr = this.arrayOf(s.ref);
        if (s.subs) arr.delete(this.rt.subscript(await this.evList(s.subs)));
        else arr.clear();
        return Flow.Normal;
      }
    }
  }

  private async print(s: Extract<Stmt, { k: 'print' }>): Promise<void> {
    const values = await this.evList(s.args);
    const target = s.redirect ? this.str(await this.ev(s.redirect.target)) : undefined;
    const write = (text: string): Promise<void> =>
      s.redirect && target !== undefined ? this.out.redirect(s.redirect.mode, target, text) : this.out.stdout(text);
    if (!s.printf) {
      const text =
        values.length === 0
          ? this.rt.record()
          : values.map((v) => this.rt.outStr(v)).join(this.str(this.rt.get('OFS')));
      await write(text + this.str(this.rt.get('ORS')));
      return;
    }
    const pieces: string[] = [];
    try {
      awkFormat('printf', this.str(values[0]), values.slice(1), this.str, (t) => pieces.push(t));
    } catch (error) {
      if (error instanceof PrintfError) {
        await write(pieces.join(''));
        throw new AwkRuntimeError(error.message);
      }
      throw error;
    }
    await write(pieces.join(''));
  }
}
