import { CancelledError } from '../../cancel';
import { sleep as wait } from '../../clock';
import type { ShellCommand } from '../command';

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };

/** GNU coreutils `sleep`: sums NUMBER[smhd] operands and waits that long on the shell's clock. */
export const sleep: ShellCommand = {
  name: 'sleep',
  summary: 'delay for a specified amount of time',
  async run({ argv, stderr, shell, signal }) {
    const operands = argv.slice(1);
    if (operands.length === 0) {
      stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
      return 1;
    }
    let seconds = 0;
    for (const operand of operands) {
      const match = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(operand);
      if (!match) {
        stderr.write(`sleep: invalid time interval ‘${operand}’\nTry 'sleep --help' for more information.\n`);
        return 1;
      }
      seconds += Number(match[1]) * UNIT_SECONDS[match[2]];
    }
    try {
      await wait(shell.clock, Math.round(seconds * 1000), signal);
      return 0;
    } catch (error) {
      if (error instanceof CancelledError) return 130;
      throw error;
    }
  },
};
