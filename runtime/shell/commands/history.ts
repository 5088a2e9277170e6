import type { ShellCommand } from '../command';

/** bash's `history` builtin: list (optionally the last N) or clear with -c. */
export const history: ShellCommand = {
  name: 'history',
  summary: 'display or clear the command history',
  async run({ argv, stdout, stderr, shell }) {
    const arg = argv[1];
    if (arg === '-c') {
      await shell.history.clear();
      return 0;
    }
    const lines = shell.history.entries();
    let count = lines.length;
    if (arg !== undefined) {
      if (!/^\d+$/.test(arg)) {
        const invalid = arg.startsWith('-') && arg !== '-';
        stderr.write(
          invalid
            ? `bash: history: ${arg.slice(0, 2)}: invalid option\nhistory: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n`
            : `bash: history: ${arg}: numeric argument required\n`,
        );
        return invalid ? 2 : 1;
      }
      count = Math.min(count, Number(arg));
    }
    let out = '';
    for (let i = lines.length - count; i < lines.length; i++) {
      out += `${String(i + 1).padStart(5)}  ${lines[i]}\n`;
    }
    stdout.write(out);
    return 0;
  },
};
