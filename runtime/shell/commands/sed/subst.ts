// The text work of `s` and `y` (GNU's do_subst and translate_mb), apart from printing.
import { charLength } from './bytes';
import type { Subst } from './program';
import { expandReplacement } from './replacement';

/** What an `s` did to a line. */
export interface SubstResult {
  text: string;
  /** A replacement was made (for `t` and `T`). */
  replaced: boolean;
  /** The Nth match asked for was reached, so p, w and e apply. */
  done: boolean;
}

/**
 * Applies `sub` to `line`; `search(start)` finds the next match at or after byte `start`.
 * Returns null when nothing matched at all.
 */
export function substitute(line: string, sub: Subst, search: (start: number) => Int32Array | null): SubstResult | null {
  let regs = search(0);
  if (!regs) return null;
  let out = '';
  let start = 0;
  let lastEnd = 0;
  let count = 0;
  let again = true;
  let replaced = false;
  do {
    const offset = regs[0];
    let matched = regs[1] - regs[0];
    if (start < offset) {
      out += line.slice(start, offset);
      start = offset;
    }
    // An empty match right after a match is not one (s/a*/x/g turns baaac into xbxcx).
    if ((matched > 0 || count === 0 || offset > lastEnd) && ++count >= sub.numb) {
      replaced = true;
      out += expandReplacement(sub.replacement, regs, line);
      again = sub.global;
    } else {
      // Skipped: copy the match, or after an empty one, one byte (even inside a character).
      if (matched === 0) {
        if (start < line.length) matched = 1;
        else break;
      }
      out += line.slice(offset, offset + matched);
    }
    start = offset + matched;
    lastEnd = regs[1];
  } while (again && start <= line.length && (regs = search(start)));
  if (start < line.length) out += line.slice(start);
  return { text: out, replaced, done: count >= sub.numb };
}

/** `text` with each character `map` names replaced (the `y` command). */
export function transliterate(text: string, map: Map<string, string>): string {
  let out = '';
  for (let i = 0; i < text.length;) {
    const len = charLength(text, i);
    const ch = text.slice(i, i + len);
    out += map.get(ch) ?? ch;
    i += len;
  }
  return out;
}
