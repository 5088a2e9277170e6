// watch's screen (procps-ng 4.0.2 watch.c, wide-character build): the header line, then the
// command's output laid out cell by cell — lines wrapped at the width (or cut with -w), tabs to
// every eighth column, the rest of the output dropped at the bottom — and with -d the cells
// that changed since the last run standing out.

/** A colour or style sequence (SGR), which -c takes out of the text. */
const SGR = new RegExp(`^${String.fromCharCode(27)}\\[[0-9;]*m`);

/** One cell: a character and whether it stands out (-d). */
interface Cell {
  ch: string;
  standout: boolean;
}

/** What one run puts on the screen. */
export interface WatchRun {
  /** The header's left part (`Every 2.0s: `) and command, and its right part (host and time). */
  header?: { left: string; command: string; right: string };
  output: string;
}

/** The screen's cells, kept between runs so that -d and -g can compare with the last ones. */
export class WatchScreen {
  private cells: Cell[][] = [];
  /** The first run after a start (or a resize) highlights nothing. */
  private first = true;

  constructor(
    public rows: number,
    public cols: number,
    private readonly options: { wrap: boolean; differences: false | 'once' | 'permanent'; color: boolean },
  ) {
    this.clear();
  }

  /** Starts over, blank (a resize). */
  clear(): void {
    this.cells = Array.from({ length: this.rows }, () =>
      Array.from({ length: this.cols }, () => ({ ch: ' ', standout: false })),
    );
    this.first = true;
  }

  private put(y: number, x: number, text: string): void {
    for (const ch of text) {
      if (y >= this.rows || x >= this.cols || x < 0) return;
      this.cells[y][x++] = { ch, standout: false };
    }
  }

  /**
   * The header as watch places it: nothing when even the right part does not fit; the command
   * cut with `... ` when it does not fit between the two parts.
   */
  private header(left: string, command: string, right: string): void {
    const width = this.cols;
    // procps counts the newline that ends ctime()'s text in the right part.
    const rhlen = right.length + 1;
    const hlen = left.length;
    if (width < rhlen) return;
    if (rhlen + hlen + 1 <= width) {
      this.put(0, 0, left);
      if (rhlen + hlen + 2 <= width) {
        if (width < rhlen + hlen + 4) this.put(0, width - rhlen - 4, '... ');
        else if (width < rhlen + hlen + command.length) {
          this.put(0, hlen, command.slice(0, width - rhlen - hlen - 4));
          this.put(0, width - rhlen - 4, '... ');
        } else this.put(0, hlen, command);
      }
    }
    this.put(0, width - rhlen + 1, right);
    // The newline clears the rest of the line.
  }

  /**
   * Lays one run out; true when some cell changed (for -g), and whether all stayed the same
   * (for -q).
   */
  update(run: WatchRun): { changed: boolean; same: boolean } {
    const top = run.header ? 2 : 0;
    if (run.header) this.header(run.header.left, run.header.command, run.header.right);
    const chars = [...run.output];
    let at = 0;
    const next = (): string | undefined => {
      for (;;) {
        // With -c, colour sequences are taken (the colours themselves are not shown).
        const sgr = this.options.color && chars[at] === '\x1b' ? SGR.exec(chars.slice(at, at + 100).join('')) : null;
        if (sgr) at += sgr[0].length;
        // Other control characters than newline and tab are not shown.
        else if (at < chars.length && chars[at] < ' ' && chars[at] !== '\n' && chars[at] !== '\t') at++;
        else return at < chars.length ? chars[at++] : undefined;
      }
    };
    let changed = false;
    let cells = 0;
    let unchanged = 0;
    let oldEol = true;
    for (let y = top; y < this.rows; y++) {
      let eol = false;
      let tab = false;
      for (let x = 0; x < this.cols; x++) {
        let c = ' ';
        if (!eol) {
          let got: string | undefined = ' ';
          if (!tab) got = next();
          if (got === '\n') {
            // A line that filled the row exactly does not leave an empty row after it.
            if (!oldEol && x === 0) {
              x = -1;
              continue;
            }
            eol = true;
          } else if (got === '\t') tab = true;
          c = got === undefined || got === '\n' || got === '\t' ? ' ' : got;
          if (tab && (x + 1) % 8 === 0) tab = false;
        }
        const old = this.cells[y][x];
        if (!this.first) {
          cells++;
          if (c === old.ch) unchanged++;
          else changed = true;
        }
        const standout =
          this.options.differences !== false &&
          !this.first &&
          (c !== old.ch || (this.options.differences === 'permanent' && old.standout));
        this.cells[y][x] = { ch: c, standout };
      }
      oldEol = eol;
      if (!this.options.wrap) {
        // Without wrapping, the rest of the line is skipped (procps' find_eol).
        let c = next();
        while (c !== undefined && c !== '\n') c = next();
      }
    }
    this.first = false;
    return { changed, same: cells === unchanged };
  }

  /** The whole screen as escape sequences, standout in reverse video, blank ends cleared. */
  render(): string {
    let out = '';
    this.cells.forEach((row, y) => {
      let end = row.length;
      while (end > 0 && row[end - 1].ch === ' ' && !row[end - 1].standout) end--;
      out += `\x1b[${y + 1};1H`;
      let standout = false;
      for (const cell of row.slice(0, end)) {
        if (cell.standout !== standout) {
          out += cell.standout ? '\x1b[7m' : '\x1b[m';
          standout = cell.standout;
        }
        out += cell.ch;
      }
      out += `${standout ? '\x1b[m' : ''}\x1b[K`;
    });
    return out;
  }

  /** The screen's text, rows right-trimmed (for tests and -g). */
  text(): string[] {
    return this.cells.map((row) =>
      row
        .map((c) => c.ch)
        .join('')
        .trimEnd(),
    );
  }
}
