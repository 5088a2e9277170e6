// `watch`, procps-ng 4.0.2's: runs a command again and again (as `sh -c`, output and errors
// together), every interval on the cluster clock, showing its output full screen under a header
// — on the alternate screen, as curses programs do — until Ctrl-C, which ends it with status 0.
import { CancelController } from '../../../cancel';
import type { CommandContext, OutputStream, ShellCommand } from '../../command';
import { EMPTY_INPUT } from '../../process';
import { ctime } from '../ps/ps-times';
import { fixed } from '../top/top-format';
import { parseWatchArgs, WatchExit, type WatchOptions } from './watch-args';
import { WatchScreen } from './watch-screen';

/** The terminal types curses knows (an unknown one: `Error opening terminal`). */
const KNOWN_TERMINAL = /^(xterm|screen|tmux|vt\d|linux|rxvt|ansi|dumb|konsole|gnome|putty|alacritty|kitty)/;

/** Runs the command once (as `sh -c`, or with -x as is); its output and errors, and its status. */
async function runOnce(ctx: CommandContext, opts: WatchOptions, env: Record<string, string>, stop: CancelController) {
  let output = '';
  const collect: OutputStream = { write: (text) => void (output += text) };
  const argv = opts.exec ? opts.command : ['sh', '-c', opts.command.join(' ')];
  const program = ctx.shell.commands.get(argv[0]);
  if (!program) return { output: `watch: unable to execute '${argv[0]}': No such file or directory\n`, status: 4 };
  const status = await program.run({
    ...ctx,
    argv,
    stdin: EMPTY_INPUT,
    stdout: collect,
    stderr: collect,
    env,
    tty: undefined,
    signal: stop.signal,
  });
  return { output, status };
}

/** The host's name, as gethostname() gives it. */
function hostname(ctx: CommandContext): string {
  try {
    return ctx.fs.readFile('/etc/hostname').trim() || 'kubeplay';
  } catch {
    return 'kubeplay';
  }
}

async function runWatch(ctx: CommandContext): Promise<number> {
  let opts: WatchOptions;
  try {
    opts = parseWatchArgs(ctx.argv, ctx.env);
  } catch (error) {
    if (!(error instanceof WatchExit)) throw error;
    if (error.stdout) await ctx.stdout.write(error.stdout);
    if (error.stderr) await ctx.stderr.write(error.stderr);
    return error.status;
  }
  const term = ctx.env.TERM ?? '';
  if (!KNOWN_TERMINAL.test(term)) {
    await ctx.stderr.write(`Error opening terminal: ${term || 'unknown'}.\n`);
    return 1;
  }
  // The size: COLUMNS and LINES if set, else the terminal's; the command sees them too.
  const size = (name: 'COLUMNS' | 'LINES', fallback: number): number =>
    /^\d+$/.test(ctx.env[name] ?? '') && Number(ctx.env[name]) > 0 ? Number(ctx.env[name]) : fallback;
  const cols = (): number => size('COLUMNS', ctx.tty?.cols ?? 80);
  const rows = (): number => size('LINES', ctx.tty?.rows ?? 24);
  const screen = new WatchScreen(rows(), cols(), { wrap: opts.wrap, differences: opts.differences, color: opts.color });
  const stop = new CancelController();
  let interrupted = false;
  const interrupt = (): void => {
    interrupted = true;
    stop.abort();
  };
  const stopAbort = ctx.signal.onAbort(interrupt);
  const stopResize = ctx.tty?.onResize(() => {
    screen.rows = rows();
    screen.cols = cols();
    screen.clear();
  });
  // Keys are not echoed (curses' noecho); Ctrl-C interrupts, anything else waits for -e.
  ctx.tty?.setRawMode(true);
  let pendingKey: Promise<string | null> | undefined;
  const nextKey = (): Promise<string | null> =>
    (pendingKey ??= ctx.stdin.read().then((key) => ((pendingKey = undefined), key)));
  const watchKeys = (): void => {
    if (!ctx.tty) return;
    void nextKey().then((key) => {
      if (key === null || key.includes('\x03')) interrupt();
      else if (!interrupted) watchKeys();
    });
  };
  const clock = ctx.shell.clock;
  const interval = Math.round(opts.interval * 1000);
  const label = `Every ${fixed(opts.interval, 1)}s: `;
  // On a terminal, watch tells the command its size (as it puts COLUMNS and LINES in its own).
  const env = ctx.tty ? { ...ctx.env, COLUMNS: String(cols()), LINES: String(rows()) } : { ...ctx.env };
  let status = 0;
  let cycles = 0;
  let nextRun = clock.now();
  try {
    await ctx.stdout.write('\x1b[?1049h\x1b[H\x1b[2J');
    watchKeys();
    while (!interrupted) {
      const when = Math.floor(clock.now() / 1000);
      const header = opts.title
        ? { left: label, command: opts.command.join(' '), right: `${hostname(ctx)}: ${ctime(when)}` }
        : undefined;
      const result = await runOnce(ctx, opts, env, stop);
      if (interrupted) break;
      const { changed, same } = screen.update({ header, output: result.output });
      await ctx.stdout.write(screen.render() + (opts.beep && result.status ? '\x07' : ''));
      if (result.status && opts.errexit) {
        await ctx.stdout.write(`\x1b[${screen.rows};1Hcommand exit with a non-zero status, press a key to exit`);
        await Promise.race([nextKey(), new Promise<void>((resolve) => stop.signal.onAbort(resolve))]);
        status = interrupted ? 0 : 8;
        break;
      }
      if (opts.equexit !== undefined) {
        if (same && cycles === opts.equexit) break;
        cycles = same ? cycles + 1 : 0;
      } else if (opts.chgexit && changed) break;
      // -p keeps to the beat; otherwise the interval starts once the command is done.
      nextRun = opts.precise ? nextRun + interval : clock.now() + interval;
      await new Promise<void>((resolve) => {
        const timer = clock.setTimer(Math.max(0, nextRun - clock.now()), resolve);
        stop.signal.onAbort(() => {
          timer.cancel();
          resolve();
        });
      });
    }
  } finally {
    stopAbort();
    stopResize?.();
    ctx.tty?.setRawMode(false);
  }
  await ctx.stdout.write(`\x1b[${screen.rows};1H\x1b[?1049l`);
  return status;
}

/** procps' watch. */
export const watch: ShellCommand = {
  name: 'watch',
  summary: 'execute a program periodically, showing output fullscreen',
  run: runWatch,
};
