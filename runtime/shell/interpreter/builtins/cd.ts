import { normalizePath } from '../../fs/volume';
import type { Builtin } from './types';

/** `cd [dir]`: `cd` goes home, `cd -` to $OLDPWD (and prints it); keeps PWD and OLDPWD. */
export const cd: Builtin = async ({ argv, stdout, stderr, shell }) => {
  const state = shell.state;
  const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P' || a === '--')));
  if (args.length > 1) {
    stderr.write(`${shell.errorPrefix()}cd: too many arguments\n`);
    return 1;
  }
  let target: string | undefined = args[0];
  let print = false;
  if (target === undefined) {
    target = state.get('HOME');
    if (target === undefined) {
      stderr.write(`${shell.errorPrefix()}cd: HOME not set\n`);
      return 1;
    }
    if (target === '') return 0;
  } else if (target === '-') {
    target = state.get('OLDPWD');
    if (target === undefined) {
      stderr.write(`${shell.errorPrefix()}cd: OLDPWD not set\n`);
      return 1;
    }
    print = true;
  }
  const path = normalizePath(target, state.cwd);
  if (!shell.fs.isDirectory(path)) {
    stderr.write(
      `${shell.errorPrefix()}cd: ${target}: ${shell.fs.exists(path) ? 'Not a directory' : 'No such file or directory'}\n`,
    );
    return 1;
  }
  state.set('OLDPWD', state.get('PWD') ?? state.cwd);
  state.cwd = path;
  state.set('PWD', path);
  if (print) stdout.write(`${path}\n`);
  return 0;
};

/** `pwd`: the working directory. */
export const pwd: Builtin = async ({ stdout, shell }) => {
  stdout.write(`${shell.state.cwd}\n`);
  return 0;
};
