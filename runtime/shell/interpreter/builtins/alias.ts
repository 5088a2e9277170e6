// alias and unalias.
import type { Builtin } from './types';

const quote = (value: string): string => `'${value.replace(/'/g, "'\\''")}'`;

/** `alias [name[=value]…]`: defines, or prints as `alias name='value'`. */
export const alias: Builtin = async ({ argv, stdout, stderr, shell }) => {
  const aliases = shell.state.aliases;
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (args.length === 0) {
    for (const name of [...aliases.keys()].sort()) stdout.write(`alias ${name}=${quote(aliases.get(name)!)}\n`);
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq > 0) {
      aliases.set(arg.slice(0, eq), arg.slice(eq + 1));
      continue;
    }
    const value = aliases.get(arg);
    if (value === undefined) {
      stderr.write(`${shell.errorPrefix()}alias: ${arg}: not found\n`);
      status = 1;
    } else stdout.write(`alias ${arg}=${quote(value)}\n`);
  }
  return status;
};

/** `unalias [-a] name…`. */
export const unalias: Builtin = async ({ argv, stderr, shell }) => {
  const args = argv.slice(1);
  if (args[0] === '-a') {
    shell.state.aliases.clear();
    return 0;
  }
  if (args.length === 0) {
    stderr.write('unalias: usage: unalias [-a] name [name ...]\n');
    return 2;
  }
  let status = 0;
  for (const name of args) {
    if (!shell.state.aliases.delete(name)) {
      stderr.write(`${shell.errorPrefix()}unalias: ${name}: not found\n`);
      status = 1;
    }
  }
  return status;
};
