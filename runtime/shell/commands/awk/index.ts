// awk: mawk 1.3.4 20200120, as Ubuntu's /usr/bin/awk is. Compiles the program, then runs
// BEGIN, the main input through the pattern-action items, and END.
import type { CommandContext, ShellCommand } from '../../command';
import { errorText } from '../../fs/errors';
import { BrokenPipeError } from '../../process';
import type { Expr, Item } from './ast';
import { fromBytes, toBytes } from './bytes';
import { ExitSignal, Interpreter, NextSignal } from './interpreter';
import { unescapeString } from './lexer';
import { MainInput } from './main-input';
import { parseCommandLine } from './options';
import { Output } from './output';
import { compile } from './parser';
import { AwkFatalError, AwkRuntimeError } from './runtime';
import { inputCell, toBool, toNum } from './values';

/** Runs the main items on the current record; `range` keeps each range pattern's state. */
async function runItems(it: Interpreter, items: Item[], inRange: boolean[]): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.k !== 'main') continue;
    let run: boolean;
    if (item.range) {
      const [from, to] = item.range;
      if (inRange[i]) {
        run = true;
        if (toBool(await it.ev(to))) inRange[i] = false;
      } else if (toBool(await it.ev(from))) {
        run = true;
        inRange[i] = !toBool(await it.ev(to));
      } else run = false;
    } else run = !item.pattern || toBool(await it.ev(item.pattern as Expr));
    if (!run) continue;
    if (item.body) await it.execList(item.body);
    else await it.out.stdout(it.rt.record() + it.str(it.rt.get('ORS')));
  }
}

async function execute(ctx: CommandContext, progname: string): Promise<number> {
  const args = ctx.argv.slice(1).map(toBytes);
  const parsed = parseCommandLine(args, progname);
  if ('exit' in parsed) {
    if (parsed.stdout) await ctx.stdout.write(fromBytes(parsed.stdout));
    if (parsed.stderr) await ctx.stderr.write(fromBytes(parsed.stderr));
    return parsed.exit;
  }
  const inv = parsed.run;
  if (inv.warnings) await ctx.stderr.write(fromBytes(inv.warnings));
  const resolve = (path: string): string => (path.startsWith('/') ? path : `${ctx.cwd === '/' ? '' : ctx.cwd}/${path}`);
  let source: string;
  let where = '';
  if (inv.program !== undefined) source = `${inv.program}\n`;
  else {
    source = '';
    for (const file of inv.progFiles) {
      try {
        // mawk's scanner sees one more newline at the end of each program (line numbers show it).
        source += `${toBytes(ctx.fs.readFile(resolve(fromBytes(file))))}\n`;
      } catch (error) {
        await ctx.stderr.write(`${progname}: cannot open ${fromBytes(file)} (${errorText(error)})\n`);
        return 2;
      }
    }
    where = `${inv.progFiles[0]}: `;
  }
  const compiled = compile(source, where);
  if (!compiled.ok) {
    await ctx.stderr.write(fromBytes(compiled.errors.map((e) => `${progname}: ${e}\n`).join('')));
    return 2;
  }
  const program = compiled.program;
  const out = new Output(ctx, resolve);
  const input = new MainInput(ctx, resolve);
  const it = new Interpreter(program, ctx, out, input);
  const rt = it.rt;
  const environ = rt.array('ENVIRON');
  for (const [k, v] of Object.entries(ctx.env)) environ.set({ str: toBytes(k) }, inputCell(toBytes(v)));
  const argv = rt.array('ARGV');
  argv.set({ num: 0 }, progname);
  inv.operands.forEach((op, i) => argv.set({ num: i + 1 }, inputCell(op)));
  rt.set('ARGC', inv.operands.length + 1);
  if (inv.fs !== undefined) rt.set('FS', unescapeString(inv.fs));
  for (const a of inv.assigns) {
    const eq = a.indexOf('=');
    rt.set(a.slice(0, eq), inputCell(unescapeString(a.slice(eq + 1))));
  }
  if (inv.randomSeed !== undefined) {
    it.seed = inv.randomSeed;
    it.random.seed(inv.randomSeed);
  }
  const items = program.items;
  try {
    let exited = false;
    try {
      for (const item of items) if (item.k === 'begin') await it.execList(item.body);
      const hasMain = items.some((i) => i.k === 'main' || i.k === 'end');
      const inRange = items.map(() => false);
      while (hasMain) {
        const record = await input.nextRecord(it);
        if (record === null) break;
        rt.setRecord(record);
        try {
          await runItems(it, items, inRange);
        } catch (signal) {
          if (!(signal instanceof NextSignal)) throw signal;
          if (signal.file) input.nextFile();
        }
        await out.flushStdout();
      }
    } catch (signal) {
      if (!(signal instanceof ExitSignal)) throw signal;
      exited = ctx.signal.aborted;
    }
    if (!exited) {
      try {
        for (const item of items) if (item.k === 'end') await it.execList(item.body);
      } catch (signal) {
        if (!(signal instanceof ExitSignal)) throw signal;
      }
    }
    await out.closeAll();
    return it.exitCode;
  } catch (error) {
    if (error instanceof BrokenPipeError) throw error;
    if (error instanceof AwkRuntimeError) {
      await out.closeAll().catch(() => undefined);
      const where = `\tFILENAME="${it.str(rt.get('FILENAME'))}" FNR=${toNum(rt.get('FNR'))} NR=${toNum(rt.get('NR'))}\n`;
      await ctx.stderr.write(fromBytes(`${progname}: run time error: ${error.message}\n${where}`));
      return 2;
    }
    if (error instanceof AwkFatalError) {
      await out.closeAll().catch(() => undefined);
      await ctx.stderr.write(fromBytes(`${progname}: ${error.message}\n`));
      return 2;
    }
    throw error;
  }
}

const define = (name: string): ShellCommand => ({
  name,
  summary: 'pattern scanning and text processing language',
  run: (ctx) => execute(ctx, (ctx.argv[0] ?? name).replace(/^.*\//, '') || name),
});

/** awk (mawk 1.3.4 20200120). */
export const awk: ShellCommand = define('awk');
/** The same program under its own name. */
export const mawk: ShellCommand = define('mawk');
