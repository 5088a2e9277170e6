// set and shift.
import type { ShellOptions } from '../state';
import type { Builtin } from './types';

const LETTERS: Record<string, keyof ShellOptions> = {
  e: 'errexit',
  u: 'nounset',
  x: 'xtrace',
  f: 'noglob',
  C: 'noclobber',
};
const NAMED = new Set<string>(['errexit', 'nounset', 'xtrace', 'pipefail', 'noglob', 'noclobber']);
/** Options bash knows that kubeplay accepts and ignores. */
const IGNORED = new Set([
  'emacs',
  'vi',
  'history',
  'monitor',
  'notify',
  'braceexpand',
  'hashall',
  'histexpand',
  'interactive-comments',
  'ignoreeof',
  'keyword',
  'noexec',
  'nolog',
  'onecmd',
  'physical',
  'posix',
  'privileged',
  'verbose',
  'allexport',
  'errtrace',
  'functrace',
]);
const USAGE = 'set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n';

/** `set`: options (-e -u -x -f -C, -o name, +o name) and positional parameters (`set -- a b`). */
export const set: Builtin = async ({ argv, stdout, stderr, shell }) => {
  const state = shell.state;
  const args = argv.slice(1);
  if (args.length === 0) {
    for (const name of [...state.vars.keys()].sort()) stdout.write(`${name}=${state.get(name)}\n`);
    return 0;
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--' || arg === '-') {
      state.positional = args.slice(i + 1);
      return 0;
    }
    if (!/^[-+]/.test(arg)) {
      state.positional = args.slice(i);
      return 0;
    }
    const on = arg[0] === '-';
    for (const letter of arg.slice(1)) {
      if (letter === 'o') {
        const name = args[++i];
        if (name === undefined) {
          for (const option of [...NAMED].sort())
            stdout.write(`${option.padEnd(15)}\t${state.options[option as keyof ShellOptions] ? 'on' : 'off'}\n`);
          continue;
        }
        if (NAMED.has(name)) state.options[name as keyof ShellOptions] = on;
        else if (!IGNORED.has(name)) {
          stderr.write(`${shell.errorPrefix()}set: ${name}: invalid option name\n`);
          return 2;
        }
      } else if (LETTERS[letter]) state.options[LETTERS[letter]] = on;
      else if (!'abhkmnptvBEHPT'.includes(letter)) {
        stderr.write(`${shell.errorPrefix()}set: ${arg[0]}${letter}: invalid option\n${USAGE}`);
        return 2;
      }
    }
  }
  return 0;
};

/** `shift [n]`. */
export const shift: Builtin = async ({ argv, stderr, shell }) => {
  const arg = argv[1] ?? '1';
  if (!/^[0-9]+$/.test(arg)) {
    stderr.write(`${shell.errorPrefix()}shift: ${arg}: numeric argument required\n`);
    return 1;
  }
  const n = Number(arg);
  if (n > shell.state.positional.length) return 1;
  shell.state.positional = shell.state.positional.slice(n);
  return 0;
};
