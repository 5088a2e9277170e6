// Variable assignments of a simple command: their values, and `X=1 cmd`'s temporary ones.
import type { Assignment } from '../syntax/ast';
import { wordPieces, type ExpansionHost } from './expand';
import type { ShellState } from './state';

/** The value of `name=value` (or `name+=value`), expanded without splitting or globbing. */
export async function assignmentValue(state: ShellState, assign: Assignment, host: ExpansionHost): Promise<string> {
  const pieces = await wordPieces(host, assign.value, true);
  const value = pieces.map((p) => ('fieldBreak' in p ? ' ' : p.text)).join('');
  return assign.append ? (state.get(assign.name) ?? '') + value : value;
}

/** Runs `work` with `assigns` set (and exported) for its duration only, as `X=1 f` does. */
export async function withTemporary(
  state: ShellState,
  assigns: Array<[string, string]>,
  work: () => Promise<number>,
): Promise<number> {
  if (assigns.length === 0) return work();
  const saved = assigns.map(([name]) => [name, state.vars.get(name)] as const);
  for (const [name, value] of assigns) state.vars.set(name, { value, exported: true });
  try {
    return await work();
  } finally {
    for (const [name, variable] of saved) {
      if (variable) state.vars.set(name, variable);
      else state.vars.delete(name);
    }
  }
}
