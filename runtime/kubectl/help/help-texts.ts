import { GLOBAL_FLAGS } from '../global-flags';
import { HELP_ADVANCED } from './advanced';
import { HELP_BASIC_BEGINNER } from './basic-beginner';
import { HELP_BASIC_INTERMEDIATE } from './basic-intermediate';
import { HELP_CLUSTER_MANAGEMENT } from './cluster-management';
import { HELP_DEPLOY } from './deploy';
import { HELP_OTHER } from './other';
import { HELP_SETTINGS } from './settings';
import { HELP_TROUBLESHOOTING_AND_DEBUGGING } from './troubleshooting-and-debugging';

/** `kubectl <path> --help` by command path (`create deployment`), as the real kubectl prints it. */
export const HELP_TEXTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ...HELP_BASIC_BEGINNER,
    ...HELP_BASIC_INTERMEDIATE,
    ...HELP_DEPLOY,
    ...HELP_CLUSTER_MANAGEMENT,
    ...HELP_TROUBLESHOOTING_AND_DEBUGGING,
    ...HELP_ADVANCED,
    ...HELP_SETTINGS,
    ...HELP_OTHER,
  }),
);

/** A command's names: its own and those its help lists under `Aliases:` (`deployment, deploy`). */
function namesOf(path: string, text: string): string[] {
  const own = path.slice(path.lastIndexOf(' ') + 1);
  const aliases = /\nAliases:\n(.*)\n/.exec(text)?.[1].split(', ') ?? [];
  return [own, ...aliases];
}

/** Each command's subcommands, by their names and aliases. */
const CHILDREN = new Map<string, Map<string, string>>();
for (const [path, text] of HELP_TEXTS) {
  const parent = path.includes(' ') ? path.slice(0, path.lastIndexOf(' ')) : '';
  const children = CHILDREN.get(parent) ?? new Map<string, string>();
  for (const name of namesOf(path, text)) children.set(name, path);
  CHILDREN.set(parent, children);
}

/** Whether the flag `arg` takes the next argument as its value (cobra's stripFlags). */
function takesValue(arg: string): boolean {
  if (arg.includes('=') || arg === '--help' || arg === '-h') return false;
  if (arg.startsWith('--')) return GLOBAL_FLAGS.find((f) => f.name === arg.slice(2))?.type !== 'bool';
  return arg.length === 2 && GLOBAL_FLAGS.find((f) => f.short === arg[1])?.type !== 'bool';
}

/**
 * The command `argv` (the arguments after `kubectl`) names, as cobra's Find walks it: from the
 * top-level command down while the next positional argument names a subcommand ('' for none).
 */
export function commandPath(argv: readonly string[]): string {
  let path = '';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg.startsWith('-') && arg !== '-') {
      if (takesValue(arg)) i++;
      continue;
    }
    const next = CHILDREN.get(path)?.get(arg);
    if (next === undefined) break;
    path = next;
  }
  return path;
}

/** Whether `argv` asks for help (`-h`, `--help`, `--help=true`) before any `--`. */
export function asksForHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '-h' || arg === '--help' || arg === '--help=true') return true;
  }
  return false;
}

/**
 * What a group command without a run of its own does when given no subcommand: prints its help
 * to standard output (`rollout`: DefaultSubCommandRun(streams.Out)) or standard error (the others:
 * DefaultSubCommandRun(streams.ErrOut)) and exits 1; `certificate` has no Run, so cobra prints its
 * help and exits 0.
 */
const BARE_GROUPS: Readonly<Record<string, { stream: 'stdout' | 'stderr'; exitCode: number }>> = {
  rollout: { stream: 'stdout', exitCode: 1 },
  certificate: { stream: 'stdout', exitCode: 0 },
  set: { stream: 'stderr', exitCode: 1 },
  top: { stream: 'stderr', exitCode: 1 },
  auth: { stream: 'stderr', exitCode: 1 },
  config: { stream: 'stderr', exitCode: 1 },
  plugin: { stream: 'stderr', exitCode: 1 },
};

/** What the group command `path` prints when run without a subcommand, if it is one. */
export function bareGroupHelp(path: string): { stream: 'stdout' | 'stderr'; exitCode: number } | undefined {
  return Object.hasOwn(BARE_GROUPS, path) ? BARE_GROUPS[path] : undefined;
}
