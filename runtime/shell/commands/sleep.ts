import { CancelledError } from '../../cancel';
import { sleep as wait } from '../../clock';
import type { ShellCommand } from '../command';

const UNIT_SECONDS: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 };
const TRY_HELP = "Try 'sleep --help' for more information.\n";

/** GNU coreutils 9.1 `sleep --help` (recorded from Debian 12's sleep). */
const HELP =
  "Usage: sleep NUMBER[SUFFIX]...\n  or:  sleep OPTION\nPause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),\n'm' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an\ninteger.  Given two or more arguments, pause for the amount of time\nspecified by the sum of their values.\n\n      --help        display this help and exit\n      --version     output version information and exit\n\nGNU coreutils online help: <https://www.gnu.org/software/coreutils/>\nReport any translation bugs to <https://translationproject.org/team/>\nFull documentation <https://www.gnu.org/software/coreutils/sleep>\nor available locally via: info '(coreutils) sleep invocation'\n";

/** GNU coreutils 9.1 `sleep --version`. */
const VERSION =
  'sleep (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Jim Meyering and Paul Eggert.\n';

/** Seconds in one operand (a decimal or exponent number, or inf, with an optional unit). */
function parseInterval(operand: string): number | undefined {
  const match = /^(\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?|inf(?:inity)?)([smhd]?)$/i.exec(operand);
  if (!match) return undefined;
  return (/^inf/i.test(match[1]) ? Infinity : Number(match[1])) * UNIT_SECONDS[match[2]];
}

/** GNU coreutils `sleep`: sums NUMBER[smhd] operands and waits that long on the shell's clock. */
export const sleep: ShellCommand = {
  name: 'sleep',
  summary: 'delay for a specified amount of time',
  async run({ argv, stdout, stderr, shell, signal }) {
    let operands = argv.slice(1);
    const first = operands[0];
    if (first === '--help' || first === '--version') {
      stdout.write(first === '--help' ? HELP : VERSION);
      return 0;
    }
    if (first === '--') operands = operands.slice(1);
    else if (first?.startsWith('--')) {
      stderr.write(`sleep: unrecognized option '${first}'\n${TRY_HELP}`);
      return 1;
    } else if (first?.startsWith('-') && first.length > 1) {
      stderr.write(`sleep: invalid option -- '${first[1]}'\n${TRY_HELP}`);
      return 1;
    }
    if (operands.length === 0) {
      stderr.write(`sleep: missing operand\n${TRY_HELP}`);
      return 1;
    }
    let seconds = 0;
    for (const operand of operands) {
      const interval = parseInterval(operand);
      if (interval === undefined) {
        stderr.write(`sleep: invalid time interval ‘${operand}’\n${TRY_HELP}`);
        return 1;
      }
      seconds += interval;
    }
    try {
      // An infinite sleep waits for Ctrl-C: no timer, only the signal.
      if (seconds === Infinity)
        await new Promise<never>((_, reject) => signal.onAbort(() => reject(new CancelledError())));
      else await wait(shell.clock, Math.round(seconds * 1000), signal);
      return 0;
    } catch (error) {
      if (error instanceof CancelledError) return 130;
      throw error;
    }
  },
};
