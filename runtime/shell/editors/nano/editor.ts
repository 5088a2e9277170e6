import { renderNano, type NanoScreen } from './screen';

/** Where nano's text comes from and goes to. */
export interface NanoFile {
  name: string;
  /** Undefined when the file does not exist yet (`[ New File ]`). */
  text?: string;
  /** Writes the file; throws an errno-named Error when it cannot. */
  write(name: string, text: string): void;
}

type Prompt = { kind: 'write'; then: 'stay' | 'exit' } | { kind: 'search' } | { kind: 'save?' };

const PLURAL = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * GNU nano 7.2 with no nanorc, as Debian has it: the title bar, the text, a status row of
 * `[ messages ]` and two rows of shortcuts; typing edits, ^O writes, ^X leaves (asking to save
 * a modified buffer), ^K/^U cut and paste lines, ^W searches, ^C tells the position.
 */
export class NanoEditor {
  lines: string[];
  row = 0;
  col = 0;
  top = 0;
  modified = false;
  done = false;
  private status: NanoScreen['status'];
  private prompt: Prompt | undefined;
  private answer = '';
  private cutBuffer: string[] = [];
  private lastWasCut = false;
  private lastSearch = '';
  /** Keystrokes left before the status message is wiped (nano wipes it after 20). */
  private countdown = 20;

  constructor(
    private readonly file: NanoFile,
    public rows: number,
    public cols: number,
  ) {
    const text = file.text ?? '';
    // nano shows the line after a final newline: the cursor can go there.
    this.lines = text.split('\n');
    const count = text === '' ? 0 : text.endsWith('\n') ? this.lines.length - 1 : this.lines.length;
    this.status =
      file.text === undefined
        ? { kind: 'message', text: 'New File' }
        : { kind: 'message', text: `Read ${PLURAL(count, 'line', 'lines')}` };
  }

  render(): string {
    const prompt = this.prompt;
    const status: NanoScreen['status'] = prompt
      ? {
          kind: 'prompt',
          text:
            prompt.kind === 'search'
              ? 'Search: '
              : prompt.kind === 'save?'
                ? 'Save modified buffer? '
                : 'File Name to Write: ',
          answer: this.answer,
        }
      : this.status;
    return renderNano({
      name: this.file.name,
      modified: this.modified,
      lines: this.lines,
      top: this.top,
      cursor: { row: this.row, col: this.col },
      rows: this.rows,
      cols: this.cols,
      status,
      shortcuts: !prompt ? 'main' : prompt.kind === 'search' ? 'search' : prompt.kind === 'save?' ? 'yesNo' : 'write',
    });
  }

  key(key: string): void {
    if (this.status.kind === 'message' && !this.prompt && --this.countdown === 0) this.status = { kind: 'none' };
    if (this.prompt) this.promptKey(this.prompt, key);
    else this.editKey(key);
    const visible = this.rows - 4;
    if (this.row < this.top) this.top = this.row;
    // Smooth scrolling (nano's default): just far enough to keep the cursor's line in view.
    if (this.row >= this.top + visible) this.top = this.row - visible + 1;
  }

  private editKey(key: string): void {
    const wasCut = this.lastWasCut;
    this.lastWasCut = false;
    const line = this.lines[this.row];
    switch (key) {
      case '\x18':
        if (!this.modified) this.done = true;
        else this.ask({ kind: 'save?' }, '');
        return;
      case '\x0f':
        return this.ask({ kind: 'write', then: 'stay' }, this.file.name);
      case '\x17':
        return this.ask({ kind: 'search' }, '');
      case '\x0b':
        return this.cut(wasCut);
      case '\x15':
        return this.paste();
      case '\x03':
        return this.location();
      case '\r':
      case '\n':
        this.lines.splice(this.row, 1, line.slice(0, this.col), line.slice(this.col));
        this.row++;
        this.col = 0;
        return this.changed();
      case '\x7f':
      case '\b':
        if (this.col > 0) {
          this.lines[this.row] = line.slice(0, this.col - 1) + line.slice(this.col);
          this.col--;
        } else if (this.row > 0) {
          this.col = this.lines[this.row - 1].length;
          this.lines.splice(this.row - 1, 2, this.lines[this.row - 1] + line);
          this.row--;
        } else return;
        return this.changed();
      case '\x04':
      case '\x1b[3~':
        if (this.col < line.length) this.lines[this.row] = line.slice(0, this.col) + line.slice(this.col + 1);
        else if (this.row + 1 < this.lines.length) this.lines.splice(this.row, 2, line + this.lines[this.row + 1]);
        else return;
        return this.changed();
      case '\x1b[A':
      case '\x10':
        return this.moveTo(this.row - 1, this.col);
      case '\x1b[B':
      case '\x0e':
        return this.moveTo(this.row + 1, this.col);
      case '\x1b[C':
      case '\x06':
        if (this.col < line.length) this.col++;
        else if (this.row + 1 < this.lines.length) this.moveTo(this.row + 1, 0);
        return;
      case '\x1b[D':
      case '\x02':
        if (this.col > 0) this.col--;
        else if (this.row > 0) this.moveTo(this.row - 1, this.lines[this.row - 1].length);
        return;
      case '\x01':
      case '\x1b[H':
        this.col = 0;
        return;
      case '\x05':
      case '\x1b[F':
        this.col = line.length;
        return;
      default:
        if ((key.codePointAt(0) ?? 0) >= 0x20 && !key.startsWith('\x1b') && key !== '\x7f') {
          this.lines[this.row] = line.slice(0, this.col) + key + line.slice(this.col);
          this.col += key.length;
          this.changed();
        } else if (key === '\t') {
          this.lines[this.row] = `${line.slice(0, this.col)}\t${line.slice(this.col)}`;
          this.col++;
          this.changed();
        }
    }
  }

  private message(text: string): void {
    this.status = { kind: 'message', text };
    this.countdown = 20;
  }

  private changed(): void {
    this.modified = true;
  }

  private moveTo(row: number, col: number): void {
    this.row = Math.max(0, Math.min(this.lines.length - 1, row));
    this.col = Math.min(col, this.lines[this.row].length);
  }

  private ask(prompt: Prompt, answer: string): void {
    this.prompt = prompt;
    this.answer = answer;
  }

  /** ^K: the line goes to the cut buffer (consecutive cuts gather there). */
  private cut(gather: boolean): void {
    if (this.row === this.lines.length - 1 && this.lines[this.row] === '') return;
    const [taken] = this.lines.splice(this.row, 1);
    this.cutBuffer = gather ? [...this.cutBuffer, taken] : [taken];
    this.col = 0;
    this.lastWasCut = true;
    this.status = { kind: 'none' };
    this.changed();
  }

  /** ^U: the cut lines go in above the cursor's line. */
  private paste(): void {
    if (this.cutBuffer.length === 0) return;
    this.lines.splice(this.row, 0, ...this.cutBuffer);
    this.row += this.cutBuffer.length;
    this.col = 0;
    this.changed();
  }

  /** ^C: `[ line 2/3 (66%), col 2/6 (33%), char 6/11 (54%) ]`, numbers as wide as the totals. */
  private location(): void {
    const lineCount = this.lines.length;
    const total = this.lines.join('\n').length;
    const char = this.lines.slice(0, this.row).reduce((sum, l) => sum + l.length + 1, 0) + this.col;
    // nano's digits() counts at least two.
    const lineWidth = Math.max(2, String(lineCount).length);
    const charWidth = Math.max(2, String(total).length);
    const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.floor((100 * part) / whole));
    const length = this.lines[this.row].length + 1;
    this.message(
      `line ${String(this.row + 1).padStart(lineWidth)}/${lineCount} (${String(pct(this.row + 1, lineCount)).padStart(2)}%), ` +
        `col ${String(this.col + 1).padStart(2)}/${String(length).padStart(2)} (${String(pct(this.col + 1, length)).padStart(3)}%), ` +
        `char ${String(char).padStart(charWidth)}/${total} (${String(pct(char, total)).padStart(2)}%)`,
    );
  }

  private promptKey(prompt: Prompt, key: string): void {
    if (key === '\x03') {
      this.prompt = undefined;
      this.message('Cancelled');
      return;
    }
    if (prompt.kind === 'save?') {
      if (/^[yY]$/.test(key)) this.ask({ kind: 'write', then: 'exit' }, this.file.name);
      else if (/^[nN]$/.test(key)) this.done = true;
      return;
    }
    if (key === '\r' || key === '\n') {
      this.prompt = undefined;
      if (prompt.kind === 'search') this.search(this.answer || this.lastSearch);
      else this.write(this.answer, prompt.then === 'exit');
      return;
    }
    if (key === '\x7f' || key === '\b') this.answer = this.answer.slice(0, -1);
    else if ((key.codePointAt(0) ?? 0) >= 0x20 && !key.startsWith('\x1b')) this.answer += key;
  }

  private write(name: string, exit: boolean): void {
    if (name === '') {
      this.message('Cancelled');
      return;
    }
    // The line after the final newline is not a line of the file; nano ends the last line with one.
    const body = this.lines[this.lines.length - 1] === '' ? this.lines.slice(0, -1) : this.lines;
    try {
      this.file.write(name, body.map((l) => `${l}\n`).join(''));
    } catch (error) {
      const reason = error instanceof Error && error.message === 'EISDIR' ? 'Is a directory' : 'Permission denied';
      this.message(`Error writing ${name}: ${reason}`);
      return;
    }
    const written = body.length;
    if (this.lines[this.lines.length - 1] !== '') this.lines.push('');
    this.modified = false;
    this.message(`Wrote ${PLURAL(written, 'line', 'lines')}`);
    if (exit) this.done = true;
  }

  /** ^W: the next occurrence after the cursor, wrapping to the top. */
  private search(text: string): void {
    if (text === '') {
      this.message('Cancelled');
      return;
    }
    this.lastSearch = text;
    const n = this.lines.length;
    for (let step = 0; step <= n; step++) {
      const r = (this.row + step) % n;
      const at = this.lines[r].indexOf(text, step === 0 ? this.col + 1 : 0);
      if (at < 0) continue;
      const only = step === n && at === this.col;
      const wrapped = !only && (r < this.row || (r === this.row && step > 0));
      this.row = r;
      this.col = at;
      this.status = only
        ? { kind: 'message', text: 'This is the only occurrence' }
        : wrapped
          ? { kind: 'message', text: 'Search Wrapped' }
          : { kind: 'none' };
      return;
    }
    this.message(`"${text}" not found`);
  }
}
