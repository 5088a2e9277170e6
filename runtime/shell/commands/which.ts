import type { ShellCommand } from '../command';

/** Where each program lives on the learner's host (the rest of the shell's commands: /usr/bin). */
const LOCATIONS: Record<string, string> = { kubectl: '/usr/local/bin/kubectl', minikube: '/usr/local/bin/minikube' };

/** Shell builtins with no program on disk: `which` does not find them. */
const BUILTINS_ONLY = new Set(['exit', 'help', 'history', 'cd', 'export', 'alias', 'unset', 'source', 'type', 'jobs']);

/** The path of `name` on the host, or undefined. */
export function programPath(name: string, known: ReadonlyMap<string, unknown>): string | undefined {
  if (!known.has(name) || BUILTINS_ONLY.has(name)) return undefined;
  return LOCATIONS[name] ?? `/usr/bin/${name}`;
}

/** Debian's `which`: the path of each program found in PATH; exit 1 when any is missing. */
export const which: ShellCommand = {
  name: 'which',
  summary: 'locate a command',
  async run({ argv, stdout, shell }) {
    let all = false;
    const names: string[] = [];
    for (const arg of argv.slice(1)) {
      if (arg === '-a') all = true;
      else if (arg.startsWith('-') && names.length === 0) {
        // Debian's which accepts only -a; anything else prints its usage.
        stdout.write('Usage: /usr/bin/which [-a] args\n');
        return 2;
      } else names.push(arg);
    }
    let status = names.length === 0 ? 1 : 0;
    for (const name of names) {
      const path = name.includes('/') ? undefined : programPath(name, shell.commands);
      if (path === undefined) status = 1;
      else stdout.write(`${path}${all && path.startsWith('/usr/bin/') ? `\n/bin/${name}` : ''}\n`);
    }
    return status;
  },
};
