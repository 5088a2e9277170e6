// The places sed reads lines from: a file's bytes, standard input as it arrives, or a directory
// (which opens fine but fails on the first read, as on Linux).
import type { InputStream } from '../../command';
import { toBytes } from './bytes';
import { panic } from './script';

export interface Line {
  text: string;
  /** Whether a delimiter ended the line (GNU's chomped). */
  chomped: boolean;
}

export interface Source {
  /** The name `F` prints: the operand, or `-` for standard input. */
  readonly name: string;
  /** The next line without its delimiter, or null at end of input. */
  readLine(delimiter: string): Promise<Line | null>;
  /** Whether anything is left to read (GNU's getc/ungetc peek). */
  hasMore(): Promise<boolean>;
}

/** A file read whole from the filesystem. */
export class BytesSource implements Source {
  private pos = 0;

  constructor(
    readonly name: string,
    private readonly data: string,
  ) {}

  async readLine(delimiter: string): Promise<Line | null> {
    return this.next(delimiter);
  }

  /** The next line, synchronously. */
  next(delimiter: string): Line | null {
    if (this.pos >= this.data.length) return null;
    const end = this.data.indexOf(delimiter, this.pos);
    const text = this.data.slice(this.pos, end < 0 ? undefined : end);
    this.pos = end < 0 ? this.data.length : end + 1;
    return { text, chomped: end >= 0 };
  }

  /** The next line with its delimiter, as R reads it. */
  nextRaw(delimiter: string): string | null {
    const line = this.next(delimiter);
    return line && line.text + (line.chomped ? delimiter : '');
  }

  rewind(): void {
    this.pos = 0;
  }

  async hasMore(): Promise<boolean> {
    return this.pos < this.data.length;
  }
}

/** A directory given as input: reading it is an I/O error, peeking finds nothing. */
export class DirectorySource implements Source {
  constructor(readonly name: string) {}

  async readLine(): Promise<Line | null> {
    throw panic(`read error on ${this.name}: Is a directory`);
  }

  async hasMore(): Promise<boolean> {
    return false;
  }
}

/** Standard input, read chunk by chunk as lines are needed (so `sed 5q` ends an endless pipe). */
export class StreamSource implements Source {
  readonly name = '-';
  private buffer = '';
  private pos = 0;
  private eof = false;
  /** A high surrogate that ended a chunk, kept to pair with the next. */
  private halfChar = '';

  constructor(
    private readonly stream: InputStream,
    /** Called before waiting for more input, so what is written so far is seen first. */
    private readonly beforeWait: () => Promise<void>,
  ) {}

  private async more(): Promise<boolean> {
    if (this.eof) return false;
    await this.beforeWait();
    const chunk = await this.stream.read();
    if (chunk === null) {
      this.eof = true;
      const added = this.halfChar !== '';
      this.buffer = this.buffer.slice(this.pos) + toBytes(this.halfChar);
      this.pos = 0;
      this.halfChar = '';
      return added;
    }
    let text = this.halfChar + chunk;
    this.halfChar = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.halfChar = text[text.length - 1];
      text = text.slice(0, -1);
    }
    this.buffer = this.buffer.slice(this.pos) + toBytes(text);
    this.pos = 0;
    return true;
  }

  async readLine(delimiter: string): Promise<Line | null> {
    for (;;) {
      const end = this.buffer.indexOf(delimiter, this.pos);
      if (end >= 0) {
        const text = this.buffer.slice(this.pos, end);
        this.pos = end + 1;
        return { text, chomped: true };
      }
      if (!(await this.more())) {
        if (this.pos >= this.buffer.length) return null;
        const text = this.buffer.slice(this.pos);
        this.pos = this.buffer.length;
        return { text, chomped: false };
      }
    }
  }

  async hasMore(): Promise<boolean> {
    while (this.pos >= this.buffer.length) if (!(await this.more())) return false;
    return true;
  }

  /** Everything left (`r /dev/stdin`). */
  async rest(): Promise<string> {
    while (await this.more());
    const text = this.buffer.slice(this.pos);
    this.pos = this.buffer.length;
    return text;
  }
}
