import type { Position } from './buffer';

/** Word characters as vim's 'iskeyword' has them by default: letters, digits, `_` (and non-ASCII). */
const isWord = (ch: string): boolean => /[\p{L}\p{N}_]/u.test(ch);
const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';
/** vim's character classes for word motions: 0 blank, 1 punctuation, 2 word. */
const classOf = (ch: string | undefined): number => (ch === undefined || isBlank(ch) ? 0 : isWord(ch) ? 2 : 1);

/** The first non-blank column of a line (`^`). */
export function firstNonBlank(line: string): number {
  const at = line.search(/[^ \t]/);
  return at < 0 ? Math.max(0, line.length - 1) : at;
}

/** `w`: the start of the next word (across lines; an empty line counts as a word). */
export function nextWord(lines: readonly string[], from: Position): Position {
  let { row, col } = from;
  const line = lines[row];
  const start = classOf(line[col]);
  if (start !== 0) while (col < line.length && classOf(line[col]) === start) col++;
  for (;;) {
    const current = lines[row];
    while (col < current.length && isBlank(current[col])) col++;
    if (col < current.length) return { row, col };
    if (row + 1 >= lines.length) return { row, col: Math.max(0, current.length - 1) };
    row++;
    col = 0;
    if (lines[row] === '') return { row, col: 0 };
  }
}

/** `b`: the start of this or the previous word. */
export function previousWord(lines: readonly string[], from: Position): Position {
  let { row, col } = from;
  for (;;) {
    col--;
    while (col >= 0 && isBlank(lines[row][col])) col--;
    if (col >= 0) break;
    if (row === 0) return { row: 0, col: 0 };
    row--;
    col = lines[row].length;
    if (lines[row] === '') return { row, col: 0 };
  }
  const line = lines[row];
  const kind = classOf(line[col]);
  while (col > 0 && classOf(line[col - 1]) === kind) col--;
  return { row, col };
}

/** `e`: the end of this or the next word. */
export function wordEnd(lines: readonly string[], from: Position): Position {
  let { row, col } = from;
  col++;
  for (;;) {
    const line = lines[row];
    while (col < line.length && isBlank(line[col])) col++;
    if (col < line.length) break;
    if (row + 1 >= lines.length) return { row, col: Math.max(0, line.length - 1) };
    row++;
    col = 0;
  }
  const line = lines[row];
  const kind = classOf(line[col]);
  while (col + 1 < line.length && classOf(line[col + 1]) === kind) col++;
  return { row, col };
}
