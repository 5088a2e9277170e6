// Reading a script a byte at a time (GNU's inchar/savchar), and the fatal errors sed reports
// with where in the script they were found.

export const EXIT_BAD_USAGE = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_PANIC = 4;
export const EOF = -1;

/** Ends sed: `message` (bytes, without the program name) goes to stderr, then exit `status`. */
export class SedExit extends Error {
  constructor(
    readonly status: number,
    readonly text: string,
  ) {
    super(text);
  }
}

/** GNU's panic(): a message and exit status 4. */
export const panic = (message: string): SedExit => new SedExit(EXIT_PANIC, message);

/** Where in the script an error is: an -e expression (by number) or a script file's line. */
export interface Locus {
  file: string | null;
  line: number;
  expr: number;
}

/** bad_prog's prefix for `locus`, `char` bytes into an -e expression. */
export const locusText = (locus: Locus, char: number): string =>
  locus.file !== null ? `file ${locus.file} line ${locus.line}` : `-e expression #${locus.expr}, char ${char}`;

/** One script piece (an -e expression or a -f file's contents) being read. */
export class ScriptReader {
  /** Bytes read so far. */
  cur = 0;
  line: number;

  constructor(
    readonly text: string,
    /** The script file's name, or null for an -e expression. */
    readonly file: string | null,
    /** Which -e expression this is (counting from 1), or the count so far for a file. */
    readonly expr: number,
  ) {
    this.line = file === null ? 0 : 1;
  }

  locus(): Locus {
    return { file: this.file, line: this.line, expr: this.expr };
  }

  /** A compile error at the current position (GNU's bad_prog): exit status 1. */
  error(why: string): SedExit {
    return new SedExit(EXIT_BAD_USAGE, `${locusText(this.locus(), this.cur)}: ${why}`);
  }

  /** The next byte, or EOF. */
  inchar(): number {
    if (this.cur >= this.text.length) return EOF;
    const ch = this.text.charCodeAt(this.cur++);
    if (ch === 10) this.line++;
    return ch;
  }

  /** Pushes `ch` (the byte just read) back. */
  savchar(ch: number): void {
    if (ch === EOF) return;
    if (ch === 10 && this.line > 0) this.line--;
    this.cur--;
  }

  /** The next byte that is not a blank (space or tab). */
  inNonblank(): number {
    let ch: number;
    do ch = this.inchar();
    while (ch === 32 || ch === 9);
    return ch;
  }

  /** Digits starting with `ch`, as a number; the byte after them is pushed back. */
  inInteger(ch: number): number {
    let num = 0;
    while (ch >= 0x30 && ch <= 0x39) {
      num = num * 10 + ch - 0x30;
      ch = this.inchar();
    }
    this.savchar(ch);
    return num;
  }
}

export const isDigit = (ch: number): boolean => ch >= 0x30 && ch <= 0x39;
/** C's isspace in the C locale. */
export const isSpace = (ch: number): boolean => ch === 32 || (ch >= 9 && ch <= 13);
export const isBlank = (ch: number): boolean => ch === 32 || ch === 9;
