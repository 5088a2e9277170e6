// `top`, procps-ng 4.0.2's: the host's processes refreshed every few seconds on the cluster
// clock — full screen on a terminal (q or Ctrl-C quits), plain frames with -b.
import { CancelledError } from '../../../cancel';
import { sleep } from '../../../clock';
import type { CommandContext } from '../../command';
import type { Interpreter } from '../../interpreter/interpreter';
import type { ShellAwareCommand } from '../../interpreter/shell-aware';
import { asking } from '../ps/host-processes';
import { parseAccounts } from '../ps/process-snapshot';
import { strtoul } from '../ps/ps-lists';
import { parseTopArgs, TopExit, type TopOptions } from './top-args';
import { TopMonitor } from './top-monitor';
import { runTopScreen } from './top-screen';

/** Batch mode: frames as plain lines, trailing blanks of the header and rows dropped. */
async function runBatch(ctx: CommandContext, monitor: TopMonitor, opts: TopOptions): Promise<number> {
  for (let n = 0; ; n++) {
    const { summary, header, rows } = monitor.frame();
    const trim = (line: string): string => line.replace(/ +$/, '');
    const lines = [...summary.map((line) => `${line}\n`), `\n${trim(header)}`, ...rows.map((row) => `\n${trim(row)}`)];
    await ctx.stdout.write((n ? '\n\n' : '') + lines.join(''));
    if (opts.iterations && n + 1 >= opts.iterations) break;
    try {
      await sleep(ctx.shell.clock, Math.round(opts.delay * 1000), ctx.signal);
    } catch (error) {
      if (!(error instanceof CancelledError)) throw error;
      break;
    }
  }
  // top ends batch output with a newline, on its last frame or when interrupted.
  await ctx.stdout.write('\n');
  return 0;
}

/** The uid -u/-U names: a user name, or any number (a user from elsewhere). */
function userId(ctx: CommandContext, user: string): number | undefined {
  let passwd = '';
  try {
    passwd = ctx.fs.readFile('/etc/passwd');
  } catch {
    // No accounts: numbers only.
  }
  const n = strtoul(user);
  return Number.isNaN(n) ? parseAccounts(passwd, '').uidOf(user) : n;
}

/** COLUMNS, when a number. */
const envColumns = (ctx: CommandContext): number | undefined =>
  /^\d+$/.test(ctx.env.COLUMNS ?? '') && Number(ctx.env.COLUMNS) > 0 ? Number(ctx.env.COLUMNS) : undefined;

async function runTop(ctx: CommandContext, shell?: Interpreter): Promise<number> {
  let opts: TopOptions;
  try {
    opts = parseTopArgs(ctx.argv);
  } catch (error) {
    if (!(error instanceof TopExit)) throw error;
    if (error.stdout) await ctx.stdout.write(error.stdout);
    if (error.stderr) await ctx.stderr.write(error.stderr);
    return error.status;
  }
  const uid = opts.user === undefined ? undefined : userId(ctx, opts.user);
  if (opts.user !== undefined && uid === undefined) {
    await ctx.stderr.write('top: Invalid user\n');
    return 1;
  }
  if (!opts.batch && !ctx.tty) {
    await ctx.stderr.write('top: failed tty get\n');
    return 1;
  }
  const self = asking(ctx, shell);
  // The screen's width (80 on a pipe, as terminfo's), or -w's; at most 512 columns.
  const width = (): number => {
    const screen = ctx.tty?.cols ?? envColumns(ctx) ?? 80;
    const asked = opts.width === -1 ? (envColumns(ctx) ?? 512) : opts.width;
    if (asked === undefined) return Math.min(512, Math.max(80, screen));
    return opts.batch ? asked : Math.min(asked, screen);
  };
  const monitor = new TopMonitor(ctx, shell, self, opts, width, uid);
  return opts.batch ? runBatch(ctx, monitor, opts) : runTopScreen(ctx, monitor, opts);
}

/** procps' top: the interpreter hands it the session, whose processes it shows with the host's. */
export const top: ShellAwareCommand = {
  name: 'top',
  summary: 'display Linux processes',
  run: (ctx) => runTop(ctx),
  runInShell: (shell, ctx) => runTop(ctx, shell),
};
