import { charWidth, textWidth } from './char-width';
import { KEY } from './keys';

/** What one key did to the line being edited. */
export type EditResult = 'editing' | { submit: string } | 'interrupt' | 'eof';

const is = (key: string, names: readonly string[] | string): boolean =>
  typeof names === 'string' ? key === names : names.includes(key);

/**
 * Readline's job: edits one line at the prompt, echoes it, wraps it across rows and walks the
 * history. Pure: it writes escape sequences through `write` and never touches a DOM, so it runs
 * the same behind xterm.js, a Node TTY and a headless terminal in tests.
 */
export class LineEditor {
  /** The line as clusters: a printable character followed by any zero-width marks. */
  private clusters: string[] = [];
  private cursor = 0;
  private prompt = '';
  private startCol = 0;
  private renderedRow = 0;
  private historyIndex = 0;
  private drafts = new Map<number, string[]>();
  private killed = '';

  constructor(
    private readonly write: (data: string) => void,
    private readonly history: () => readonly string[],
    private cols: number,
  ) {}

  /** Shows `prompt` and starts a new, empty line. `startCol` is where the cursor stands now. */
  begin(prompt: string, startCol = 0): void {
    this.prompt = prompt;
    this.startCol = startCol % this.cols;
    this.clusters = [];
    this.cursor = 0;
    this.renderedRow = 0;
    this.historyIndex = this.history().length;
    this.drafts.clear();
    this.write(prompt);
  }

  /** The terminal's new width; the next redraw lays the line out for it. */
  resize(cols: number): void {
    this.cols = Math.max(1, cols);
  }

  /** Applies one key (see splitKeys). */
  key(key: string): EditResult {
    if (is(key, KEY.enter) || key === '\n') {
      this.moveTo(this.clusters.length);
      this.write('\r\n');
      return { submit: this.clusters.join('') };
    }
    if (is(key, KEY.ctrlC)) {
      this.moveTo(this.clusters.length);
      this.write('^C\r\n');
      return 'interrupt';
    }
    if (is(key, KEY.ctrlD) && this.clusters.length === 0) return 'eof';
    this.edit(key);
    return 'editing';
  }

  private edit(key: string): void {
    const n = this.clusters.length;
    if (is(key, KEY.backspace) || is(key, KEY.ctrlH)) {
      if (this.cursor > 0) this.splice(this.cursor - 1, 1, [], this.cursor - 1);
    } else if (is(key, KEY.delete) || is(key, KEY.ctrlD)) {
      if (this.cursor < n) this.splice(this.cursor, 1, [], this.cursor);
    } else if (is(key, KEY.left) || is(key, KEY.ctrlB)) {
      this.moveTo(Math.max(0, this.cursor - 1));
    } else if (is(key, KEY.right) || is(key, KEY.ctrlF)) {
      this.moveTo(Math.min(n, this.cursor + 1));
    } else if (is(key, KEY.home) || is(key, KEY.ctrlA)) {
      this.moveTo(0);
    } else if (is(key, KEY.end) || is(key, KEY.ctrlE)) {
      this.moveTo(n);
    } else if (key === '\x1bb') {
      this.moveTo(this.wordStart());
    } else if (key === '\x1bf') {
      this.moveTo(this.wordEnd());
    } else if (is(key, KEY.ctrlU)) {
      this.kill(0, this.cursor);
    } else if (is(key, KEY.ctrlK)) {
      this.kill(this.cursor, n);
    } else if (is(key, KEY.ctrlW)) {
      let start = this.cursor;
      while (start > 0 && /\s/.test(this.clusters[start - 1])) start--;
      while (start > 0 && !/\s/.test(this.clusters[start - 1])) start--;
      this.kill(start, this.cursor);
    } else if (key === '\x19') {
      const text = [...this.killed];
      this.splice(this.cursor, 0, text, this.cursor + text.length);
    } else if (is(key, KEY.up) || is(key, KEY.ctrlP)) {
      this.recall(this.historyIndex - 1);
    } else if (is(key, KEY.down) || is(key, KEY.ctrlN)) {
      this.recall(this.historyIndex + 1);
    } else if (is(key, KEY.ctrlL)) {
      this.write('\x1b[H\x1b[2J');
      this.renderedRow = 0;
      this.startCol = 0;
      this.render();
    } else {
      this.insert(key);
    }
  }

  /**
   * Inserts printable text at the cursor with one redraw, however long it is (a paste arrives
   * as one chunk). Zero-width marks join the character before them.
   */
  insertText(text: string): void {
    const added: string[] = [];
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      if (cp < 0x20 || cp === 0x7f) continue;
      if (charWidth(cp) !== 0) added.push(ch);
      else if (added.length > 0) added[added.length - 1] += ch;
      else if (this.cursor > 0) this.clusters[this.cursor - 1] += ch;
    }
    this.splice(this.cursor, 0, added, this.cursor + added.length);
  }

  private insert(key: string): void {
    if (!key.startsWith('\x1b')) this.insertText(key);
  }

  private kill(from: number, to: number): void {
    if (to <= from) return;
    this.killed = this.clusters.slice(from, to).join('');
    this.splice(from, to - from, [], from);
  }

  private splice(at: number, remove: number, insert: string[], cursor: number): void {
    this.clusters = [...this.clusters.slice(0, at), ...insert, ...this.clusters.slice(at + remove)];
    this.cursor = cursor;
    this.render();
  }

  private moveTo(index: number): void {
    if (index === this.cursor) return;
    this.cursor = index;
    this.render();
  }

  private wordStart(): number {
    let i = this.cursor;
    while (i > 0 && !/[\p{L}\p{N}]/u.test(this.clusters[i - 1])) i--;
    while (i > 0 && /[\p{L}\p{N}]/u.test(this.clusters[i - 1])) i--;
    return i;
  }

  private wordEnd(): number {
    let i = this.cursor;
    const n = this.clusters.length;
    while (i < n && !/[\p{L}\p{N}]/u.test(this.clusters[i])) i++;
    while (i < n && /[\p{L}\p{N}]/u.test(this.clusters[i])) i++;
    return i;
  }

  private recall(index: number): void {
    const history = this.history();
    if (index < 0 || index > history.length) return;
    this.drafts.set(this.historyIndex, this.clusters);
    this.historyIndex = index;
    const text = this.drafts.get(index) ?? (index < history.length ? [...history[index]] : []);
    this.clusters = [...text];
    this.cursor = this.clusters.length;
    this.render();
  }

  /** Row and column of the cell before cluster `index`, counting from the prompt's row. */
  private position(index: number): { row: number; col: number } {
    const start = this.startCol + textWidth(this.prompt);
    let row = Math.floor(start / this.cols);
    let col = start % this.cols;
    for (let i = 0; i < index; i++) {
      const w = charWidth(this.clusters[i].codePointAt(0) ?? 0);
      if (col + w > this.cols) {
        row++;
        col = 0;
      }
      col += w;
    }
    return { row, col };
  }

  /**
   * Redraws the prompt's line from its first row: prompt, text, clear the rest, then walks the
   * cursor back to its place. A line that exactly fills its last row leaves the terminal in a
   * pending-wrap state; writing a space and a carriage return settles it on the next row.
   */
  private render(): void {
    let out = this.renderedRow > 0 ? `\x1b[${this.renderedRow}A\r` : '\r';
    if (this.startCol > 0) out += `\x1b[${this.startCol}C`;
    out += this.prompt + this.clusters.join('');
    let end = this.position(this.clusters.length);
    if (end.col === this.cols) {
      out += ' \r';
      end = { row: end.row + 1, col: 0 };
    }
    out += '\x1b[J';
    let target = this.position(this.cursor);
    if (target.col === this.cols) target = { row: target.row + 1, col: 0 };
    if (end.row > target.row) out += `\x1b[${end.row - target.row}A`;
    out += '\r';
    if (target.col > 0) out += `\x1b[${target.col}C`;
    this.renderedRow = target.row;
    this.write(out);
  }
}
