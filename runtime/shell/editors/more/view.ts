// What more(1) shows and where it is: the files, the place in the current one, and the output
// (rows, prompts, messages) it writes to the terminal. pager.ts turns keys into these moves.
import { MoreDocument } from './document';
import { searchDocument, type MorePlace } from './search';

const REVERSE = '\x1b[7m';
const NORMAL = '\x1b[27m';
const BANNER = '::::::::::::::';

const isPiped = (file: MoreFile | undefined): boolean => file !== undefined && 'piped' in file && file.piped === true;

/** A file on more's command line: its text, or what opening it said. */
export type MoreFile =
  { name: string; text: string; piped?: boolean } | { name: string; error: string } | { name: string; directory: true };

/** more's options that change paging. */
export interface MoreOptions {
  /** -n / -NUM: lines per screenful (default: the terminal's rows less one). */
  lines?: number;
  /** -s: squeeze runs of blank lines into one. */
  squeeze?: boolean;
  /** -d: the prompt says how to go on. */
  silent?: boolean;
  /** +NUM: the first file starts at this line (1-based). */
  startLine?: number;
  /** +/PATTERN: the first file starts at the first match. */
  startSearch?: string;
  /** What the help screen says `v` starts. */
  editor?: string;
}

/** Terminal output, in order: stdout ('out') or stderr ('err'), newlines as `\n`. */
export interface MoreOutput {
  stream: 'out' | 'err';
  text: string;
}

/**
 * The paging state of util-linux more with exit-on-EOF (2.39's default): shows rows, then the
 * `--More--(NN%)` prompt (the percent of the file's bytes shown); at the end of a file offers
 * the next one ("Next file"), and is done after the last.
 */
export class MoreView {
  done = false;
  private readonly queue: MoreOutput[] = [];
  protected index = -1;
  protected doc = new MoreDocument('', 1);
  protected here: MorePlace = { row: 0, byte: 0, line: 0 };
  protected screenStart: MorePlace = { row: 0, byte: 0, line: 0 };
  protected searchStart: MorePlace = { row: 0, byte: 0, line: 0 };
  /** Something sits on the prompt row (prompt, message, typed search) that output replaces. */
  protected promptShown = false;
  /** An error message stands instead of the next prompt. */
  protected reportError = false;
  /** The "Next file" prompt is up: keys act on the file it names, which is open. */
  protected atNextFile = false;
  protected previousBlank = false;
  protected lastPattern: string | undefined;
  protected linesPerScreen: number;
  protected scrollLines: number;

  constructor(
    protected readonly files: readonly MoreFile[],
    protected readonly options: MoreOptions,
    protected readonly rows: number,
    protected readonly cols: number,
  ) {
    this.linesPerScreen = options.lines ?? rows - 1;
    this.scrollLines = Math.max(1, Math.floor(rows / 2) - 1);
  }

  /** What was drawn since the last call. */
  drain(): MoreOutput[] {
    return this.queue.splice(0);
  }

  /** Ends as Ctrl-C does: the prompt is wiped. */
  quit(): void {
    this.erasePrompt();
    this.done = true;
  }

  /** Moves to the `count`th match of `pattern` (or says why not), remembering where it started. */
  protected search(pattern: string, count: number): void {
    this.lastPattern = pattern;
    this.searchStart = { ...this.here };
    const result = searchDocument(this.doc, this.here, pattern, count);
    if ('error' in result) return this.message(result.error, true);
    if (result.skipped) {
      this.write('\n...skipping\n');
      this.promptShown = false;
    }
    this.seek(result.place);
  }

  /** Shows `lines` rows after a command (at a "Next file" prompt: that file, with its banner). */
  protected show(lines: number): void {
    if (this.atNextFile) {
      this.atNextFile = false;
      return this.startFile(lines);
    }
    if (lines === 0) return this.finishFile();
    this.screenStart = { ...this.here };
    this.display(lines);
  }

  /** Begins showing the open file: its banner when there are several, then `lines` rows. */
  protected startFile(lines: number): void {
    if (lines === 0) return this.finishFile();
    if (this.files.length > 1) {
      this.erasePrompt();
      this.write(`${BANNER}\n${this.files[this.index].name}\n${BANNER}\n`);
      lines = Math.min(lines, this.rows - 4);
    }
    this.display(lines);
  }

  /** Writes up to `lines` rows from here; then the prompt, or on to the next file at the end. */
  protected display(lines: number): void {
    const rows = this.doc.rows;
    for (let shown = 0; shown < lines;) {
      const row = rows[this.here.row];
      if (!row) return this.finishFile();
      this.here = { row: this.here.row + 1, byte: row.end, line: row.linesDone };
      if (this.options.squeeze && row.empty && this.previousBlank) continue;
      this.previousBlank = row.empty;
      this.erasePrompt();
      this.write(`${row.text}\n`);
      shown++;
    }
    if (this.here.row >= rows.length && this.here.byte >= this.doc.size) return this.finishFile();
    if (this.reportError) this.reportError = false;
    else this.prompt();
  }

  /** Opens the next file that opens (reporting those that do not) at its "Next file" prompt. */
  protected finishFile(): void {
    while (++this.index < this.files.length) {
      if (this.open(this.files[this.index])) {
        this.atNextFile = true;
        return this.prompt();
      }
    }
    this.quit();
  }

  /** Makes `file` the current document; false (after saying why) when it cannot be read. */
  protected open(file: MoreFile): boolean {
    if ('error' in file) {
      this.queue.push({ stream: 'err', text: `more: cannot open ${file.name}: ${file.error}\n` });
      return false;
    }
    if ('directory' in file) {
      this.write(`\n*** ${file.name}: directory ***\n\n`);
      return false;
    }
    this.doc = new MoreDocument(file.text, this.cols);
    this.here = { row: 0, byte: 0, line: 0 };
    this.screenStart = this.searchStart = { ...this.here };
    return true;
  }

  /** `--More--` and where we are (reverse video); at a "Next file" prompt, that file's name. */
  protected prompt(): void {
    this.erasePrompt();
    let where = '';
    if (this.atNextFile) where = `(Next file: ${this.files[this.index].name})`;
    else if (this.doc.size > 0 && !isPiped(this.files[this.index])) {
      // A pipe's size is unknown: its prompt is a bare --More--.
      const percent = Math.floor((this.here.byte * 100) / this.doc.size);
      where = percent >= 100 ? '(END)' : `(${percent}%)`;
    }
    const help = this.options.silent ? "[Press space to continue, 'q' to quit.]" : '';
    const text = where === '(END)' ? `${where}${help}` : `--More--${where}${help}`;
    this.write(`${REVERSE}${text}${NORMAL}`);
    this.promptShown = true;
  }

  /** A message on the prompt row: errors in reverse video, standing instead of the next prompt. */
  protected message(text: string, error: boolean): void {
    this.erasePrompt();
    this.write(error ? `${REVERSE}${text}${NORMAL}` : text);
    this.promptShown = true;
    if (error) this.reportError = true;
  }

  protected seek(place: MorePlace): void {
    this.here = { ...place };
  }

  protected seekLine(line: number): void {
    const doc = this.doc;
    const at = Math.min(line, doc.lines.length);
    this.here = { row: doc.firstRow[at], byte: doc.lineStart[at], line: at };
  }

  protected erasePrompt(): void {
    if (!this.promptShown) return;
    this.write('\r\x1b[K');
    this.promptShown = false;
  }

  protected write(text: string): void {
    this.queue.push({ stream: 'out', text });
  }
}
