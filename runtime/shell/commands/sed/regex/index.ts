// POSIX regular expressions as GNU sed uses them (glibc's syntax, errors and leftmost-longest
// matching) over byte strings. The pattern and the text are UTF-8 bytes (see ../bytes.ts).
import { RegexError, type Syntax } from './ast';
import { compile } from './compile';
import { Matcher } from './match';
import { parseRegex } from './parse';

export { RegexError };

export interface RegexOptions extends Syntax {
  /** sed's line delimiter (newline, or NUL with -z), where M-mode ^ and $ match. */
  lineEnd: number;
}

export class SedRegex {
  /** The number of groups (re_nsub). */
  readonly groups: number;
  private readonly matcher: Matcher;

  /** Compiles `pattern`; throws RegexError with glibc's message. */
  constructor(pattern: string, options: RegexOptions) {
    const parsed = parseRegex(pattern, options);
    this.groups = parsed.groups;
    const prog = compile(parsed.root, parsed.groups, parsed.hasBackrefs, options);
    this.matcher = new Matcher(prog, options.lineEnd, options.newline);
  }

  /**
   * The leftmost match at or after byte offset `start` of `text`: start/end pairs for the whole
   * match and each group (-1 where a group took no part), or null. `longest` asks for POSIX's
   * longest match (needed for s///), which costs a full search from the match's start.
   */
  exec(text: string, start = 0, longest = true): Int32Array | null {
    return this.matcher.exec(text, start, longest);
  }
}
