// Word expansion in bash's order: braces, tilde, parameters, command substitution and
// arithmetic (left to right), word splitting on IFS, pathname expansion, quote removal.
import type { Volume } from '../fs/volume';
import type { Script, Word, WordPart } from '../syntax/ast';
import { evaluateArithmetic } from './arithmetic';
import { expandBraces } from './brace';
import { expandPathname } from './glob';
import { expandParameter } from './parameter';
import { hasGlob, type Segment } from './pattern';
import type { ShellState } from './state';

/** A piece of an expanded word: text (split on IFS when `split`), or a break between fields ("$@"). */
export type Piece = (Segment & { split?: boolean }) | { fieldBreak: true };

/** What expansion needs from the shell around it. */
export interface ExpansionHost {
  state: ShellState;
  fs: Volume;
  /** Runs `body` in a subshell and returns what it wrote to stdout. */
  commandSubstitution(body: Script): Promise<string>;
  /** Starts `body` on a pipe to the command (<(…), or >(…) for `output`); the path naming it. */
  processSubstitution?(body: Script, output: boolean): string;
}

const DEFAULT_IFS = ' \t\n';

/** Expands words into arguments: fields split, globbed, quotes removed. */
export async function expandWords(host: ExpansionHost, words: readonly Word[]): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) {
    for (const braced of expandBraces(word)) {
      const pieces = await wordPieces(host, braced);
      for (const field of splitFields(pieces, host.state.get('IFS') ?? DEFAULT_IFS)) {
        if (!host.state.options.noglob && hasGlob(field)) {
          const matches = expandPathname(field, host.state.cwd, host.fs);
          if (matches.length > 0) {
            out.push(...matches);
            continue;
          }
        }
        out.push(field.map((s) => s.text).join(''));
      }
    }
  }
  return out;
}

/** Expands a word to one string, without splitting or globbing (assignments, here-documents, `case`). */
export async function expandString(host: ExpansionHost, word: Word): Promise<string> {
  return joinPieces(host, await wordPieces(host, word));
}

/** Expands a word to a pattern: quoted characters match themselves. */
export async function expandPattern(host: ExpansionHost, word: Word): Promise<Segment[]> {
  const pieces = await wordPieces(host, word);
  const ifs = host.state.get('IFS') ?? DEFAULT_IFS;
  return pieces.map((p) =>
    'fieldBreak' in p ? { text: ifs.slice(0, 1) || ' ', quoted: true } : { text: p.text, quoted: p.quoted },
  );
}

function joinPieces(host: ExpansionHost, pieces: Piece[]): string {
  return pieces.map((p) => ('fieldBreak' in p ? ' ' : p.text)).join('');
}

/** The pieces of one word, with tilde, parameters, substitutions and arithmetic expanded. */
export async function wordPieces(host: ExpansionHost, word: Word, assignment = false): Promise<Piece[]> {
  const out: Piece[] = [];
  let parts = expandTilde(host, word.parts, assignment);
  if (assignment) parts = expandTildesAfterColons(host, parts);
  for (const part of parts) await partPieces(host, part, false, out);
  return out;
}

/** `~` and `~/…` at the start of a word (and after `=` or `:` in an assignment). */
function expandTilde(host: ExpansionHost, parts: WordPart[], assignment: boolean): WordPart[] {
  const first = parts[0];
  if (first?.kind !== 'literal' || !first.text.startsWith('~')) return parts;
  const slash = first.text.indexOf('/');
  const prefix = slash < 0 ? first.text : first.text.slice(0, slash);
  if (slash < 0 && parts.length > 1) return parts;
  if (assignment && prefix.includes(':')) return parts;
  const dir =
    prefix === '~'
      ? host.state.get('HOME')
      : prefix === '~+'
        ? host.state.get('PWD')
        : prefix === '~-'
          ? host.state.get('OLDPWD')
          : prefix === '~root'
            ? '/root'
            : undefined;
  if (dir === undefined) return parts;
  return [{ kind: 'quoted', text: dir }, { kind: 'literal', text: first.text.slice(prefix.length) }, ...parts.slice(1)];
}

/** An assignment's `:~` (`PATH=$PATH:~/bin`): bash expands a tilde after each colon too. */
function expandTildesAfterColons(host: ExpansionHost, parts: WordPart[]): WordPart[] {
  const home = host.state.get('HOME');
  if (home === undefined) return parts;
  return parts.map((part) =>
    part.kind === 'literal' && part.text.includes(':~')
      ? { kind: 'literal', text: part.text.replace(/:~(?=\/|:|$)/g, `:${home}`) }
      : part,
  );
}

async function partPieces(host: ExpansionHost, part: WordPart, quoted: boolean, out: Piece[]): Promise<void> {
  switch (part.kind) {
    case 'literal':
      out.push({ text: part.text, quoted });
      return;
    case 'quoted':
      out.push({ text: part.text, quoted: true });
      return;
    case 'double':
      if (part.parts.length === 0) out.push({ text: '', quoted: true });
      for (const inner of part.parts) await partPieces(host, inner, true, out);
      return;
    case 'param':
      await expandParameter(host, part, quoted, out);
      return;
    case 'command': {
      const text = (await host.commandSubstitution(part.body)).replace(/\n+$/, '');
      out.push({ text, quoted, split: !quoted });
      return;
    }
    case 'procsub':
      // A path: neither split nor globbed.
      out.push({ text: host.processSubstitution?.(part.body, part.output) ?? '', quoted: true });
      return;
    case 'arith': {
      const expr = await expandString(host, part.expr);
      const value = evaluateArithmetic(expr, arithVariables(host.state));
      out.push({ text: String(value), quoted, split: !quoted });
      return;
    }
  }
}

/** The shell's variables as arithmetic sees them. */
export function arithVariables(state: ShellState): {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
} {
  return { get: (name) => state.get(name), set: (name, value) => void state.set(name, value) };
}

/** Splits pieces into fields at IFS characters in unquoted expansion results. */
export function splitFields(pieces: readonly Piece[], ifs: string): Segment[][] {
  const fields: Segment[][] = [];
  let current: Segment[] = [];
  let started = false;
  /** The last delimiter was IFS white space, which a following non-white IFS char joins. */
  let afterWhite = false;
  const end = (): void => {
    fields.push(current);
    current = [];
    started = false;
  };
  for (const piece of pieces) {
    if ('fieldBreak' in piece) {
      end();
      continue;
    }
    if (!piece.split || ifs === '') {
      if (piece.text !== '' || piece.quoted) {
        current.push({ text: piece.text, quoted: piece.quoted });
        started = true;
        afterWhite = false;
      }
      continue;
    }
    let text = '';
    const flush = (): void => {
      if (text !== '') current.push({ text, quoted: false });
      text = '';
    };
    for (const ch of piece.text) {
      if (!ifs.includes(ch)) {
        text += ch;
        started = true;
        afterWhite = false;
        continue;
      }
      flush();
      if (' \t\n'.includes(ch)) {
        if (started) end();
        afterWhite = true;
      } else {
        if (started || !afterWhite) end();
        afterWhite = false;
      }
    }
    flush();
  }
  if (started) fields.push(current);
  return fields;
}
