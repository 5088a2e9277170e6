// Brace expansion: `a{b,c}d` → `abd acd`, `{1..5}`, `{a..e..2}`, `{05..10}`. It runs first, on
// the word as written: only unquoted braces count.
import type { Word, WordPart } from '../syntax/ast';

/** Bash refuses to expand sequences larger than this; kubeplay too, to protect the page. */
const MAX_WORDS = 100_000;

/** The words that `word` expands to (just `word` when it has no brace expression). */
export function expandBraces(word: Word): Word[] {
  if (!word.parts.some((p) => p.kind === 'literal' && p.text.includes('{'))) return [word];
  const atoms: WordPart[] = [];
  for (const part of word.parts) {
    if (part.kind === 'literal') for (const ch of part.text) atoms.push({ kind: 'literal', text: ch });
    else atoms.push(part);
  }
  const out: WordPart[][] = [];
  expandAtoms(atoms, out);
  return out.map((parts) => ({ parts: merge(parts), text: word.text }));
}

const isLiteral = (a: WordPart | undefined, ch: string): boolean => a?.kind === 'literal' && a.text === ch;

function expandAtoms(atoms: WordPart[], out: WordPart[][]): void {
  for (let open = 0; open < atoms.length; open++) {
    if (!isLiteral(atoms[open], '{') || isLiteral(atoms[open - 1], '$')) continue;
    let depth = 0;
    const commas: number[] = [];
    let close = -1;
    for (let i = open + 1; i < atoms.length; i++) {
      if (isLiteral(atoms[i], '{')) depth++;
      else if (isLiteral(atoms[i], '}')) {
        if (depth === 0) {
          close = i;
          break;
        }
        depth--;
      } else if (depth === 0 && isLiteral(atoms[i], ',')) commas.push(i);
    }
    if (close < 0) return void out.push(atoms);
    const prefix = atoms.slice(0, open);
    const suffix = atoms.slice(close + 1);
    let alternatives: WordPart[][];
    if (commas.length > 0) {
      const bounds = [open, ...commas, close];
      alternatives = bounds.slice(0, -1).map((b, k) => atoms.slice(b + 1, bounds[k + 1]));
    } else {
      const sequence = expandSequence(atoms.slice(open + 1, close));
      if (!sequence) continue;
      alternatives = sequence.map((text) => [{ kind: 'literal', text }]);
    }
    for (const alternative of alternatives) {
      if (out.length >= MAX_WORDS) return;
      expandAtoms([...prefix, ...alternative, ...suffix], out);
    }
    return;
  }
  out.push(atoms);
}

/** `{1..5}`, `{a..e}`, `{10..1..3}`: the words, or undefined when it is no sequence. */
function expandSequence(inner: WordPart[]): string[] | undefined {
  if (!inner.every((a) => a.kind === 'literal')) return undefined;
  const text = inner.map((a) => (a.kind === 'literal' ? a.text : '')).join('');
  const numeric = /^([-+]?\d+)\.\.([-+]?\d+)(?:\.\.([-+]?\d+))?$/.exec(text);
  const alpha = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.([-+]?\d+))?$/.exec(text);
  const match = numeric ?? alpha;
  if (!match) return undefined;
  const from = numeric ? Number(match[1]) : match[1].charCodeAt(0);
  const to = numeric ? Number(match[2]) : match[2].charCodeAt(0);
  let step = Math.abs(Number(match[3] ?? 1)) || 1;
  if (to < from) step = -step;
  const width =
    numeric && (/^-?0\d/.test(match[1]) || /^-?0\d/.test(match[2])) ? Math.max(match[1].length, match[2].length) : 0;
  const words: string[] = [];
  for (let n = from; step > 0 ? n <= to : n >= to; n += step) {
    if (words.length >= MAX_WORDS) break;
    if (!numeric) words.push(String.fromCharCode(n));
    else if (width) words.push((n < 0 ? '-' : '') + String(Math.abs(n)).padStart(width - (n < 0 ? 1 : 0), '0'));
    else words.push(String(n));
  }
  return words;
}

function merge(parts: WordPart[]): WordPart[] {
  const merged: WordPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if (part.kind === 'literal' && last?.kind === 'literal')
      merged[merged.length - 1] = { kind: 'literal', text: last.text + part.text };
    else merged.push(part);
  }
  return merged;
}
