import type { InputStream } from './process';

/**
 * The terminal as the foreground job's standard input, with a TTY's line discipline: in the
 * default (cooked) mode typed characters are echoed and collected into a line — Backspace
 * erases, Ctrl-U kills the line, Enter hands it over with its newline, Ctrl-D at the start of a
 * line is end of file; in raw mode (editors, REPLs) every key goes to the reader as typed,
 * without echo. Ctrl-C is the session's to handle (SIGINT) unless the terminal is raw.
 */
export class TerminalInput implements InputStream {
  raw = false;
  /** The line being typed (cooked mode). */
  private line = '';
  /** What the reader has not read yet: whole lines (cooked) or keys (raw); null is end of file. */
  private readonly ready: Array<string | null> = [];
  private wake: (() => void) | undefined;
  private closed = false;

  constructor(private readonly echo: (text: string) => void) {}

  /** Keys typed while the job runs. */
  feed(data: string): void {
    if (this.raw) {
      this.push(data);
      return;
    }
    for (const ch of data) {
      if (ch === '\r' || ch === '\n') {
        this.echo('\r\n');
        this.push(`${this.line}\n`);
        this.line = '';
      } else if (ch === '\x7f' || ch === '\b') {
        if (this.line === '') continue;
        this.line = [...this.line].slice(0, -1).join('');
        this.echo('\b \b');
      } else if (ch === '\x15') {
        this.echo('\b \b'.repeat([...this.line].length));
        this.line = '';
      } else if (ch === '\x04') {
        // End of file at the start of a line; otherwise the line so far, without a newline.
        this.push(this.line === '' ? null : this.line);
        this.line = '';
      } else if (ch >= ' ' || ch === '\t') {
        this.line += ch;
        this.echo(ch);
      }
    }
  }

  read(): Promise<string | null> {
    if (this.closed) return Promise.resolve(null);
    if (this.ready.length > 0) return Promise.resolve(this.take());
    return new Promise((resolve) => {
      this.wake = () => resolve(this.closed ? null : this.take());
    });
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  /** What was typed but not read (it goes to the shell's next prompt, as a TTY's buffer does). */
  unread(): string {
    const left = this.ready.filter((chunk): chunk is string => chunk !== null).join('') + this.line;
    this.ready.length = 0;
    this.line = '';
    return left;
  }

  private push(chunk: string | null): void {
    this.ready.push(chunk);
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private take(): string | null {
    const first = this.ready.shift() as string | null;
    if (first === null || !this.raw) return first;
    // Raw keys that came in separate chunks are read together, as a read(2) of a TTY gets them.
    let text = first;
    while (this.ready.length > 0 && this.ready[0] !== null) text += this.ready.shift() as string;
    return text;
  }
}
