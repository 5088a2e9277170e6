// Every builtin jq 1.6 has that kubeplay implements: the TypeScript ones and the jq-defined
// prelude (parsed once, on first use), and a compiler that checks a program against them.
import type { FuncDef, Node } from './ast';
import { CONTROL_BUILTINS, HOST_BUILTINS } from './builtins-control';
import { STRING_BUILTINS } from './builtins-strings';
import { VALUE_BUILTINS } from './builtins-values';
import { checkProgram } from './check';
import { DATE_BUILTINS } from './dates';
import { Interpreter } from './interpreter';
import { withValue, type Env, type JqHost, type Native } from './eval-types';
import { MATH_BUILTINS } from './math';
import { formatDiagnostic } from './parser-base';
import { parseProgram } from './parser';
import { PRELUDE } from './prelude';
import { REGEX_BUILTINS } from './regex';

const NATIVES = new Map<string, Native>(
  Object.entries({
    ...VALUE_BUILTINS,
    ...STRING_BUILTINS,
    ...CONTROL_BUILTINS,
    ...HOST_BUILTINS,
    ...DATE_BUILTINS,
    ...MATH_BUILTINS,
    ...REGEX_BUILTINS,
    ...{ 'builtins/0': ((_it, input, _args, _env, emit) => emit(withValue(input, builtinNames()))) as Native },
  }),
);

let prelude: Map<string, { def: FuncDef; env: Env | undefined }> | undefined;

function globals(): Map<string, { def: FuncDef; env: Env | undefined }> {
  if (prelude) return prelude;
  const parsed = parseProgram(PRELUDE);
  if (!('node' in parsed)) throw new Error(`jq prelude: ${parsed.errors.join('\n')}`);
  prelude = new Map();
  for (let n: Node = parsed.node; n.type === 'def'; n = n.rest)
    prelude.set(`${n.def.name}/${n.def.params.length}`, { def: n.def, env: undefined });
  return prelude;
}

/** `builtins`: the name/arity of each public builtin. */
function builtinNames(): string[] {
  return [...NATIVES.keys(), ...globals().keys()].filter((k) => !k.startsWith('_'));
}

/** jq 1.6's C builtins that take arguments: jq inlines those arguments instead of making closures. */
const C_FUNCTIONS = new Set([
  ...['has/1', 'contains/1', 'startswith/1', 'endswith/1', 'ltrimstr/1', 'rtrimstr/1', 'split/1', '_strindices/1'],
  ...['setpath/2', 'getpath/1', 'delpaths/1', 'error/1', 'format/1', 'halt_error/1', '_match_impl/3'],
  ...['strptime/1', 'strftime/1', 'strflocaltime/1', '_sort_by_impl/1', '_group_by_impl/1'],
  ...['_min_by_impl/1', '_max_by_impl/1', 'fma/3'],
  ...Object.keys(MATH_BUILTINS).filter((k) => k.endsWith('/2')),
]);

/** A compiled program, or jq's compile errors (each already formatted, then the count line). */
export function compile(source: string, variables: Iterable<string>): { program: Node } | { errors: string[] } {
  const parsed = parseProgram(source);
  const errors = 'errors' in parsed ? parsed.errors : [];
  if ('node' in parsed) {
    const funcs = new Set([...NATIVES.keys(), ...globals().keys()]);
    const problems = checkProgram(parsed.node, funcs, new Set(variables), (key) => C_FUNCTIONS.has(key));
    if (problems.length === 0) return { program: parsed.node };
    errors.push(...problems.map((p) => formatDiagnostic(source, p)));
  }
  const count = errors.length;
  return { errors: [...errors, `jq: ${count} compile ${count > 1 ? 'errors' : 'error'}`] };
}

/** An interpreter with every builtin, answering process questions through `host`. */
export const createInterpreter = (host: JqHost): Interpreter => new Interpreter(host, NATIVES, globals());
