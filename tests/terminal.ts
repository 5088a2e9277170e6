import xtermHeadless from '@xterm/headless';

const { Terminal } = xtermHeadless;

/** A headless xterm.js (the same parser as the page's), to read what the shell drew. */
export class TestTerminal {
  readonly term: InstanceType<typeof Terminal>;
  private pending: Promise<void> = Promise.resolve();

  constructor(
    readonly cols = 40,
    rows = 10,
  ) {
    this.term = new Terminal({ cols, rows, allowProposedApi: true });
  }

  /** Writes data as the shell's output would arrive. */
  write = (data: string): void => {
    this.pending = this.pending.then(() => new Promise<void>((resolve) => this.term.write(data, resolve)));
  };

  /** The screen's rows, right-trimmed, without trailing empty rows. */
  async screen(): Promise<string[]> {
    await this.pending;
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < buffer.length; y++) lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  /** The cursor's position on the screen. */
  async cursor(): Promise<{ x: number; y: number }> {
    await this.pending;
    const buffer = this.term.buffer.active;
    return { x: buffer.cursorX, y: buffer.cursorY + buffer.viewportY - buffer.baseY + buffer.baseY };
  }
}
