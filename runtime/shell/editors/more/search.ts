// more's `/pattern`: a POSIX basic regular expression, searched line by line from the current
// place in the file, landing two lines above the match.
import { PatternError, posixToJs } from '../../commands/coreutils/regex';
import type { MoreDocument } from './document';

/** A place in a document: the row shown next, its byte offset, and more's current line. */
export interface MorePlace {
  row: number;
  byte: number;
  line: number;
}

/** What a search found: where to show from, and whether it read far enough to say "...skipping". */
export type SearchResult = { place: MorePlace; skipped: boolean } | { error: string };

/**
 * The `n`th line matching `pattern` from `from` on (the rest of the current line first). The
 * page then starts up to two lines above it, never above `from`; more says "...skipping" when
 * it read more than three lines to get there. Errors are regcomp's texts, or "Pattern not found".
 */
export function searchDocument(doc: MoreDocument, from: MorePlace, pattern: string, n: number): SearchResult {
  let regex: RegExp;
  try {
    regex = new RegExp(posixToJs(pattern, false));
  } catch (error) {
    return { error: error instanceof PatternError ? error.message : 'Invalid regular expression' };
  }
  const starts: MorePlace[] = [];
  const first = doc.rows[from.row];
  if (!first) return { error: 'Pattern not found' };
  let remaining = n;
  for (let line = first.line; line < doc.lines.length; line++) {
    const partial = line === first.line;
    starts.push(partial ? from : { row: doc.firstRow[line], byte: doc.lineStart[line], line });
    const text = partial ? doc.lines[line].slice(first.start) : doc.lines[line];
    if (regex.test(text) && --remaining === 0) {
      const count = starts.length;
      return { place: starts[Math.max(0, count - 3)], skipped: count > 3 };
    }
  }
  return { error: 'Pattern not found' };
}
