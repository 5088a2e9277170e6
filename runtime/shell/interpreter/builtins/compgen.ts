// compgen: prints the completions a specification makes for a word (`compgen -W "a b" -- a`).
import { CompletionUsageError, parseCompletionArgs, type ParsedCompletionArgs } from '../completion-spec';
import { generateCompletions } from '../completion-generate';
import type { Builtin } from './types';

const USAGE =
  'compgen: usage: compgen [-abcdefgjksuv] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [word]\n';

/** `compgen [options] [word]`: status 0 when something matched. */
export const compgen: Builtin = async ({ argv, stdout, stderr, shell, fds }) => {
  let parsed: ParsedCompletionArgs;
  try {
    parsed = parseCompletionArgs(argv.slice(1), 'abcdefgjko:suvA:G:W:P:S:X:F:C:');
  } catch (error) {
    if (!(error instanceof CompletionUsageError)) throw error;
    stderr.write(`${shell.errorPrefix()}compgen: ${error.message}\n${error.usage ? USAGE : ''}`);
    return 2;
  }
  const { spec } = parsed;
  if (spec.fn !== undefined)
    stderr.write(`${shell.errorPrefix()}compgen: warning: -F option may not work as you expect\n`);
  if (spec.command !== undefined)
    stderr.write(`${shell.errorPrefix()}compgen: warning: -C option may not work as you expect\n`);
  const found = await generateCompletions(shell, spec, parsed.operands[0] ?? '', fds);
  if (found.length > 0) await stdout.write(found.map((w) => `${w}\n`).join(''));
  const asked = spec.actions.size > 0 || spec.words !== undefined || spec.glob !== undefined || spec.fn !== undefined;
  return found.length > 0 || !asked ? 0 : 1;
};
