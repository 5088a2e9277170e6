/** A position in the text: line and column (UTF-16 index), both from 0. */
export interface Position {
  row: number;
  col: number;
}

/** One state of the text in the undo history, with the cursor where the change happened. */
interface Revision {
  lines: readonly string[];
  cursor: Position;
  /** When the change was made (for "0 seconds ago"). */
  at: number;
}

/**
 * The text vi edits: its lines, and an undo history of whole states (files edited in a
 * playground are small), with vim's change numbers for the undo messages.
 */
export class TextBuffer {
  lines: string[];
  private readonly revisions: Revision[];
  /** The index in `revisions` of the current state. */
  private current = 0;
  /** Whether the text differs from what was last written. */
  modified = false;
  private savedRevision = 0;

  /** True while the buffer has no lines at all (vim's empty buffer, shown as line 0). */
  empty: boolean;

  constructor(text: string, now: number) {
    this.empty = text === '';
    // A final newline ends the last line; it does not start another.
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    this.lines = text === '' ? [''] : body.split('\n');
    this.revisions = [{ lines: [...this.lines], cursor: { row: 0, col: 0 }, at: now }];
  }

  /** The file's contents: every line with its newline. */
  text(): string {
    return this.lines.map((line) => `${line}\n`).join('');
  }

  /** Records the text as it is now as a new change (after an edit), dropping any redo states. */
  commit(cursor: Position, now: number): void {
    const last = this.revisions[this.current].lines;
    if (last.length === this.lines.length && last.every((line, i) => line === this.lines[i])) return;
    this.empty = false;
    this.revisions.splice(this.current + 1);
    this.revisions.push({ lines: [...this.lines], cursor: { ...cursor }, at: now });
    this.current++;
    this.modified = this.current !== this.savedRevision;
  }

  /** Marks the current state as written. */
  saved(): void {
    this.savedRevision = this.current;
    this.modified = false;
  }

  /**
   * `u` and Ctrl-R: moves one change back or forward. Returns vim's message and where the
   * cursor goes, or the message alone at either end of the history.
   */
  step(back: boolean, now: number): { message: string; cursor?: Position } {
    const target = this.current + (back ? -1 : 1);
    if (target < 0) return { message: 'Already at oldest change' };
    if (target >= this.revisions.length) return { message: 'Already at newest change' };
    const before = this.lines.length;
    const changed = back ? this.revisions[this.current] : this.revisions[target];
    this.current = target;
    this.lines = [...this.revisions[target].lines];
    this.modified = this.current !== this.savedRevision;
    const delta = this.lines.length - before;
    // vim's u_undo_end wording.
    const what =
      delta === 0
        ? '1 change'
        : delta === 1
          ? '1 more line'
          : delta > 1
            ? `${delta} more lines`
            : delta === -1
              ? '1 line less'
              : `${-delta} fewer lines`;
    const seconds = Math.max(0, Math.floor((now - changed.at) / 1000));
    const number = back ? target + 1 : target;
    const position = back ? `before #${number}` : `after #${number}`;
    const cursor = { row: Math.min(changed.cursor.row, this.lines.length - 1), col: 0 };
    return { message: `${what}; ${position}  ${seconds} ${seconds === 1 ? 'second' : 'seconds'} ago`, cursor };
  }
}
