// `jq`, as jq 1.6 on Debian/Ubuntu behaves: options, compile errors (status 3), each input run
// through the filter with its outputs printed (coloured on a terminal), runtime errors
// ("jq: error (at <stdin>:N): …", status 5), input parse errors (status 4), and -e's statuses.
import type { CommandContext, ShellCommand } from '../../command';
import { errnoOf, errorText } from '../../fs/errors';
import { compile, createInterpreter } from './builtins';
import { InputReader, LineSource } from './inputs';
import type { Node } from './ast';
import { streamEvents } from './builtins-control';
import { Halt, StepLimit, type Env, type JqHost } from './eval-types';
import type { Interpreter } from './interpreter';
import { printValue, quoteString, toJson, type PrintOptions } from './json-print';
import { parseOptions, type JqOptions } from './options';
import { JqError, type JqObject, type Value } from './values';

const PARSE_ERROR_STATUS = 4;
const COMPILE_ERROR_STATUS = 3;
const RUNTIME_ERROR_STATUS = 5;
/** What process() returns before any output: with -e, "no valid result" (exit 4). */
const NO_OUTPUT = 14;

/** jq's skip_shebang: a `#!` line continued by `\` onto a second `#` line is skipped. */
function skipShebang(p: string): string {
  if (!p.startsWith('#!')) return p;
  const n = p.indexOf('\n');
  if (n < 0 || p[n + 1] !== '#') return p;
  const m = p.indexOf('\n', n + 1);
  if (m < 0 || p[m + 1] === '#' || p[m + 1] === undefined || p[m - 1] !== '\\' || p[m - 2] === '\\') return p;
  const k = p.indexOf('\n', m + 1);
  return k < 0 ? p : p.slice(k + 1);
}

class JqRun {
  out = '';
  status = 0;
  halted = false;
  readonly reader: InputReader;
  readonly stdin = new LineSource();
  readonly it: Interpreter;
  readonly print: PrintOptions;
  /** $ENV, $ARGS and the --arg/--argjson/… variables. */
  private readonly globals: Env | undefined;

  constructor(
    readonly ctx: CommandContext,
    readonly o: JqOptions,
    private readonly program: Node,
  ) {
    const color = o.color ?? ctx.tty !== undefined;
    this.print = { indent: o.indent, tab: o.tab, sortKeys: o.sortKeys, ascii: o.ascii, color };
    this.reader = new InputReader(o.files.length ? o.files : ['-'], {
      raw: o.rawInput,
      slurp: o.slurp,
      seq: o.seq,
      stream: o.stream ? (v) => streamAll(v) : undefined,
      stdin: this.stdin,
      open: (name) => {
        const path = name.startsWith('/') ? name : `${ctx.cwd === '/' ? '' : ctx.cwd}/${name}`;
        try {
          return new LineSource(ctx.fs.readFile(path));
        } catch (error) {
          if (errnoOf(error) === 'EISDIR') return new LineSource('', 'Is a directory');
          return { error: errorText(error) };
        }
      },
      warn: (message) => void ctx.stderr.write(message),
    });
    this.it = createInterpreter(this.host());
    const args: JqObject = new Map<string, Value>([
      ['positional', o.positional],
      ['named', new Map(o.named)],
    ]);
    let env: Env | undefined;
    for (const [name, value] of [...o.named, ['ENV', environment(ctx)], ['ARGS', args]] as [string, Value][])
      env = { parent: env, key: `$${name}`, value };
    this.globals = env;
  }

  private host(): JqHost {
    const debugOptions = { ...this.print, indent: 0, tab: false };
    return {
      readInput: () => {
        const step = this.reader.read();
        return step === 'blocked' ? undefined : step;
      },
      inputFilename: () => this.reader.filename ?? null,
      inputLine: () => this.reader.line,
      env: () => environment(this.ctx),
      debug: (v) => void this.ctx.stderr.write(`${printValue(['DEBUG:', v], debugOptions)}\n`),
      stderr: (v) => void this.ctx.stderr.write(toJson(v)),
      now: () => this.ctx.shell.clock.now() / 1000,
    };
  }

  /** Runs the filter on one input; jq's process(): 0, 11 (last output false/null), 14 (none), 5… */
  process(input: Value): void {
    let status = NO_OUTPUT;
    this.it.resetSteps();
    try {
      this.it.ev(this.program, { v: input }, this.globals, ({ v }) => {
        if (this.o.rawOutput && typeof v === 'string') {
          this.out += this.o.ascii ? quoteString(v, true) : v;
          status = 0;
        } else {
          status = v === null || v === false ? 11 : 0;
          this.out += (this.o.seq ? '\x1e' : '') + printValue(v, this.print);
        }
        if (!this.o.joinOutput) this.out += '\n';
      });
    } catch (error) {
      status = this.failure(error);
    }
    this.status = status;
  }

  private failure(error: unknown): number {
    const at = this.reader.position();
    if (error instanceof Halt) {
      this.halted = true;
      const m = error.message;
      if (typeof m === 'string') void this.ctx.stderr.write(m);
      else if (m !== undefined && m !== null) void this.ctx.stderr.write(`${toJson(m)}\n`);
      return error.status;
    }
    if (error instanceof JqError) {
      const v = error.value;
      if (typeof v === 'string') void this.ctx.stderr.write(`jq: error (at ${at}): ${v}\n`);
      else void this.ctx.stderr.write(`jq: error (at ${at}) (not a string): ${toJson(v)}\n`);
      return RUNTIME_ERROR_STATUS;
    }
    if (error instanceof StepLimit || error instanceof RangeError) {
      void this.ctx.stderr.write(`jq: error (at ${at}): program ran too long or recursed too deep (kubeplay limit)\n`);
      return RUNTIME_ERROR_STATUS;
    }
    throw error;
  }

  async flush(): Promise<void> {
    const text = this.out;
    this.out = '';
    if (text) await this.ctx.stdout.write(text);
  }

  /** Reads standard input on until the reader has what it needs; false on Ctrl-C. */
  async fill(all: boolean): Promise<boolean> {
    do {
      let stop = (): void => {};
      const interrupted = new Promise<null>((resolve) => (stop = this.ctx.signal.onAbort(() => resolve(null))));
      const chunk = await Promise.race([this.ctx.stdin.read(), interrupted]);
      stop();
      if (this.ctx.signal.aborted) return false;
      if (chunk === null) this.stdin.close();
      else this.stdin.append(chunk);
    } while (all && !this.stdin.closed);
    return true;
  }
}

/** A value's --stream events. */
function streamAll(v: Value): Value[] {
  const events: Value[] = [];
  streamEvents(v, [], (e) => void events.push(e));
  return events;
}

function environment(ctx: CommandContext): JqObject {
  return new Map(Object.entries(ctx.env));
}

/** Arguments are bytes to jq: text that is not UTF-8 (a lone surrogate here) reads as U+FFFD. */
const wellFormed = (s: string): string =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

async function runJq(ctx: CommandContext): Promise<number> {
  const argv = ctx.argv.map(wellFormed);
  const progname = argv[0];
  const resolve = (name: string): string => (name.startsWith('/') ? name : `${ctx.cwd === '/' ? '' : ctx.cwd}/${name}`);
  const read = (name: string): string | { error: string } => {
    try {
      return ctx.fs.readFile(resolve(name));
    } catch (error) {
      return { error: errnoOf(error) === 'EISDIR' ? "It's a directory" : errorText(error) };
    }
  };
  const o = parseOptions(argv.slice(1), progname, read);
  if ('status' in o) {
    if (o.stdout) await ctx.stdout.write(o.stdout);
    if (o.stderr) await ctx.stderr.write(o.stderr);
    return o.status;
  }
  let source = o.program ?? '.';
  if (o.fromFile) {
    const text = read(source);
    if (typeof text !== 'string') {
      await ctx.stderr.write(`${progname}: Could not open ${source}: ${text.error}\n`);
      return 2;
    }
    source = skipShebang(text);
  }
  const compiled = compile(source, [...o.named.keys(), 'ENV', 'ARGS']);
  if ('errors' in compiled) {
    await ctx.stderr.write(compiled.errors.map((e) => `${e}\n`).join(''));
    return COMPILE_ERROR_STATUS;
  }
  const run = new JqRun(ctx, o, compiled.program);
  // `input`/`inputs` read synchronously: such programs get all of standard input first.
  if (/\binput/.test(source) && !(await run.fill(true))) return 130;
  if (o.nullInput) run.process(null);
  else
    while (run.reader.failures === 0) {
      const step = run.reader.read();
      if (step === 'blocked') {
        if (!(await run.fill(false))) return 130;
        continue;
      }
      if (step === undefined) break;
      if ('error' in step && o.seq) {
        await ctx.stderr.write(`ignoring parse error: ${step.error}\n`);
        continue;
      }
      if ('error' in step) {
        run.status = PARSE_ERROR_STATUS;
        await ctx.stderr.write(`parse error: ${step.error}\n`);
        break;
      }
      run.process(step.value);
      await run.flush();
      if (ctx.signal.aborted) return 130;
    }
  await run.flush();
  let status = run.status;
  if (run.reader.failures !== 0) status = 2;
  if (status >= 10 && o.exitStatus) return status - 10;
  if (status >= 10 && !run.halted) return 0;
  return ((Math.trunc(status) % 256) + 256) % 256;
}

/** The `jq` command: jq 1.6's command-line JSON processor. */
export const jq: ShellCommand = {
  name: 'jq',
  summary: 'Command-line JSON processor',
  run: runJq,
};
