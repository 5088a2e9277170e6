import { utf8Length } from '../../../util/utf8';
import { TextBuffer, type Position } from './buffer';
import { runEx } from './ex';
import { normalKey } from './normal';
import { gutterWidth, renderScreen, rowsOf, type ScreenState } from './screen';

/** Where vi's text comes from and goes to. */
export interface ViFile {
  /** The file's name as given on the command line, if any. */
  name?: string;
  /** Its text; undefined when it does not exist yet (`[New]`). */
  text?: string;
  /** Writes the text to `name`; throws when it cannot (vim then says E212). */
  write(name: string, text: string): void;
}

export type Mode = 'normal' | 'insert' | 'command';

/**
 * vi as vim shows it with Debian's defaults (ruler, scrolloff 5, YAML indented by two spaces
 * with expandtab): normal, insert and command-line modes over a TextBuffer, drawn by
 * renderScreen. Keys come one at a time (see splitKeys); `done` turns true on :q, :wq, ZZ.
 */
export class ViEditor {
  readonly buffer: TextBuffer;
  cursor: Position = { row: 0, col: 0 };
  mode: Mode = 'normal';
  /** The command line being typed after `:`, `/` or `?`. */
  commandLine = '';
  status: ScreenState['status'] = { text: '', kind: 'message' };
  number = false;
  top = 0;
  done = false;
  name: string | undefined;
  /** Whether the file existed when opened (a first write says `[New]`). */
  existed: boolean;
  lastSearch: { pattern: string; forward: boolean } | undefined;
  register: { text: string[]; linewise: boolean } = { text: [''], linewise: false };
  /** Keys of a normal-mode command still being typed (count, operator, `g`, `r`, `Z`). */
  pending = '';
  readonly yaml: boolean;

  constructor(
    readonly file: ViFile,
    public rows: number,
    public cols: number,
    readonly now: () => number,
  ) {
    this.name = file.name;
    this.existed = file.text !== undefined;
    this.buffer = new TextBuffer(file.text ?? '', now());
    this.yaml = /\.ya?ml$/.test(file.name ?? '');
    if (file.name !== undefined) {
      const text = file.text;
      this.status = {
        text:
          text === undefined
            ? `"${file.name}" [New]`
            : `"${file.name}" ${this.buffer.lines.length}L, ${utf8Length(text)}B`,
        kind: 'message',
      };
    }
  }

  get lines(): string[] {
    return this.buffer.lines;
  }

  /**
   * Applies one key. A message stays on the last row until another replaces it, insert mode
   * starts, a put adds lines, or the window scrolls (vim redraws it then).
   */
  key(key: string): void {
    const status = this.status;
    const top = this.top;
    if (this.mode === 'insert') this.insertKey(key);
    else if (this.mode === 'command') this.commandKey(key);
    else normalKey(this, key);
    this.scroll();
    if (this.status === status && this.top !== top) this.status = { text: '', kind: 'message' };
  }

  /** The whole screen, drawn afresh. */
  render(): string {
    const status =
      this.mode === 'command'
        ? { text: this.commandLine, kind: 'command' as const }
        : this.mode === 'insert' && this.status.text === ''
          ? { text: '-- INSERT --', kind: 'mode' as const }
          : this.status;
    return renderScreen({
      lines: this.lines,
      empty: this.buffer.empty,
      cursor: this.cursor,
      top: this.top,
      rows: this.rows,
      cols: this.cols,
      number: this.number,
      status,
    });
  }

  message(text: string, kind: 'message' | 'error' = 'message'): void {
    this.status = { text, kind };
  }

  /** Records the text as one change (undo step). */
  commit(): void {
    this.buffer.commit(this.cursor, this.now());
  }

  /** Keeps the cursor on the text: within the lines, and on a character in normal mode. */
  clamp(): void {
    const lines = this.lines;
    this.cursor.row = Math.max(0, Math.min(this.cursor.row, lines.length - 1));
    const length = lines[this.cursor.row].length;
    const last = this.mode === 'insert' ? length : Math.max(0, length - 1);
    this.cursor.col = Math.max(0, Math.min(this.cursor.col, last));
  }

  /** Enters insert mode at the cursor. */
  startInsert(): void {
    this.mode = 'insert';
    this.status = { text: '', kind: 'message' };
  }

  private insertKey(key: string): void {
    const { row, col } = this.cursor;
    const line = this.lines[row];
    if (key === '\x1b' || key === '\x03') {
      this.mode = 'normal';
      this.status = { text: '', kind: 'message' };
      this.commit();
      this.cursor.col = Math.max(0, col - 1);
      this.clamp();
    } else if (key === '\r' || key === '\n') {
      const indent = this.indentAfter(line.slice(0, col));
      this.lines.splice(row, 1, line.slice(0, col), indent + line.slice(col));
      this.cursor = { row: row + 1, col: indent.length };
    } else if (key === '\x7f' || key === '\b') {
      if (col > 0) {
        this.lines[row] = line.slice(0, col - 1) + line.slice(col);
        this.cursor.col--;
      } else if (row > 0) {
        const previous = this.lines[row - 1];
        this.lines.splice(row - 1, 2, previous + line);
        this.cursor = { row: row - 1, col: previous.length };
      }
    } else if (key === '\t') {
      const text = this.yaml ? '  ' : '\t';
      this.lines[row] = line.slice(0, col) + text + line.slice(col);
      this.cursor.col += text.length;
    } else if (key === '\x1b[D') this.cursor.col = Math.max(0, col - 1);
    else if (key === '\x1b[C') this.cursor.col = Math.min(line.length, col + 1);
    else if (key === '\x1b[A') this.cursor.row = Math.max(0, row - 1);
    else if (key === '\x1b[B') this.cursor.row = Math.min(this.lines.length - 1, row + 1);
    else if (!key.startsWith('\x1b') && (key.codePointAt(0) ?? 0) >= 0x20) {
      this.lines[row] = line.slice(0, col) + key + line.slice(col);
      this.cursor.col += key.length;
    }
    this.clamp();
  }

  /** The indent of a new line after `line`: autoindent, two more after a YAML line ending in `:`. */
  indentAfter(line: string): string {
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    return this.yaml && /:\s*$/.test(line) ? `${indent}  ` : indent;
  }

  private commandKey(key: string): void {
    if (key === '\x1b' || key === '\x03') {
      this.mode = 'normal';
      this.status = { text: '', kind: 'message' };
    } else if (key === '\r' || key === '\n') {
      this.mode = 'normal';
      const line = this.commandLine;
      this.status = { text: line, kind: 'message' };
      if (line.startsWith(':')) runEx(this, line.slice(1));
      else this.search(line.slice(1), line.startsWith('/'));
    } else if (key === '\x7f' || key === '\b') {
      this.commandLine = this.commandLine.slice(0, -1);
      if (this.commandLine === '') this.mode = 'normal';
    } else if (!key.startsWith('\x1b') && (key.codePointAt(0) ?? 0) >= 0x20) this.commandLine += key;
  }

  /** `/pattern`, `?pattern`, `n` and `N`: the next match, wrapping around the end of the file. */
  search(pattern: string, forward: boolean): void {
    if (pattern === '') {
      if (!this.lastSearch) return this.message('E35: No previous regular expression', 'error');
      pattern = this.lastSearch.pattern;
    }
    this.lastSearch = { pattern, forward };
    let regex: RegExp;
    try {
      regex = new RegExp(pattern, 'g');
    } catch {
      return this.message(`E486: Pattern not found: ${pattern}`, 'error');
    }
    const lines = this.lines;
    const n = lines.length;
    const { row, col } = this.cursor;
    for (let step = 0; step <= n; step++) {
      const r = forward ? (row + step) % n : (row - step + n) % n;
      const matches = [...lines[r].matchAll(regex)].map((m) => m.index);
      const found = forward
        ? (matches.find((c) => step > 0 || c > col) ?? (step === n ? matches[0] : undefined))
        : [...matches].reverse().find((c) => step > 0 || c < col);
      if (found === undefined) continue;
      const wrapped = forward ? r < row || (r === row && found <= col) : r > row || (r === row && found >= col);
      this.cursor = { row: r, col: found };
      this.message(
        wrapped
          ? forward
            ? 'search hit BOTTOM, continuing at TOP'
            : 'search hit TOP, continuing at BOTTOM'
          : `${forward ? '/' : '?'}${pattern}`,
        wrapped ? 'error' : 'message',
      );
      return;
    }
    this.message(`E486: Pattern not found: ${pattern}`, 'error');
  }

  /** Scrolls so that the cursor is on screen with 5 lines around it where possible (scrolloff). */
  private scroll(): void {
    const visible = this.rows - 1;
    const width = Math.max(1, this.cols - gutterWidth({ number: this.number, lines: this.lines }));
    const off = Math.min(5, Math.floor((visible - 1) / 2));
    if (this.cursor.row - off < this.top) this.top = Math.max(0, this.cursor.row - off);
    for (;;) {
      let used = 0;
      const last = Math.min(this.lines.length - 1, this.cursor.row + off);
      for (let i = this.top; i <= last; i++) used += rowsOf(this.lines[i], width);
      if (used <= visible || this.top >= this.cursor.row) break;
      this.top++;
    }
  }
}
