// Applets whose behaviour is the host shell's GNU command's and whose texts are busybox's: the
// arguments are checked against the applet's own options first (busybox's usage and getopt
// complaints), then the GNU implementation runs with the process's streams and files, its error
// lines reworded by `reword` where busybox words them differently.
import { CancelController } from '../../cancel';
import type { ApiClient } from '../../api/client';
import type { CommandContext, ShellCommand } from '../../shell/command';
import type { HistoryList } from '../../shell/history';
import { EMPTY_INPUT, type InputStream } from '../../shell/process';
import type { OptionSpec } from '../../shell/commands/coreutils/options';
import type { OutputStream, ProcessContext, Program } from '../types';
import { defineApplet, showUsage } from './applet';

/** The process's stdin chunks as the shell's InputStream. */
function inputOf(stdin: AsyncIterable<string> | undefined): InputStream {
  if (!stdin) return EMPTY_INPUT;
  const iterator = stdin[Symbol.asyncIterator]();
  return {
    read: async () => {
      const next = await iterator.next();
      return next.done ? null : next.value;
    },
    close: () => void iterator.return?.(),
  };
}

/** Rewrites whole lines written to `stream` with `reword` (a line at a time). */
function rewording(stream: OutputStream, reword: (line: string) => string): OutputStream {
  return {
    write: (text) => stream.write(text.replace(/[^\n]+/g, (line) => reword(line))),
  };
}

/** The shell-side context of a command run as `ctx`'s process. */
export function commandContext(ctx: ProcessContext, stderr: OutputStream = ctx.stderr): CommandContext {
  const never = new CancelController();
  return {
    argv: ctx.argv,
    stdin: inputOf(ctx.stdin),
    stdout: ctx.stdout as CommandContext['stdout'],
    stderr: stderr as CommandContext['stderr'],
    env: ctx.env,
    cwd: ctx.cwd,
    fs: ctx.fs,
    signal: ctx.ended ?? never.signal,
    shell: {
      clock: ctx.clock,
      fs: ctx.fs,
      commands: new Map(),
      // A container's programs never reach the learner's API or history.
      api: undefined as unknown as ApiClient,
      history: undefined as unknown as HistoryList,
      exit: () => {},
      lastStatus: () => 0,
    },
  };
}

/** The applet `name` as `command` runs it, with busybox's options, usage and wording. */
export function fromHostCommand(
  name: string,
  command: ShellCommand,
  options: readonly OptionSpec[],
  extra: { usageStatus?: number; reword?: (line: string) => string; longOptions?: boolean; min?: number } = {},
): Program {
  return defineApplet({
    name,
    options,
    usageStatus: extra.usageStatus,
    longOptions: extra.longOptions,
    run: (ctx, args) => {
      // Too few operands: busybox's bare usage (GNU would say `missing operand`).
      if (args.operands.length < (extra.min ?? 0)) return Promise.resolve(showUsage(ctx, name, extra.usageStatus));
      const stderr = extra.reword ? rewording(ctx.stderr, extra.reword) : ctx.stderr;
      return command.run(commandContext({ ...ctx, argv: [name, ...ctx.argv.slice(1)] }, stderr));
    },
  });
}
