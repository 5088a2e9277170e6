// A file as more(1) pages it: its lines folded into screen rows, each row knowing where it ends
// in the file's bytes (for the --More--(NN%) prompt) and how many lines it has finished.
import { charWidth } from '../../char-width';
import { utf8Length } from '../../../util/utf8';

/** One screen row of a file. */
export interface MoreRow {
  /** What the row shows: tabs expanded to spaces, control characters dropped. */
  text: string;
  /** The logical line the row belongs to (0-based), and where in it the row starts. */
  line: number;
  start: number;
  /** The byte offset after the row: past its newline if it read it. */
  end: number;
  /** Newlines read once the row is shown: more's current line number. */
  linesDone: number;
  /** A row with nothing on it (what -s squeezes). */
  empty: boolean;
}

/**
 * `text` folded at `cols` columns as util-linux more reads it: a line fills rows up to the last
 * column; a row that fills the last column exactly leaves its newline unread until the next row
 * (so the line takes no extra, empty row).
 */
export class MoreDocument {
  readonly rows: MoreRow[] = [];
  /** The row each logical line starts on. */
  readonly firstRow: number[] = [];
  /** The byte offset each logical line starts at. */
  readonly lineStart: number[] = [];
  /** The logical lines' text, without newlines (searches read these). */
  readonly lines: string[];
  /** Newlines in the file: the lines `s` and `f` can skip. */
  readonly newlines: number;
  readonly size: number;

  constructor(text: string, cols: number) {
    this.size = utf8Length(text);
    this.lines = text.split('\n');
    if (text.endsWith('\n') || text === '') this.lines.pop();
    this.newlines = this.lines.length - (text === '' || text.endsWith('\n') ? 0 : 1);
    let offset = 0;
    this.lines.forEach((line, index) => {
      this.lineStart.push(offset);
      this.firstRow.push(this.rows.length);
      offset = this.fold(line, index, offset, cols);
    });
    this.lineStart.push(offset);
    this.firstRow.push(this.rows.length);
  }

  /** Adds the rows of `line`, which starts at byte `offset`; returns where the next line starts. */
  private fold(line: string, index: number, offset: number, cols: number): number {
    const newline = offset + utf8Length(line) < this.size ? 1 : 0;
    const chars = [...line];
    let text = '';
    let column = 0;
    let bytes = offset;
    let start = 0;
    let at = 0;
    // Rows before the line's last one have read no newline of it.
    const push = (end: number, linesDone: number): void => {
      this.rows.push({ text, line: index, start, end, linesDone, empty: chars.length === 0 });
      text = '';
      column = 0;
      start = at;
    };
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const cp = ch.codePointAt(0) ?? 0;
      let width: number;
      if (ch === '\t') width = Math.min(8 - (column % 8), cols - column);
      else {
        width = cp < 0x20 || cp === 0x7f ? 0 : charWidth(cp);
        // A wide character that would cross the margin starts the next row.
        if (column + width > cols) push(bytes, index);
      }
      text += ch === '\t' ? ' '.repeat(width) : width === 0 ? '' : ch;
      column += width;
      bytes += utf8Length(ch);
      at += ch.length;
      if (column < cols) continue;
      push(bytes, index);
      // Filling the last column exactly leaves the newline to be read with the next row.
      if (i === chars.length - 1) return bytes + newline;
    }
    push(bytes + newline, index + newline);
    return bytes + newline;
  }
}
