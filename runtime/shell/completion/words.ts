/** The words of a command line up to the cursor, as completion sees them. */
export interface LineWords {
  /** The words of the current command, unquoted, the last being the one under completion ('' after a space). */
  words: string[];
  /** The last word as typed (quotes and backslashes kept): what a completion replaces. */
  raw: string;
}

const SEPARATORS = new Set([';', '&', '|', '(', ')']);

/**
 * Splits the text before the cursor into the words of the command being typed, as readline's
 * completer does: quotes and backslashes hold words together (and are removed), and `;`, `&`,
 * `|` and parentheses start a new command.
 */
export function lineWords(before: string): LineWords {
  let words: string[] = [];
  let word: string | undefined;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < before.length; i++) {
    const ch = before[i];
    if (word === undefined) start = i;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < before.length) word = (word ?? '') + before[++i];
      else word = (word ?? '') + ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      word ??= '';
    } else if (ch === '\\' && i + 1 < before.length) {
      word = (word ?? '') + before[++i];
    } else if (ch === ' ' || ch === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (SEPARATORS.has(ch)) {
      words = [];
      word = undefined;
    } else word = (word ?? '') + ch;
  }
  words.push(word ?? '');
  return { words, raw: word === undefined ? '' : before.slice(start) };
}

/** A word as the line should hold it: characters the shell would split or expand get a backslash. */
export function escapeWord(word: string): string {
  return word.replace(/[\s'"\\$`!&|;()<>*?[\]{}#~]/g, (ch) => `\\${ch}`);
}
