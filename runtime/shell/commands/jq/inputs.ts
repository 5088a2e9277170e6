// jq 1.6's input loop (util.c): files are read in turn like fgets does, a line (at most 4095
// bytes) at a time, through one JSON parser shared by all files — so a value may span files —
// counting lines for error positions ("at <stdin>:3"). Standard input arrives asynchronously: a
// read that needs more of it reports `blocked` and the caller waits for the next chunk.
import { JsonParser } from './json-parse';
import { unitBytes, type Value } from './values';

/** Text read like fgets: whole lines of at most 4095 bytes. */
export class LineSource {
  private text = '';
  private pos = 0;
  /** No more text will come. */
  closed: boolean;
  /** fgets hit the end (feof). */
  eof = false;

  constructor(
    text?: string,
    /** Reading fails with this strerror text (a directory opens, but cannot be read). */
    readonly failure?: string,
  ) {
    this.text = text ?? '';
    this.closed = text !== undefined;
  }

  append(chunk: string): void {
    this.text = this.text.slice(this.pos) + chunk;
    this.pos = 0;
  }

  close(): void {
    this.closed = true;
  }

  /** The next line, null at end of input, or `blocked` until more arrives. */
  gets(): string | null | 'blocked' {
    if (this.failure) return null;
    let bytes = 0;
    let end = this.pos;
    let complete = false;
    while (end < this.text.length && !complete) {
      const b = unitBytes(this.text.charCodeAt(end));
      if (bytes + b > 4095) break;
      bytes += b;
      complete = this.text.charCodeAt(end++) === 0x0a;
    }
    // A line is ready at a newline or with the buffer full; else only once the text is all here.
    const ready = complete || end < this.text.length || bytes >= 4095;
    if (!ready) {
      if (!this.closed) return 'blocked';
      this.eof = true;
    }
    const line = this.text.slice(this.pos, end);
    this.pos = end;
    return line === '' ? null : line;
  }
}

export type InputStep = { value: Value } | { error: string } | 'blocked' | undefined;

export interface InputReaderOptions {
  raw: boolean;
  slurp: boolean;
  /** --seq: RS-separated texts; a parse error skips to the next RS. */
  seq: boolean;
  /** --stream: each value as [path, leaf] events (made from whole values here, not while parsing). */
  stream?: (v: Value) => Value[];
  /** Opens a file: its text, or the message to print (and count as a failure). */
  open(name: string): LineSource | { error: string };
  stdin: LineSource;
  /** Where "Could not open" and "Input error" messages go. */
  warn(message: string): void;
}

export class InputReader {
  failures = 0;
  filename: string | undefined;
  line = 0;
  private nextFile = 0;
  private current: LineSource | undefined;
  private readonly parser: JsonParser;
  private slurped: Value[] | string | undefined;
  private pendingLine: string | undefined;
  private events: Value[] = [];

  constructor(
    private readonly files: string[],
    private readonly o: InputReaderOptions,
  ) {
    if (o.slurp) this.slurped = o.raw ? '' : [];
    this.parser = new JsonParser(o.seq);
  }

  /** jq_util_input_read_more: the next line into `buf`; whether this was the last of all input. */
  private readMore(): { buf: string; last: boolean } | 'blocked' {
    const cur = this.current;
    if (!cur || cur.eof || cur.failure) {
      if (cur?.failure && cur.eof) this.o.warn(`Input error: ${cur.failure}\n`);
      if (cur) {
        this.current = undefined;
        this.filename = undefined;
        this.line = 0;
      }
      const name = this.files[this.nextFile];
      if (name !== undefined) {
        this.nextFile++;
        this.line = 0;
        this.filename = name === '-' ? '<stdin>' : name;
        const opened = name === '-' ? this.o.stdin : this.o.open(name);
        if ('error' in opened) {
          this.o.warn(`jq: error: Could not open file ${name}: ${opened.error}\n`);
          this.failures++;
        } else this.current = opened;
      }
    }
    let buf = '';
    const source = this.current;
    if (source) {
      const line = source.gets();
      if (line === 'blocked') return 'blocked';
      if (source.failure && !source.eof) {
        source.eof = true;
        this.failures++;
      }
      if (line !== null) {
        if (line.includes('\n')) this.line++;
        buf = line;
      }
    }
    const exhausted = !this.current || this.current.eof || this.current.failure !== undefined;
    return { buf, last: this.nextFile === this.files.length && exhausted };
  }

  /** The next input: a value (or raw line, or --stream event), a parse error, or the end. */
  read(): InputStep {
    if (!this.o.stream) return this.next();
    if (this.events.length === 0) {
      const step = this.next();
      if (step === undefined || step === 'blocked' || 'error' in step) return step;
      this.events = this.o.stream(step.value);
    }
    return { value: this.events.shift() as Value };
  }

  /** jq_util_input_next_input. */
  private next(): InputStep {
    let last = false;
    let more = false;
    do {
      if (this.o.raw) {
        const r = this.readMore();
        if (r === 'blocked') return r;
        last = r.last;
        if (r.buf === '') continue;
        if (typeof this.slurped === 'string') this.slurped += r.buf;
        else {
          const text = (this.pendingLine ?? '') + r.buf;
          this.pendingLine = undefined;
          if (text.endsWith('\n')) return { value: text.slice(0, -1) };
          this.pendingLine = text;
        }
      } else {
        if (this.parser.remaining() === 0) {
          const r = this.readMore();
          if (r === 'blocked') return r;
          last = r.last;
          this.parser.feed(r.buf, !last);
        }
        const step = this.parser.step();
        if (Array.isArray(this.slurped)) {
          more = this.parser.remaining() > 0;
          if (step && 'value' in step) this.slurped.push(step.value);
          else if (step) return step;
        } else if (step) return step;
      }
    } while (!last || more);
    if (this.slurped !== undefined) {
      const all = this.slurped;
      this.slurped = undefined;
      return { value: all };
    }
    const partial = this.pendingLine;
    this.pendingLine = undefined;
    return partial === undefined ? undefined : { value: partial };
  }

  /** `<stdin>:3`, or `<unknown>` before any file was opened (or after the last closed). */
  position(): string {
    return this.filename === undefined ? '<unknown>' : `${this.filename}:${this.line}`;
  }
}
