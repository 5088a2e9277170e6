/**
 * readline's incremental reverse search (Ctrl-R): each typed character narrows the query and
 * looks back from the current match; Ctrl-R again looks further back. Lines are searched
 * newest first, and within a line the last occurrence is the match.
 */
export class ReverseSearch {
  query = '';
  failed = false;
  /** The history index of the match; `lines.length` is the line being edited. */
  index: number;
  /** Where the match starts within its line (UTF-16 index). */
  offset: number;

  constructor(
    private readonly lines: readonly string[],
    private readonly start: number,
    /** The line being edited when the search began, and where its cursor was. */
    readonly original: string,
    readonly originalCursor: number,
  ) {
    this.index = start;
    this.offset = originalCursor;
  }

  /** The matching line (the edited one until something matched). */
  text(): string {
    return this.index < this.lines.length ? this.lines[this.index] : this.original;
  }

  /** The prompt readline shows while searching. */
  prompt(): string {
    return `(${this.failed ? 'failed ' : ''}reverse-i-search)\`${this.query}': `;
  }

  /** Adds typed text to the query and looks back from the current match, which may still match. */
  type(text: string): void {
    this.query += text;
    this.find(this.index);
  }

  /** Ctrl-R again: the next older match. */
  again(): void {
    if (this.query === '') return;
    this.find(this.index - 1);
  }

  /** Backspace: a shorter query, searched again from where the search began. */
  backspace(): void {
    this.query = this.query.slice(0, -1);
    this.index = this.start;
    this.offset = this.text().length;
    this.failed = false;
    if (this.query !== '') this.find(this.start);
  }

  private find(from: number): void {
    for (let i = Math.min(from, this.lines.length); i >= 0; i--) {
      const line = i < this.lines.length ? this.lines[i] : this.original;
      const at = line.lastIndexOf(this.query);
      if (at >= 0) {
        this.index = i;
        this.offset = at;
        this.failed = false;
        return;
      }
    }
    this.failed = true;
  }
}
