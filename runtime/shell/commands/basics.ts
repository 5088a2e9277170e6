import type { ShellCommand } from '../command';

/** `true`: does nothing, successfully. */
export const trueCommand: ShellCommand = {
  name: 'true',
  summary: 'do nothing, successfully',
  run: async () => 0,
};

/** `false`: does nothing, unsuccessfully. */
export const falseCommand: ShellCommand = {
  name: 'false',
  summary: 'do nothing, unsuccessfully',
  run: async () => 1,
};

/** `clear`: what ncurses' clear writes for xterm-256color (home, erase screen, erase scrollback). */
export const clear: ShellCommand = {
  name: 'clear',
  summary: 'clear the terminal screen',
  async run({ stdout }) {
    stdout.write('\x1b[H\x1b[2J\x1b[3J');
    return 0;
  },
};

/**
 * bash's `exit [n]`: ends the shell; without n, with the last command's status. An interactive
 * bash says "exit" on stderr first, even when it then refuses to exit.
 */
export const exit: ShellCommand = {
  name: 'exit',
  summary: 'exit the shell',
  async run({ argv, stderr, shell }) {
    const arg = argv[1];
    stderr.write('exit\n');
    if (argv.length > 2) {
      stderr.write('bash: exit: too many arguments\n');
      return 1;
    }
    if (arg !== undefined && !/^[+-]?\d+$/.test(arg)) {
      stderr.write(`bash: exit: ${arg}: numeric argument required\n`);
      shell.exit(2);
      return 2;
    }
    const code = arg === undefined ? shell.lastStatus() : ((Number(arg) % 256) + 256) % 256;
    shell.exit(code);
    return code;
  },
};
