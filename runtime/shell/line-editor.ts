import { charWidth, textWidth } from './char-width';
import { ReverseSearch } from './history-search';
import { KEY } from './keys';

/** What one key did to the line being edited. */
export type EditResult = 'editing' | { submit: string } | 'interrupt' | 'eof';

/** What the shell found for a Tab: the word it completes and the candidates for it. */
export interface Completions {
  /** The word before the cursor that the candidates replace. */
  word: string;
  /** Replacements for the word; a directory ends with `/` and takes no space after it. */
  candidates: string[];
  /** What a listing shows for each candidate (file names without their directory). */
  display?: string[];
}

/** Finds the completions for the text before and after the cursor (the shell's, for Tab). */
export type Completer = (before: string, after: string) => Promise<Completions>;

/** How many completions readline lists without asking first (completion-query-items). */
const COMPLETION_QUERY_ITEMS = 100;

/** Splits text into clusters: a printable character followed by any zero-width marks. */
function toClusters(text: string, clusters: string[] = []): string[] {
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20 || cp === 0x7f) continue;
    if (charWidth(cp) !== 0 || clusters.length === 0) clusters.push(ch);
    else clusters[clusters.length - 1] += ch;
  }
  return clusters;
}

/** The longest text every candidate starts with. */
function commonPrefix(candidates: readonly string[]): string {
  let prefix = candidates[0] ?? '';
  for (const c of candidates) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

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
  private search: { state: ReverseSearch; prompt: string } | undefined;
  /** Whether the previous key was a Tab that completed nothing (a second one lists). */
  private tabbed = false;
  /** Completions waiting for the answer to "Display all N possibilities? (y or n)". */
  private asking: readonly string[] | undefined;

  /** Counts edits, so that a completion that arrives after the line changed is dropped. */
  private edits = 0;

  constructor(
    private readonly write: (data: string) => void,
    private readonly history: () => readonly string[],
    private cols: number,
    private readonly completer?: Completer,
  ) {}

  /** Asks for the completions of the word at the cursor; applies them if the line is unchanged. */
  private requestCompletion(completer: Completer, again: boolean): void {
    const edits = this.edits;
    const before = this.clusters.slice(0, this.cursor).join('');
    const after = this.clusters.slice(this.cursor).join('');
    void completer(before, after).then(
      (found) => {
        if (this.edits === edits && !this.search) this.completeWith(found, again);
      },
      () => this.write('\x07'),
    );
  }

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
    if (this.asking) return this.answer(key);
    const tabbedBefore = this.tabbed;
    this.tabbed = false;
    if (this.search) {
      const result = this.searchKey(key);
      if (result) return result;
    }
    if (is(key, KEY.tab)) {
      if (this.completer) this.requestCompletion(this.completer, tabbedBefore);
      return 'editing';
    }
    if (is(key, KEY.ctrlR)) {
      const text = this.clusters.join('');
      const offset = this.clusters.slice(0, this.cursor).join('').length;
      this.search = { state: new ReverseSearch(this.history(), this.historyIndex, text, offset), prompt: this.prompt };
      this.showSearch();
      return 'editing';
    }
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
    if (this.search) {
      this.search.state.type(text);
      this.showSearch();
      return;
    }
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

  /**
   * Applies what the shell found for a Tab, as readline does: a single candidate replaces the
   * word (with a space after it, unless it is a directory); several extend the word to what
   * they share, and when that adds nothing the bell rings — a second Tab in a row lists them
   * in columns under the line, which is drawn again below.
   */
  completeWith(found: Completions, again: boolean): void {
    const { word, candidates } = found;
    if (candidates.length === 0) {
      this.write('\x07');
      return;
    }
    const insert = (text: string): void => {
      const removed = [...word].length;
      const added = toClusters(text);
      this.splice(this.cursor - removed, removed, added, this.cursor - removed + added.length);
    };
    if (candidates.length === 1) {
      const [only] = candidates;
      insert(only.endsWith('/') ? only : `${only} `);
      return;
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > word.length) {
      insert(prefix);
      return;
    }
    this.tabbed = true;
    if (!again) {
      this.write('\x07');
      return;
    }
    const items = found.display ?? candidates;
    if (items.length >= COMPLETION_QUERY_ITEMS) {
      // readline asks first when there are many (completion-query-items, 100).
      this.moveTo(this.clusters.length);
      this.write(`\r\nDisplay all ${items.length} possibilities? (y or n)`);
      this.asking = items;
      return;
    }
    this.list(items);
  }

  /** The answer to "Display all N possibilities?": y or space lists them, n does not; other keys ring. */
  private answer(key: string): EditResult {
    const items = this.asking as readonly string[];
    if (key === 'y' || key === 'Y' || key === ' ') {
      this.asking = undefined;
      this.list(items);
    } else if (key === 'n' || key === 'N' || key === '\x7f' || key === '\x07') {
      this.asking = undefined;
      this.write('\r\n');
      this.renderedRow = 0;
      this.startCol = 0;
      this.render();
    } else this.write('\x07');
    return 'editing';
  }

  /** Lists completions in columns under the line, then draws the prompt and line again. */
  private list(items: readonly string[]): void {
    const cursor = this.cursor;
    this.moveTo(this.clusters.length);
    const width = Math.max(...items.map((item) => textWidth(item))) + 2;
    const columns = Math.max(1, Math.floor(this.cols / width));
    const rows = Math.ceil(items.length / columns);
    let out = '\r\n';
    for (let row = 0; row < rows; row++) {
      let line = '';
      for (let col = 0; col < columns; col++) {
        const item = items[col * rows + row];
        if (item === undefined) break;
        const last = (col + 1) * rows + row >= items.length;
        line += last ? item : item + ' '.repeat(width - textWidth(item));
      }
      out += `${line}\r\n`;
    }
    this.write(out);
    this.renderedRow = 0;
    this.startCol = 0;
    this.cursor = cursor;
    this.render();
  }

  /** A key during Ctrl-R search; undefined when the search ended and the key applies as usual. */
  private searchKey(key: string): EditResult | undefined {
    const search = this.search as { state: ReverseSearch; prompt: string };
    if (is(key, KEY.ctrlR)) search.state.again();
    else if (is(key, KEY.backspace) || is(key, KEY.ctrlH)) search.state.backspace();
    else if (is(key, KEY.ctrlG)) {
      // Abort: back to the line and cursor as they were before the search.
      this.search = undefined;
      this.prompt = search.prompt;
      this.clusters = toClusters(search.state.original);
      this.cursor = toClusters(search.state.original.slice(0, search.state.originalCursor)).length;
      this.render();
      return 'editing';
    } else if (!key.startsWith('\x1b') && (key.codePointAt(0) ?? 0) >= 0x20 && key !== '\x7f') {
      search.state.type(key);
    } else {
      // Any other key accepts the match as the line, then does what it does.
      this.endSearch();
      this.render();
      return is(key, KEY.escape) ? 'editing' : undefined;
    }
    if (this.search) this.showSearch();
    return 'editing';
  }

  /** Leaves the search with its match as the line being edited. */
  private endSearch(): void {
    const search = this.search as { state: ReverseSearch; prompt: string };
    this.search = undefined;
    this.prompt = search.prompt;
    this.drafts.set(this.historyIndex, this.clusters);
    this.historyIndex = search.state.index;
  }

  private showSearch(): void {
    const { state } = this.search as { state: ReverseSearch; prompt: string };
    const text = state.text();
    this.prompt = state.prompt();
    this.clusters = toClusters(text);
    this.cursor = toClusters(text.slice(0, state.offset)).length;
    this.render();
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
    this.edits++;
    this.clusters = [...this.clusters.slice(0, at), ...insert, ...this.clusters.slice(at + remove)];
    this.cursor = cursor;
    this.render();
  }

  private moveTo(index: number): void {
    if (index === this.cursor) return;
    this.edits++;
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
