// Where sed writes: standard output and error, `w` files, and with -i each file's new contents.
// Writes are bytes; each stream decodes them as UTF-8 on the way out.
import type { OutputStream } from '../../command';
import { Utf8Decoder } from './bytes';
import type { OutputRef } from './program';

/** A destination for bytes. */
export interface Sink {
  write(bytes: string): void;
}

/** A stream (stdout, stderr): bytes are collected and handed over when flushed. */
export class StreamSink implements Sink {
  private pending = '';
  private decoder = new Utf8Decoder();

  constructor(private readonly stream: OutputStream) {}

  write(bytes: string): void {
    this.pending += bytes;
  }

  get buffered(): number {
    return this.pending.length;
  }

  /** Hands what was written to the stream, waiting while a pipe is full. */
  async flush(final = false): Promise<void> {
    const text = this.decoder.write(this.pending) + (final ? this.decoder.end() : '');
    this.pending = '';
    if (text !== '') await this.stream.write(text);
  }
}

/** Bytes kept in memory: a `w` file, or a file being edited in place. */
export class BufferSink implements Sink {
  data = '';

  write(bytes: string): void {
    this.data += bytes;
  }
}

/** An output as GNU's struct output: a sink, and whether a line delimiter is owed to it. */
export class Output implements OutputRef {
  missingNewline = false;

  constructor(
    readonly name: string,
    public sink: Sink,
  ) {}
}

/**
 * Writes `text` (GNU's output_line): first the delimiter a previous unterminated line is owed,
 * then the text, then the delimiter when `nl` (otherwise it is owed from now on).
 */
export function outputLine(out: Output, text: string, nl: boolean, delimiter: string): void {
  let bytes = '';
  if (out.missingNewline) {
    bytes += delimiter;
    out.missingNewline = false;
  }
  bytes += text;
  if (nl) bytes += delimiter;
  else out.missingNewline = true;
  out.sink.write(bytes);
}

/** Writes a delimiter a previous unterminated line is owed (GNU's output_missing_newline). */
export function outputMissingNewline(out: Output, delimiter: string): void {
  if (!out.missingNewline) return;
  out.sink.write(delimiter);
  out.missingNewline = false;
}
