const REVERSE = '\x1b[7m';
const RESET = '\x1b[m';
const BOLD = '\x1b[1m';

/**
 * less(1) with its defaults: a screen of lines and a prompt row — the file's name on the first
 * screen, `:` after moving, `(END)` once the last line shows; space/f and b page, j/k and
 * Enter move a line, g/G go to either end, `/pattern` searches forward, q quits. A file that
 * fits on one screen shows as it is, with its prompt right after it.
 */
export class Pager {
  top = 0;
  done = false;
  private moved = false;
  private search: string | undefined;
  private lastPattern: string | undefined;
  private notFound = false;

  constructor(
    private readonly lines: readonly string[],
    private readonly name: string | undefined,
    public rows: number,
    public cols: number,
  ) {}

  private get page(): number {
    return this.rows - 1;
  }

  private get lastTop(): number {
    return Math.max(0, this.lines.length - this.page);
  }

  key(key: string): void {
    if (this.notFound) {
      if (key === '\r' || key === '\n') this.notFound = false;
      return;
    }
    if (this.search !== undefined) return this.searchKey(key);
    const page = this.page;
    switch (key) {
      case 'q':
      case 'Q':
        this.done = true;
        return;
      case ' ':
      case 'f':
      case '\x06':
      case '\x1b[6~':
        return this.moveTo(Math.min(this.top + page, Math.max(this.top, this.lastTop)));
      case 'b':
      case '\x02':
      case '\x1b[5~':
        return this.moveTo(Math.max(0, this.top - page));
      case 'j':
      case 'e':
      case '\r':
      case '\n':
      case '\x1b[B':
        return this.moveTo(Math.min(this.top + 1, Math.max(this.top, this.lastTop)));
      case 'k':
      case 'y':
      case '\x1b[A':
        return this.moveTo(Math.max(0, this.top - 1));
      case 'g':
      case '<':
        return this.moveTo(0);
      case 'G':
      case '>':
        return this.moveTo(this.lastTop);
      case '/':
        this.search = '';
        return;
      case 'n':
        if (this.lastPattern !== undefined) this.find(this.lastPattern);
    }
  }

  private moveTo(top: number): void {
    this.top = top;
    this.moved = true;
  }

  private searchKey(key: string): void {
    if (key === '\r' || key === '\n') {
      const pattern = this.search === '' ? this.lastPattern : this.search;
      this.search = undefined;
      if (pattern !== undefined) this.find(pattern);
    } else if (key === '\x7f' || key === '\b') {
      if (this.search === '') this.search = undefined;
      else this.search = (this.search as string).slice(0, -1);
    } else if (key === '\x1b' || key === '\x03') this.search = undefined;
    else if ((key.codePointAt(0) ?? 0) >= 0x20) this.search += key;
  }

  /** The first line after the top one that matches: it becomes the top line. */
  private find(pattern: string): void {
    this.lastPattern = pattern;
    let regex: RegExp;
    try {
      regex = new RegExp(pattern);
    } catch {
      regex = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    }
    const at = this.lines.findIndex((line, i) => i > this.top && regex.test(line));
    if (at < 0) this.notFound = true;
    else this.moveTo(at);
  }

  private prompt(): string {
    if (this.notFound) return `${REVERSE}Pattern not found  (press RETURN)${RESET}`;
    if (this.search !== undefined) return `/${this.search}`;
    const end = this.top + this.page >= this.lines.length;
    if (!this.moved && this.name !== undefined) return `${REVERSE}${this.name}${end ? ' (END)' : ''}${RESET}`;
    return end ? `${REVERSE}(END)${RESET}` : ':';
  }

  render(): string {
    const fits = !this.moved && this.lines.length < this.page;
    const shown = fits ? this.lines.length : this.page;
    let out = '\x1b[H\x1b[2J';
    for (let row = 0; row < shown; row++) {
      const line = this.lines[this.top + row];
      out += `\x1b[${row + 1};1H${line === undefined ? `${BOLD}~${RESET}` : line.slice(0, this.cols)}`;
    }
    out += `\x1b[${shown + 1};1H\x1b[K${this.prompt()}`;
    return out;
  }
}
