// man's view through less: the less pager (editors/less/pager.ts) given the page's plain lines,
// its drawing touched up as man-db's less shows it — bold and underlined text, and man-db's
// prompt, " Manual page ls(1) line 1 (press h for help or q to quit)".
import type { FullScreenEditor } from '../../editors/full-screen';
import { Pager } from '../../editors/less/pager';
import { utf8Length } from '../../../util/utf8';
import { plainLine, sgrLine } from './styled';

const REVERSE = '\x1b[7m';
const NORMAL = '\x1b[27m';

/**
 * A formatted page (overstruck lines) in less as man-db runs it. The pager moves and searches
 * over the plain text; each row it draws is replaced by the same text with its fonts, and its
 * prompt by man-db's: the top line's number, and once less has read to the end, the line count
 * and how far through the page's bytes the bottom line is (or "(END)" at the end).
 */
export class ManPager implements FullScreenEditor {
  private readonly pager: Pager;
  private readonly plain: string[];
  private readonly styled: string[];
  /** Bytes of the page up to the end of each line, as less counts them (overstruck, UTF-8). */
  private readonly bytesThrough: number[] = [];
  /** less knows the line count once it has read the last line (shown it, or searched). */
  private seenEnd = false;
  private searched = false;

  constructor(
    lines: readonly string[],
    private readonly title: string,
    rows: number,
    public cols: number,
  ) {
    this.plain = lines.map(plainLine);
    this.styled = lines.map(sgrLine);
    let total = 0;
    for (const line of lines) this.bytesThrough.push((total += utf8Length(line) + 1));
    this.pager = new Pager(this.plain, title, rows, cols);
  }

  get rows(): number {
    return this.pager.rows;
  }

  set rows(rows: number) {
    this.pager.rows = rows;
  }

  get done(): boolean {
    return this.pager.done;
  }

  key(key: string): void {
    // less reads the whole page to search it: then it knows the line count too.
    const before = this.pagerPrompt();
    this.pager.key(key);
    if (before.startsWith('/') && (key === '\r' || key === '\n')) this.searched = this.seenEnd = true;
    else if (key === 'n' && this.searched && !before.startsWith('/')) this.seenEnd = true;
  }

  /** The prompt the pager would draw now (its search line, or its own prompt). */
  private pagerPrompt(): string {
    const drawn = this.pager.render();
    return drawn.slice(drawn.lastIndexOf('\x1b[K') + 3);
  }

  render(): string {
    this.pager.cols = this.cols;
    const drawn = this.pager.render();
    // The pager draws each row as `ESC[row;1H` and its text, the prompt row last.
    // eslint-disable-next-line no-control-regex -- escape sequences are control characters
    const parts = drawn.split(/(\x1b\[\d+;1H)/);
    const promptAt = parts.length - 1;
    for (let i = 2; i < promptAt; i += 2) {
      const index = this.pager.top + (i - 2) / 2;
      if (parts[i] === this.plain[index]?.slice(0, this.cols)) parts[i] = this.styled[index];
    }
    const prompt = parts[promptAt];
    const own = prompt.startsWith('\x1b[K') ? prompt.slice(3) : prompt;
    // less's own prompts while searching stay as they are.
    if (!own.startsWith('/') && !own.includes('Pattern not found')) parts[promptAt] = `\x1b[K${this.prompt()}`;
    return parts.join('');
  }

  /** man-db's less prompt (its LESS -P string), in reverse video. */
  private prompt(): string {
    const page = this.rows - 1;
    const top = this.pager.top;
    const total = this.plain.length;
    const atEnd = top + page >= total;
    if (atEnd) this.seenEnd = true;
    let where = `line ${top + 1}`;
    if (this.seenEnd) where += `/${total}`;
    if (atEnd) where += ' (END)';
    else if (this.seenEnd) {
      const bottom = Math.min(total, top + page) - 1;
      where += ` ${Math.round((this.bytesThrough[bottom] * 100) / this.bytesThrough[total - 1])}%`;
    }
    return `${REVERSE} Manual page ${this.title} ${where} (press h for help or q to quit)${NORMAL}`;
  }
}
