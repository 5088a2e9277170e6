// Array assignments: `a[i]=v` (an element), `a=(x y z)` and `a+=(…)` (the whole array, with
// `[i]=v` elements placed where they say), indexed or associative as the variable was declared.
import type { Assignment, Word } from '../syntax/ast';
import { evaluateArithmetic } from './arithmetic';
import { assignmentValue } from './assignments';
import { arithVariables, expandWords, wordPieces, type ExpansionHost } from './expand';
import { assocKey } from './parameter';
import { ShellError } from './signals';
import { arrayKeys, type ShellArray, type ShellState } from './state';

/** Whether an assignment is to an array or an element of one. */
export const isArrayAssignment = (assign: Assignment): boolean =>
  assign.elements !== undefined || assign.index !== undefined;

/**
 * Makes an array assignment. `declared` marks one given to declare/local/readonly, made after
 * the builtin has declared the name: it may give a read-only variable its value.
 */
export async function assignArray(
  state: ShellState,
  assign: Assignment,
  host: ExpansionHost,
  declared = false,
): Promise<void> {
  const variable = state.vars.get(assign.name);
  if (variable?.readonly && !declared) throw new ShellError(`${assign.name}: readonly variable`);
  const readonly = variable?.readonly;
  if (variable) variable.readonly = false;
  try {
    const array = state.arrayOf(assign.name, false) as ShellArray;
    if (assign.index !== undefined) {
      const key = elementKey(host, array, assign.index);
      const value = await assignmentValue(state, { ...assign, append: false }, host);
      array.items.set(key, assign.append ? (array.items.get(key) ?? '') + value : value);
      return;
    }
    await assignElements(host, array, assign.elements ?? [], assign.append);
  } finally {
    if (readonly) (state.vars.get(assign.name) as { readonly?: boolean }).readonly = true;
  }
}

/** The key a subscript names: an associative array's word, or an index (negative: from the end). */
function elementKey(host: ExpansionHost, array: ShellArray, subscript: string): string {
  if (array.assoc) return assocKey(host, subscript);
  let index = Number(evaluateArithmetic(assocKey(host, subscript), arithVariables(host.state)));
  if (index < 0) index += nextIndex(array);
  if (index < 0) throw new ShellError(`${subscript}: bad array subscript`);
  return String(index);
}

/** One past the highest index (where `a+=(x)` puts x). */
function nextIndex(array: ShellArray): number {
  const keys = arrayKeys(array);
  return keys.length === 0 ? 0 : Number(keys[keys.length - 1]) + 1;
}

/** `(…)`: each word a value at the next index (split and globbed), or `[key]=value`. */
async function assignElements(host: ExpansionHost, array: ShellArray, words: Word[], append: boolean): Promise<void> {
  const items = new Map<string, string>();
  let next = append ? nextIndex(array) : 0;
  if (append) for (const [key, value] of array.items) items.set(key, value);
  for (const word of words) {
    const keyed = keyedElement(word);
    if (keyed) {
      const key = elementKey(host, { ...array, items }, keyed.subscript);
      const pieces = await wordPieces(host, keyed.value, true);
      items.set(key, pieces.map((p) => ('fieldBreak' in p ? ' ' : p.text)).join(''));
      if (!array.assoc) next = Number(key) + 1;
      continue;
    }
    for (const field of await expandWords(host, [word])) items.set(String(next++), field);
  }
  array.items = items;
}

/** `[key]=value` as an element word: its subscript and the value's word. */
function keyedElement(word: Word): { subscript: string; value: Word } | undefined {
  const first = word.parts[0];
  if (first?.kind !== 'literal') return undefined;
  const match = /^\[([^\]]*)\]=/.exec(first.text);
  if (!match) return undefined;
  const rest = first.text.slice(match[0].length);
  const parts = rest === '' ? word.parts.slice(1) : [{ kind: 'literal' as const, text: rest }, ...word.parts.slice(1)];
  return { subscript: match[1], value: { parts, text: word.text.slice(match[0].length) } };
}
