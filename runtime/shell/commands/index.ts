import type { ShellCommand } from '../command';
import { clear, exit, falseCommand, trueCommand } from './basics';
import { echo } from './echo';
import { help } from './help';
import { history } from './history';
import { sleep } from './sleep';

/** The shell's own commands: builtins and the basic utilities of the learner's host. */
export const SHELL_COMMANDS: readonly ShellCommand[] = [
  clear,
  echo,
  exit,
  falseCommand,
  help,
  history,
  sleep,
  trueCommand,
];
