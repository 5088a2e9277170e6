// Applets whose behaviour is the host shell's GNU command's and whose texts are busybox's: the
// arguments are checked against the applet's own options first (busybox's usage and getopt
// complaints), then the GNU implementation runs with the process's streams and files, its error
// lines reworded by `reword` where busybox words them differently.
import type { ShellCommand } from '../../shell/command';
import { commandContext } from '../command-context';
import type { OptionSpec } from '../../shell/commands/coreutils/options';
import type { OutputStream, Program } from '../types';
import { defineApplet, showUsage } from './applet';

/** Rewrites whole lines written to `stream` with `reword` (a line at a time). */
function rewording(stream: OutputStream, reword: (line: string) => string): OutputStream {
  return {
    write: (text) => stream.write(text.replace(/[^\n]+/g, (line) => reword(line))),
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
