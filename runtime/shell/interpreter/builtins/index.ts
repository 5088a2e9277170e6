// The builtins that act on the shell itself, by name. Builtins that need no shell state (echo,
// history, help) stay in ../../commands, where `help` lists them.
import { echoOutput } from '../../commands/echo';
import { logoutBuiltin } from '../../commands/logout';
import { alias, unalias } from './alias';
import { cd, pwd } from './cd';
import { compgen } from './compgen';
import { complete } from './complete';
import { compopt } from './compopt';
import { breakBuiltin, continueBuiltin, exit, returnBuiltin } from './flow';
import { falseBuiltin, letBuiltin, trueBuiltin, type } from './info';
import { bg, disown, fg, jobs } from './job-control';
import { kill } from './kill';
import { set, shift } from './options';
import { printf } from './printf';
import { read } from './read';
import { evalBuiltin, source } from './source';
import { test } from './test';
import type { Builtin } from './types';
import { declare, exportBuiltin, local, readonly, unset } from './variables';
import { wait } from './wait';

export type { Builtin, BuiltinContext } from './types';

/** bash's builtins that kubeplay implements in the interpreter. */
export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  [':', trueBuiltin],
  ['true', trueBuiltin],
  ['false', falseBuiltin],
  ['.', source],
  ['source', source],
  ['[', test],
  ['test', test],
  ['alias', alias],
  ['unalias', unalias],
  ['break', breakBuiltin],
  ['continue', continueBuiltin],
  ['cd', cd],
  ['pwd', pwd],
  ['declare', declare],
  ['typeset', declare],
  ['local', local],
  ['export', exportBuiltin],
  ['readonly', readonly],
  ['unset', unset],
  ['eval', evalBuiltin],
  ['exit', exit],
  ['logout', logoutBuiltin],
  ['return', returnBuiltin],
  ['jobs', jobs],
  ['wait', wait],
  ['fg', fg],
  ['bg', bg],
  ['kill', kill],
  ['disown', disown],
  ['let', letBuiltin],
  ['printf', printf],
  ['read', read],
  ['set', set],
  ['shift', shift],
  ['type', type],
  ['complete', complete],
  ['compgen', compgen],
  ['compopt', compopt],
  [
    'echo',
    async ({ argv, stdout }) => {
      await stdout.write(echoOutput(argv));
      return 0;
    },
  ],
]);
