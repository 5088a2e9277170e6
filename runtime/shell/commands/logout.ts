// bash's `logout`: `exit` for a login shell. Our sessions are login shells (login-shell.ts), so the
// session's own shell may log out; its subshells, pipelines and `( … )` may not, as in bash,
// which clears login_shell in every child it forks.
import type { Builtin } from '../interpreter/builtins/types';
import { EXITS_AFTER, hasStoppedJobs } from '../interpreter/builtins/flow';
import { ExitSignal } from '../interpreter/signals';

/**
 * The status `logout [n]` ends the shell with, or an error: n modulo 256 (the last command's
 * status without one); more than one argument is refused, a non-number ends the shell with 2.
 */
function exitStatus(argv: string[], lastStatus: number): { status: number } | { error: string; exits: boolean } {
  if (argv.length > 2) return { error: 'logout: too many arguments', exits: false };
  const arg = argv[1];
  if (arg === undefined) return { status: lastStatus };
  if (!/^[+-]?\d+$/.test(arg)) return { error: `logout: ${arg}: numeric argument required`, exits: true };
  return { status: ((Number(arg) % 256) + 256) % 256 };
}

/**
 * `logout [n]` as the interpreter's builtin (register it as BUILTINS' `logout`). Unlike `exit`, a
 * login shell's `logout` prints nothing. Stopped jobs hold back the first one (and `exit` or
 * `logout` right after goes), as for `exit`.
 */
export const logoutBuiltin: Builtin = async ({ argv, stderr, shell }) => {
  if (shell.isSubshell || !shell.runtime.login) {
    stderr.write(`${shell.errorPrefix()}logout: not login shell: use \`exit'\n`);
    return 1;
  }
  const previous = shell.state.previousBuiltin;
  if (shell.runtime.interactive && !EXITS_AFTER.has(previous ?? '') && hasStoppedJobs(shell.state)) {
    stderr.write('There are stopped jobs.\n');
    // As bash: the warning counts as an `exit`, so that the next `exit`, `logout` or Ctrl-D goes.
    shell.state.currentBuiltin = 'exit';
    return 1;
  }
  const result = exitStatus(argv, shell.state.lastStatus);
  if ('status' in result) throw new ExitSignal(result.status);
  stderr.write(`${shell.errorPrefix()}${result.error}\n`);
  if (result.exits) throw new ExitSignal(2);
  return 1;
};
