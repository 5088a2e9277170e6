// compopt: changes the -o options of a completion, the one running (inside a completion
// function) or those of named commands; with no option, prints them.
import {
  COMP_OPTIONS,
  CompletionUsageError,
  parseCompletionArgs,
  SPECIAL_NAMES,
  type ParsedCompletionArgs,
} from '../completion-spec';
import { forEachKnown } from './complete';
import type { Builtin } from './types';

const USAGE = 'compopt: usage: compopt [-o|+o option] [-DEI] [name ...]\n';

/** `compopt [-o|+o option] [-DEI] [name …]`. */
export const compopt: Builtin = async (ctx) => {
  let parsed: ParsedCompletionArgs;
  try {
    parsed = parseCompletionArgs(ctx.argv.slice(1), 'o:DEI', true);
  } catch (error) {
    if (!(error instanceof CompletionUsageError)) throw error;
    ctx.stderr.write(`${ctx.shell.errorPrefix()}compopt: ${error.message}\n${error.usage ? USAGE : ''}`);
    return 2;
  }
  const names = [...parsed.operands];
  for (const letter of ['D', 'E', 'I'] as const) if (parsed.flags.has(letter)) names.unshift(SPECIAL_NAMES[letter]);
  const current = ctx.shell.state.completing;
  if (names.length === 0) {
    if (!current) {
      ctx.stderr.write(`${ctx.shell.errorPrefix()}compopt: not currently executing completion function\n`);
      return 1;
    }
    apply(current.options, parsed);
    return 0;
  }
  const table = ctx.shell.state.completions;
  const changing = parsed.spec.options.size + parsed.off.size > 0;
  return forEachKnown(
    ctx,
    names,
    (name) => {
      const options = table.get(name)!.options;
      if (changing) apply(options, parsed);
      else {
        const shown = COMP_OPTIONS.map((o) => `${options.has(o) ? '-o' : '+o'} ${o}`).join(' ');
        ctx.stdout.write(`compopt ${shown} ${name}\n`);
      }
    },
    'compopt',
  );
};

function apply(options: Set<string>, parsed: ParsedCompletionArgs): void {
  for (const option of parsed.spec.options) options.add(option);
  for (const option of parsed.off) options.delete(option);
}
