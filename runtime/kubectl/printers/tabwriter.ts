/**
 * Go's text/tabwriter, which kubectl lays out every table and `describe` with: cells end at a
 * tab, a column is as wide as its widest cell in a block of consecutive lines that have it (plus
 * padding, at least minwidth), and the last cell of a line is never padded. A line without a tab
 * ends every block above it, as in Go (a newline after a single cell flushes).
 */
export interface TabWriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar: string;
  /** Right-aligns cells (tabwriter.AlignRight). */
  alignRight?: boolean;
  /** Empty columns take no room (tabwriter.DiscardEmptyColumns). */
  discardEmptyColumns?: boolean;
  /**
   * Columns never shrink below the widest cell seen before, even across flushes (the RememberWidths
   * flag of github.com/liggitt/tabwriter, kubectl's fork): watch rows line up with the table above.
   */
  rememberWidths?: boolean;
}

/** kubectl's table printers (cli-runtime printers.GetNewTabWriter): minwidth 6, tabwidth 4, padding 3. */
export const KUBECTL_TABLE: TabWriterOptions = {
  minwidth: 6,
  tabwidth: 4,
  padding: 3,
  padchar: ' ',
  rememberWidths: true,
};

/** kubectl describe's writer (tabwriter.NewWriter(out, 0, 8, 2, ' ', 0)). */
export const KUBECTL_DESCRIBE: TabWriterOptions = { minwidth: 0, tabwidth: 8, padding: 2, padchar: ' ' };

interface Cell {
  text: string;
  /** Width in runes, as Go counts it. */
  width: number;
  /** Ended by a tab (not by the end of the line). */
  htab: boolean;
}

const runeCount = (text: string): number => {
  let count = 0;
  for (const _ of text) count++;
  return count;
};

export class TabWriter {
  private out = '';
  private lines: Cell[][] = [[]];
  private pending = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];

  constructor(private readonly options: TabWriterOptions = KUBECTL_TABLE) {}

  /** Buffers `text`; complete blocks are laid out as soon as they end. */
  write(text: string): this {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\n' && ch !== '\v' && ch !== '\f') continue;
      this.pending += text.slice(start, i);
      start = i + 1;
      const cells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        if (ch === '\f' || cells === 1) this.flushLines();
      }
    }
    this.pending += text.slice(start);
    return this;
  }

  /** Lays out what is buffered and returns everything written so far (then starts afresh). */
  flush(): string {
    if (this.pending !== '') this.terminateCell(false);
    this.flushLines();
    const out = this.out;
    this.out = '';
    return out;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1];
    line.push({ text: this.pending, width: runeCount(this.pending), htab });
    this.pending = '';
    return line.length;
  }

  private flushLines(): void {
    // The last line is the one being written: empty after a newline, and then not output.
    const last = this.lines[this.lines.length - 1];
    const lines = last.length === 0 ? this.lines.slice(0, -1) : this.lines;
    this.format(lines, 0, lines.length, last.length === 0);
    this.lines = [[]];
    this.widths = [];
  }

  private format(lines: Cell[][], line0: number, line1: number, newlineAfterLast: boolean): void {
    const column = this.widths.length;
    for (let current = line0; current < line1; current++) {
      if (column >= lines[current].length - 1) continue;
      // A block of lines with a cell in this column starts here.
      this.writeLines(lines, line0, current, newlineAfterLast);
      line0 = current;
      let width = this.options.minwidth;
      let discardable = true;
      for (; current < line1; current++) {
        const line = lines[current];
        if (column >= line.length - 1) break;
        const cell = line[column];
        width = Math.max(width, cell.width + this.options.padding);
        if (cell.width > 0 || cell.htab) discardable = false;
      }
      if (discardable && this.options.discardEmptyColumns) width = 0;
      if (this.options.rememberWidths) width = this.remember(width);
      this.widths.push(width);
      this.format(lines, line0, current, newlineAfterLast);
      this.widths.pop();
      line0 = current;
    }
    this.writeLines(lines, line0, line1, newlineAfterLast);
  }

  /** liggitt/tabwriter's bookkeeping of the widest width seen per column. */
  private remember(width: number): number {
    const column = this.widths.length;
    if (this.maxwidths.length < column) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
    if (this.maxwidths.length === column) this.maxwidths.push(width);
    else if (this.maxwidths[column] > width) return this.maxwidths[column];
    else this.maxwidths[column] = width;
    return width;
  }

  private writeLines(lines: Cell[][], line0: number, line1: number, newlineAfterLast: boolean): void {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      line.forEach((cell, j) => {
        const width = j < this.widths.length ? this.widths[j] : undefined;
        const padding = width === undefined ? '' : this.options.padchar.repeat(Math.max(0, width - cell.width));
        if (cell.text === '') this.out += padding;
        else this.out += this.options.alignRight ? padding + cell.text : cell.text + padding;
      });
      if (i + 1 < lines.length || newlineAfterLast) this.out += '\n';
    }
  }
}

/** Lays `text` out in one go (every line ends with its newline). */
export function tabulate(text: string, options: TabWriterOptions = KUBECTL_TABLE): string {
  return new TabWriter(options).write(text).flush();
}
