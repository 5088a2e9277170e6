// GNU sed 4.9 as a command of the simulated host: options, script compilation, then the
// stream edit over files or standard input. Text is handled as UTF-8 bytes throughout, as the
// real sed does (bytes.ts).
import type { CommandContext, ShellCommand } from '../../command';
import { errnoOf, errorText } from '../../fs/errors';
import { toBytes } from './bytes';
import { Executor } from './execute';
import { ScriptFiles } from './files';
import { Input } from './input';
import { atoi, parseArgs } from './options';
import { Output, StreamSink } from './output';
import { type CompileOptions, ScriptCompiler } from './parse';
import { EXIT_BAD_USAGE, panic, SedExit } from './script';
import { StreamSource } from './sources';
import { usageText, VERSION_TEXT } from './texts';

/** Standard output is handed on in pieces of about this size (and before waiting for input). */
const FLUSH_AT = 16384;

interface Settings {
  quiet: boolean;
  followSymlinks: boolean;
  separate: boolean;
  inPlace: string | null;
  lineLength: number;
}

async function runSed(ctx: CommandContext): Promise<number> {
  const program = ctx.argv[0] ?? 'sed';
  const stdout = new StreamSink(ctx.stdout);
  const stderr = new StreamSink(ctx.stderr);
  const resolve = (path: string): string => (path.startsWith('/') ? path : `${ctx.cwd === '/' ? '' : ctx.cwd}/${path}`);
  const stdin = new StreamSource(ctx.stdin, () => stdout.flush());
  const files = new ScriptFiles(ctx.fs, resolve, stdout, stderr);
  const say = async (sink: StreamSink, text: string): Promise<void> => {
    sink.write(toBytes(text));
    await sink.flush(true);
  };
  const cols = atoi(ctx.env.COLS ?? '');
  const settings: Settings = {
    quiet: false,
    followSymlinks: false,
    separate: false,
    inPlace: null,
    lineLength: cols > 1 ? cols - 1 : 70,
  };
  const compileOptions: CompileOptions = {
    extended: false,
    posix: ctx.env.POSIXLY_CORRECT !== undefined ? 'correct' : 'extended',
    sandbox: false,
    lineEnd: 10,
    openOutput: (name) => files.openOutput(name),
    openRead: (name) => files.openRead(name),
  };
  const compiler = new ScriptCompiler(compileOptions);
  try {
    const { options, operands } = parseArgs(ctx.argv.slice(1));
    let haveScript = false;
    for (const { key, value = '' } of options) {
      switch (key) {
        case 'n':
          settings.quiet = true;
          break;
        case 'e':
          compiler.compileString(toBytes(value));
          haveScript = true;
          break;
        case 'f':
          compiler.compileFile(toBytes(value), await scriptFile(ctx, value, resolve, stdin));
          haveScript = true;
          break;
        case 'z':
          compileOptions.lineEnd = 0;
          break;
        case 'i':
          settings.separate = true;
          settings.inPlace = inPlaceSuffix(value);
          break;
        case 'l':
          settings.lineLength = atoi(value);
          break;
        case 'posix':
          compileOptions.posix = 'basic';
          break;
        case 'E':
        case 'r':
          compileOptions.extended = true;
          break;
        case 's':
          settings.separate = true;
          break;
        case 'sandbox':
          compileOptions.sandbox = true;
          break;
        case 'F':
          settings.followSymlinks = true;
          break;
        case 'version':
          await say(stdout, VERSION_TEXT);
          return 0;
        case 'help':
          await say(stdout, usageText(program, true));
          return 0;
        case 'error':
          await say(stderr, `${program}: ${value}\n${usageText(program, false)}`);
          return EXIT_BAD_USAGE;
        case 'V':
          await say(stderr, usageText(program, false));
          return EXIT_BAD_USAGE;
        default:
          // -b, -u, --debug: accepted, nothing to do here.
          break;
      }
    }
    if (!haveScript) {
      const script = operands.shift();
      if (script === undefined) {
        await say(stderr, usageText(program, false));
        return EXIT_BAD_USAGE;
      }
      compiler.compileString(toBytes(script));
    }
    compiler.finish();
    const streams = { stdout, stderr, stdin, resolve, program };
    return await edit(ctx, operands, settings, compiler, compileOptions, streams);
  } catch (error) {
    if (!(error instanceof SedExit)) throw error;
    await stdout.flush(true);
    stderr.write(`${toBytes(program)}: ${error.text}\n`);
    await stderr.flush(true);
    return error.status;
  } finally {
    files.close();
    await stdout.flush(true);
  }
}

/** -i's argument as GNU keeps it: `*` for no backup, else a pattern where `*` is the name. */
function inPlaceSuffix(value: string): string {
  if (value === '') return '*';
  return value.includes('*') ? value : `*${value}`;
}

/** The bytes of script file `name` (`-` is standard input). */
async function scriptFile(
  ctx: CommandContext,
  name: string,
  resolve: (path: string) => string,
  stdin: StreamSource,
): Promise<string> {
  if (name === '-') return stdin.rest();
  try {
    return toBytes(ctx.fs.readFile(resolve(name)));
  } catch (error) {
    // A directory opens but reads as nothing.
    if (errnoOf(error) === 'EISDIR') return '';
    throw panic(`couldn't open file ${toBytes(name)}: ${errorText(error)}`);
  }
}

interface Streams {
  stdout: StreamSink;
  stderr: StreamSink;
  stdin: StreamSource;
  resolve(path: string): string;
  program: string;
}

/** Runs the compiled script over the operands (standard input when there are none). */
async function edit(
  ctx: CommandContext,
  operands: string[],
  settings: Settings,
  compiler: ScriptCompiler,
  compiled: CompileOptions,
  s: Streams,
): Promise<number> {
  if (operands.length === 0) {
    if (settings.inPlace !== null) throw panic('no input files');
    operands = ['-'];
  }
  const delimiter = String.fromCharCode(compiled.lineEnd);
  const output = new Output('-', s.stdout);
  // The input resets ranges and the hold space at each new file of -s and -i.
  const hooks = { reset: (): void => {} };
  const input = new Input(operands, {
    fs: ctx.fs,
    resolve: s.resolve,
    stdin: s.stdin,
    delimiter,
    separate: settings.separate,
    inPlace: settings.inPlace,
    followSymlinks: settings.followSymlinks,
    output,
    stdout: s.stdout,
    warn: (message) => s.stderr.write(`${toBytes(s.program)}: ${message}\n`),
    onReset: () => hooks.reset(),
  });
  const executor = new Executor({
    commands: compiler.commands,
    noDefaultOutput: settings.quiet || compiler.noDefaultOutput,
    posix: compiled.posix,
    delimiter,
    lineLength: settings.lineLength,
    output,
    input,
    stdin: s.stdin,
    fs: ctx.fs,
    resolve: s.resolve,
    locus: compiler.runtimeLocus(),
    aborted: () => ctx.signal.aborted,
    breathe: () => new Promise<void>((resolve) => ctx.shell.clock.setTimer(0, resolve)),
    flush: async () => {
      if (s.stdout.buffered >= FLUSH_AT) await s.stdout.flush();
      if (s.stderr.buffered) await s.stderr.flush();
    },
  });
  hooks.reset = () => executor.reset();
  const status = await executor.run();
  await s.stderr.flush(true);
  return status;
}

/** GNU sed 4.9: `sed [OPTION]... {script} [FILE]...`. */
export const sed: ShellCommand = {
  name: 'sed',
  summary: 'stream editor for filtering and transforming text',
  run: runSed,
};
