// redis-cli's line editing on a terminal (linenoise): the terminal is raw while a line is read,
// so keys typed ahead are not echoed until redis-cli reads them after its prompt; Enter ends the
// line, Backspace and Ctrl-U edit it, Ctrl-C or Ctrl-D on an empty line end the session. Between
// lines (a command running, SUBSCRIBE's reading mode) Ctrl-C interrupts instead.
import type { ProcessContext } from '../types';

export class LineEditor {
  private keys = '';
  private ended = false;
  private wake: (() => void) | undefined;
  private reading = false;

  constructor(
    private readonly ctx: ProcessContext,
    /** Ctrl-C while no line is being read. */
    onInterrupt: () => void,
  ) {
    void (async () => {
      for await (const chunk of ctx.stdin ?? []) {
        let keys = chunk;
        if (!this.reading && keys.includes('\x03')) {
          // The terminal is cooked then: it echoes the key as ^C and signals the process.
          ctx.stdout.write('^C');
          onInterrupt();
          keys = keys.slice(keys.lastIndexOf('\x03') + 1);
        }
        this.keys += keys;
        this.notify();
      }
      this.ended = true;
      this.notify();
    })();
  }

  /** Shows `prompt` and reads a line; null at the end of the session. */
  async readLine(prompt: string): Promise<string | null> {
    this.ctx.stdout.write(prompt);
    this.reading = true;
    let line = '';
    try {
      for (;;) {
        while (this.keys === '') {
          if (this.ended) return this.finish(null);
          await new Promise<void>((resolve) => (this.wake = resolve));
        }
        const key = this.keys[0];
        this.keys = this.keys.slice(1);
        if (key === '\r' || key === '\n') return this.finish(line);
        if (key === '\x03' || (key === '\x04' && line === '')) return this.finish(null);
        if (key === '\x7f' || key === '\b') {
          if (line !== '') this.ctx.stdout.write('\b \b');
          line = line.slice(0, -1);
        } else if (key === '\x15') {
          this.ctx.stdout.write('\b \b'.repeat(line.length));
          line = '';
        } else if (key === '\x1b') {
          // An arrow or function key: ESC [ and its final byte.
          this.keys = this.keys.replace(/^\[[0-9;]*[A-Za-z~]?/, '');
        } else if (key >= ' ') {
          line += key;
          this.ctx.stdout.write(key);
        }
      }
    } finally {
      this.reading = false;
    }
  }

  /** linenoise prints a newline when it hands back a line or gives up. */
  private finish(line: string | null): string | null {
    this.ctx.stdout.write('\r\n');
    return line;
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
