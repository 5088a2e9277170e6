// Commands that awk hands to the shell (`print | cmd`, `cmd | getline`, system()): each line
// runs as `sh -c LINE`, sh being the host's (dash), as mawk runs /bin/sh.
import type { CommandContext } from '../../command';
import { stringInput } from '../../process';
import { fromBytes, toBytes } from './bytes';

/** Runs `line` (a byte string) with `stdin`; its output goes to `out` (byte strings). */
export async function runCommandLine(
  ctx: CommandContext,
  line: string,
  stdin: string,
  out: (text: string) => void | Promise<void>,
): Promise<number> {
  const sh = ctx.shell.commands.get('sh');
  if (!sh) {
    await ctx.stderr.write(`sh: 1: sh: not found\n`);
    return 127;
  }
  return sh.run({
    ...ctx,
    argv: ['sh', '-c', fromBytes(line)],
    stdin: stringInput(fromBytes(stdin)),
    stdout: { write: (text) => out(toBytes(text)) },
  });
}
