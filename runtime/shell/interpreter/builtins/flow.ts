// return, break, continue, exit.
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal } from '../signals';
import type { ShellState } from '../state';
import type { Builtin } from './types';

/** Whether the shell has a stopped job (exiting would leave it behind). */
export function hasStoppedJobs(state: ShellState): boolean {
  return state.jobs.jobs.some((job) => job.state === 'stopped');
}

/** `return [n]`: from a function or a sourced file. */
export const returnBuiltin: Builtin = async ({ argv, stderr, shell }) => {
  if (shell.functionDepth === 0 && shell.sourceDepth === 0) {
    stderr.write(`${shell.errorPrefix()}return: can only \`return' from a function or sourced script\n`);
    return 2;
  }
  const arg = argv[1];
  if (arg !== undefined && !/^[+-]?[0-9]+$/.test(arg)) {
    stderr.write(`${shell.errorPrefix()}return: ${arg}: numeric argument required\n`);
    throw new ReturnSignal(2);
  }
  throw new ReturnSignal(arg === undefined ? shell.state.lastStatus : ((Number(arg) % 256) + 256) % 256);
};

function loopControl(name: 'break' | 'continue'): Builtin {
  return async ({ argv, stderr, shell }) => {
    const arg = argv[1] ?? '1';
    if (!/^[0-9]+$/.test(arg)) {
      stderr.write(`${shell.errorPrefix()}${name}: ${arg}: numeric argument required\n`);
      return 1;
    }
    if (shell.loopDepth === 0) {
      stderr.write(`${shell.errorPrefix()}${name}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    if (Number(arg) < 1) {
      stderr.write(`${shell.errorPrefix()}${name}: ${arg}: loop count out of range\n`);
      return 1;
    }
    const levels = Math.min(Number(arg), shell.loopDepth);
    throw name === 'break' ? new BreakSignal(levels) : new ContinueSignal(levels);
  };
}

export const breakBuiltin = loopControl('break');
export const continueBuiltin = loopControl('continue');

/** `exit [n]`: an interactive shell says `exit` first (a subshell does not). */
/** After these, `exit` leaves even with stopped jobs (the warning has been given or seen). */
export const EXITS_AFTER = new Set(['exit', 'logout', 'jobs']);

export const exit: Builtin = async ({ argv, stderr, shell }) => {
  const interactive = shell.runtime.interactive && !shell.isSubshell;
  if (interactive) stderr.write('exit\n');
  // bash holds back the first exit while jobs are stopped; a second one (or one after `jobs`) goes.
  const previous = shell.state.previousBuiltin;
  if (interactive && !EXITS_AFTER.has(previous ?? '') && hasStoppedJobs(shell.state)) {
    stderr.write('There are stopped jobs.\n');
    shell.state.currentBuiltin = 'exit';
    return 1;
  }
  const arg = argv[1];
  if (argv.length > 2) {
    stderr.write(`${shell.errorPrefix()}exit: too many arguments\n`);
    return 1;
  }
  if (arg !== undefined && !/^[+-]?\d+$/.test(arg)) {
    stderr.write(`${shell.errorPrefix()}exit: ${arg}: numeric argument required\n`);
    throw new ExitSignal(2);
  }
  throw new ExitSignal(arg === undefined ? shell.state.lastStatus : ((Number(arg) % 256) + 256) % 256);
};
