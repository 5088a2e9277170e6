import type { OutputStream } from '../../shell/command';
import { KUBECTL_HELP } from '../help-text';
import { asksForHelp, bareGroupHelp, commandPath, HELP_TEXTS } from './help-texts';

/** The `help` flag cobra adds to every command. */
export const HELP_FLAG = { name: 'help', short: 'h', type: 'bool' } as const;

/** The root command's usage (its help without the long description), as cobra's Usage prints it. */
const ROOT_USAGE = `\n${KUBECTL_HELP.slice(KUBECTL_HELP.indexOf('\nBasic Commands'))}`;

/**
 * `kubectl help [command…]`: the command's help, or cobra's "Unknown help topic" (Go's `%#q` of
 * the words) and the root usage on standard error when the first word names no command.
 */
export function helpTopic(words: readonly string[], stdout: OutputStream, stderr: OutputStream): number {
  if (words.length === 0) {
    stdout.write(KUBECTL_HELP);
    return 0;
  }
  const text = HELP_TEXTS.get(commandPath(words));
  if (text === undefined) {
    stderr.write(`Unknown help topic [${words.map((w) => `\`${w}\``).join(' ')}]\n${ROOT_USAGE}`);
    return 0;
  }
  stdout.write(text);
  return 0;
}

/**
 * For a command kubeplay does not run yet: its help when `argv` (the arguments after `kubectl`)
 * asks for it or names a group without its subcommand; undefined otherwise.
 */
export function helpOnly(argv: readonly string[], stdout: OutputStream, stderr: OutputStream): number | undefined {
  const path = commandPath(argv);
  const text = HELP_TEXTS.get(path);
  if (text === undefined) return undefined;
  if (asksForHelp(argv)) {
    stdout.write(text);
    return 0;
  }
  const bare = bareGroupHelp(path);
  if (!bare) return undefined;
  (bare.stream === 'stdout' ? stdout : stderr).write(text);
  return bare.exitCode;
}

/** The help of the command `argv` names (for a command kubeplay runs, once `--help` parsed). */
export function printHelp(argv: readonly string[], stdout: OutputStream): number {
  stdout.write(HELP_TEXTS.get(commandPath(argv)) ?? '');
  return 0;
}
