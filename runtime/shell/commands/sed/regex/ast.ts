// The parsed form of a POSIX regular expression, shared by the parser, compiler and matcher.

/** Zero-width assertions: line and buffer edges, word edges (glibc's anchor contexts). */
export const Assert = {
  lineStart: 0,
  lineEnd: 1,
  bufferStart: 2,
  bufferEnd: 3,
  wordStart: 4,
  wordEnd: 5,
  wordBoundary: 6,
  notWordBoundary: 7,
} as const;

/** A bracket expression (or \w, \s and their negations): which code points it matches. */
export interface CharSet {
  negated: boolean;
  chars: Set<number>;
  /** Inclusive code point ranges, as [lo, hi] pairs flattened. */
  ranges: number[];
  classes: Array<(cp: number) => boolean>;
  /** A negated set never matches a newline (M mode's RE_HAT_LISTS_NOT_NEWLINE). */
  notNewline: boolean;
}

export type Node =
  /** One character: its bytes, and its code point (-1 for a byte that is not UTF-8). */
  | { kind: 'char'; bytes: string; cp: number }
  | { kind: 'any' }
  | { kind: 'set'; set: CharSet }
  | { kind: 'cat'; items: Node[] }
  /** Alternatives in priority order; null is an empty alternative. */
  | { kind: 'alt'; branches: Array<Node | null> }
  | { kind: 'group'; index: number; body: Node | null }
  /** body{min,max}; max -1 is unbounded. */
  | { kind: 'repeat'; body: Node; min: number; max: number }
  | { kind: 'backref'; index: number }
  | { kind: 'assert'; what: number };

/** How the pattern is read: glibc's syntax bits as sed sets them. */
export interface Syntax {
  extended: boolean;
  icase: boolean;
  /** The M flag: ^ and $ at line ends, . and [^...] not matching a newline. */
  newline: boolean;
  /** --posix: no GNU operators (\w, \<, \`…), and in a BRE no \+ \? \|. */
  noGnuOps: boolean;
  /** --posix or POSIXLY_CORRECT: an unmatched ) is an ordinary character. */
  parenOrd: boolean;
}

/** A pattern glibc rejects, with regerror's text. */
export class RegexError extends Error {}

export const ERRORS = {
  badpat: 'Invalid regular expression',
  ecollate: 'Invalid collation character',
  ectype: 'Invalid character class name',
  eescape: 'Trailing backslash',
  esubreg: 'Invalid back reference',
  ebrack: 'Unmatched [, [^, [:, [., or [=',
  eparen: 'Unmatched ( or \\(',
  ebrace: 'Unmatched \\{',
  badbr: 'Invalid content of \\{\\}',
  erange: 'Invalid range end',
  badrpt: 'Invalid preceding regular expression',
  esize: 'Regular expression too big',
  erparen: 'Unmatched ) or \\)',
} as const;
