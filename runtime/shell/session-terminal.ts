import { textWidth } from './char-width';
import type { Tty } from './command';
import type { TerminalInput } from './terminal-input';

/** xterm's alternate screen, entered and left (mode 1049, which also saves the cursor). */
const ALT_SCREEN_ON = '\x1b[?1049h';
const ALT_SCREEN_OFF = '\x1b[?1049l';

/** The terminal a session draws on: bytes out. */
export interface TerminalOutput {
  write(data: string): void;
  /** Opens `url` in the page's browser, where the terminal lives in one. */
  open?(url: string): void;
}

/**
 * The terminal as a session drives it: what it writes (tracking the cursor's column, so that a
 * prompt knows where it starts), the terminal's size, and the Tty that foreground jobs get.
 */
export class SessionTerminal {
  /** The cursor's column after the last write. */
  column = 0;
  /** The cursor's column when a full-screen program took the alternate screen. */
  private savedColumn: number | undefined;
  private readonly resizeListeners = new Set<() => void>();

  constructor(
    private readonly output: TerminalOutput,
    public cols: number,
    public rows: number,
  ) {}

  /** Writes to the terminal, keeping track of the cursor's column for the next prompt. */
  write(data: string): void {
    this.output.write(data);
    // A full-screen program (vi, less) draws on the alternate screen; leaving it puts the
    // cursor back where it was on entering (xterm's mode 1049 saves and restores it).
    let text = data;
    const enter = text.lastIndexOf(ALT_SCREEN_ON);
    if (enter >= 0) {
      this.savedColumn ??= this.column + textWidth(text.slice(0, enter));
      text = text.slice(enter);
    }
    const leave = text.lastIndexOf(ALT_SCREEN_OFF);
    if (leave >= 0) {
      this.column = this.savedColumn ?? this.column;
      this.savedColumn = undefined;
      text = text.slice(leave + ALT_SCREEN_OFF.length);
    } else if (this.savedColumn !== undefined) return;
    const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
    const tail = lastBreak < 0 ? text : text.slice(lastBreak + 1);
    this.column = lastBreak < 0 ? this.column + textWidth(tail) : textWidth(tail);
  }

  /** The terminal's new size: tells the foreground job's resize listeners (SIGWINCH). */
  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    for (const listener of [...this.resizeListeners]) listener();
  }

  /** The terminal as a foreground job reading `input` sees it: its size, raw mode, resizes. */
  tty(input: TerminalInput): Tty {
    const size = (): { cols: number; rows: number } => ({ cols: this.cols, rows: this.rows });
    return {
      get cols() {
        return size().cols;
      },
      get rows() {
        return size().rows;
      },
      setRawMode: (raw) => {
        input.raw = raw;
      },
      keyboard: input,
      onResize: (listener) => {
        this.resizeListeners.add(listener);
        return () => this.resizeListeners.delete(listener);
      },
    };
  }
}
