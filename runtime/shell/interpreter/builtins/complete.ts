// complete: how the arguments of commands are completed (`complete -o default -F __start_kubectl
// kubectl`, as `source <(kubectl completion bash)` registers it), listed with -p, removed with -r.
import {
  CompletionUsageError,
  parseCompletionArgs,
  SPECIAL_NAMES,
  specLine,
  type ParsedCompletionArgs,
} from '../completion-spec';
import type { Builtin, BuiltinContext } from './types';

const USAGE =
  'complete: usage: complete [-abcdefgjksuv] [-pr] [-DEI] [-o option] [-A action] [-G globpat] [-W wordlist] [-F function] [-C command] [-X filterpat] [-P prefix] [-S suffix] [name ...]\n';

/** `complete [options] [name …]`. */
export const complete: Builtin = async (ctx) => {
  let parsed: ParsedCompletionArgs;
  try {
    parsed = parseCompletionArgs(ctx.argv.slice(1), 'abcdefgjko:prsuvA:G:W:P:S:X:F:C:DEI');
  } catch (error) {
    if (!(error instanceof CompletionUsageError)) throw error;
    ctx.stderr.write(`${ctx.shell.errorPrefix()}complete: ${error.message}\n${error.usage ? USAGE : ''}`);
    return 2;
  }
  const { flags, spec } = parsed;
  const names = [...parsed.operands];
  for (const letter of ['D', 'E', 'I'] as const) if (flags.has(letter)) names.unshift(SPECIAL_NAMES[letter]);
  const table = ctx.shell.state.completions;
  const described =
    spec.options.size + spec.actions.size > 0 ||
    [spec.glob, spec.words, spec.prefix, spec.suffix, spec.filter, spec.command, spec.fn].some((v) => v !== undefined);
  if (flags.has('p') || (!flags.has('r') && !described && names.length === 0)) {
    return printSpecs(ctx, names.length > 0 ? names : table.names());
  }
  if (flags.has('r')) {
    if (names.length === 0) table.clear();
    let status = 0;
    for (const name of names) {
      if (table.delete(name)) continue;
      ctx.stderr.write(`${ctx.shell.errorPrefix()}complete: ${name}: no completion specification\n`);
      status = 1;
    }
    return status;
  }
  if (names.length === 0) {
    ctx.stderr.write(USAGE);
    return 2;
  }
  for (const name of names)
    table.set(name, { ...spec, options: new Set(spec.options), actions: new Set(spec.actions) });
  return 0;
};

function printSpecs(ctx: BuiltinContext, names: string[]): number {
  return forEachKnown(ctx, names, (name) => {
    ctx.stdout.write(specLine(name, ctx.shell.state.completions.get(name)!));
  });
}

/** Runs `act` on each name that has a specification; complains about the others (status 1). */
export function forEachKnown(
  ctx: BuiltinContext,
  names: string[],
  act: (name: string) => void,
  builtin = 'complete',
): number {
  let status = 0;
  for (const name of names) {
    if (ctx.shell.state.completions.get(name)) act(name);
    else {
      ctx.stderr.write(`${ctx.shell.errorPrefix()}${builtin}: ${name}: no completion specification\n`);
      status = 1;
    }
  }
  return status;
}
