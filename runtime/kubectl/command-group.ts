import { GLOBAL_FLAGS } from './global-flags';
import type { KubectlSubcommand } from './subcommand';

/** Index of the first positional argument (the child's name), skipping global flags and their values. */
function childIndex(argv: readonly string[], flags: KubectlSubcommand['flags']): number {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') return -1;
    if (!arg.startsWith('-') || arg === '-') return i;
    const long = arg.startsWith('--');
    if (arg.includes('=') || (!long && arg.length > 2)) continue;
    const spec = flags.find((f) => (long ? f.name === arg.slice(2) : f.short === arg[1]));
    if (spec && spec.type !== 'bool') i++;
  }
  return -1;
}

/**
 * A command made of children (`rollout status`, `set image`): the child's flags are the ones
 * parsed, and the child runs with the arguments after its name. Without a known child, `usage`
 * is printed as cobra's DefaultSubCommandRun prints the group's help.
 */
export function commandGroup(
  name: string,
  children: readonly KubectlSubcommand[],
  usage: string,
  /** Where the help goes: `rollout` prints it on stdout, `set` (cmd.Help on its error path) on stderr. */
  usageTo: 'stdout' | 'stderr' = 'stdout',
): KubectlSubcommand {
  const byName = new Map(children.map((c) => [c.name, c]));
  const find = (argv: readonly string[]): KubectlSubcommand | undefined => {
    const at = childIndex(argv, GLOBAL_FLAGS);
    return at < 0 ? undefined : byName.get(argv[at]);
  };
  return {
    name,
    flags: [],
    flagsFor: (argv) => find(argv)?.flags ?? [],
    async run(ctx) {
      const child = ctx.args.length > 0 ? byName.get(ctx.args[0]) : undefined;
      if (!child) {
        // cobra: an unknown child is an argument of the group, whose DefaultSubCommandRun prints help.
        ctx[usageTo].write(usage);
        return 1;
      }
      const dashAt = ctx.dashAt === undefined ? undefined : Math.max(0, ctx.dashAt - 1);
      return child.run({ ...ctx, args: ctx.args.slice(1), dashAt });
    },
  };
}

/** pflag's error for a duration flag that does not parse. */
export function durationError(flag: string, value: string): string {
  return `invalid argument ${JSON.stringify(value)} for "--${flag}" flag: time: invalid duration ${JSON.stringify(value)}`;
}
