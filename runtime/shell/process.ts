// The streams a shell process reads and writes: standard input as chunks until end of file, and
// writers that may ask the writer to wait (a pipe with a full buffer) or end it (a pipe whose
// reader has gone: EPIPE, which kills the writer as SIGPIPE does).

/** Standard input: chunks of text until end of file. */
export interface InputStream {
  /** The next chunk, or null at end of file; waits until there is one. */
  read(): Promise<string | null>;
  /** The reader is done (it exited): a pipe's writer gets EPIPE from then on. */
  close(): void;
}

/** Standard output or error. Text uses `\n`; a terminal adds the `\r`. */
export interface OutputStream {
  /**
   * Writes `text`. A promise asks the writer to wait before writing more (a pipe's buffer is
   * full); writers that print a lot await it. Throws BrokenPipeError once the reader is gone.
   */
  write(text: string): void | Promise<void>;
}

/** A write to a pipe nobody reads any more: the writer ends as if killed by SIGPIPE. */
export class BrokenPipeError extends Error {
  constructor() {
    super('Broken pipe');
  }
}

/** The exit status of a process killed by SIGPIPE (128 + 13), as bash reports it. */
export const SIGPIPE_STATUS = 141;

/** An input that is at end of file at once (`< /dev/null`, a background job's stdin). */
export const EMPTY_INPUT: InputStream = {
  read: () => Promise.resolve(null),
  close: () => {},
};

/** An input holding `text` and then end of file (a here-string, a file redirected in). */
export function stringInput(text: string): InputStream {
  let pending: string | null = text === '' ? null : text;
  return {
    read() {
      const chunk = pending;
      pending = null;
      return Promise.resolve(chunk);
    },
    close() {
      pending = null;
    },
  };
}

/** Everything left in `input`, up to end of file. */
export async function readAll(input: InputStream): Promise<string> {
  let text = '';
  for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) text += chunk;
  return text;
}

/** The lines of `input` as they arrive, each without its `\n` (a last line without one included). */
export async function* readLines(input: InputStream): AsyncGenerator<string> {
  let buffered = '';
  for (let chunk = await input.read(); chunk !== null; chunk = await input.read()) {
    buffered += chunk;
    let end = buffered.indexOf('\n');
    while (end >= 0) {
      yield buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      end = buffered.indexOf('\n');
    }
  }
  if (buffered !== '') yield buffered;
}

/** How much a pipe holds before its writer waits (Linux pipes hold 64 KiB). */
export const PIPE_CAPACITY = 65_536;

/** The two ends of a pipe. */
export interface Pipe {
  reader: InputStream;
  /** The write end; close() gives the reader end of file once the buffer is read. */
  writer: OutputStream & { close(): void };
}

/**
 * A pipe between two processes of a pipeline: what the writer writes, the reader reads, in
 * order. A writer past the capacity gets a promise that resolves once the reader has taken
 * the text; a write after the reader closed throws BrokenPipeError.
 */
export function createPipe(capacity = PIPE_CAPACITY): Pipe {
  const chunks: string[] = [];
  let buffered = 0;
  let writerClosed = false;
  let readerClosed = false;
  let wakeReader: (() => void) | undefined;
  let drained: Array<() => void> = [];
  const wake = (): void => {
    const resolve = wakeReader;
    wakeReader = undefined;
    resolve?.();
  };
  const release = (): void => {
    if (buffered > capacity) return;
    const waiting = drained;
    drained = [];
    for (const resolve of waiting) resolve();
  };
  const reader: InputStream = {
    async read() {
      while (chunks.length === 0 && !writerClosed && !readerClosed) {
        await new Promise<void>((resolve) => (wakeReader = resolve));
      }
      if (readerClosed || chunks.length === 0) return null;
      const text = chunks.join('');
      chunks.length = 0;
      buffered = 0;
      release();
      return text;
    },
    close() {
      readerClosed = true;
      chunks.length = 0;
      buffered = 0;
      // Writers waiting for room wake up to find the pipe broken.
      const waiting = drained;
      drained = [];
      for (const resolve of waiting) resolve();
    },
  };
  const writer = {
    write(text: string): void | Promise<void> {
      if (readerClosed) throw new BrokenPipeError();
      if (writerClosed || text === '') return;
      chunks.push(text);
      buffered += text.length;
      wake();
      if (buffered <= capacity) return;
      return new Promise<void>((resolve) => drained.push(resolve)).then(() => {
        if (readerClosed) throw new BrokenPipeError();
      });
    },
    close() {
      writerClosed = true;
      wake();
    },
  };
  return { reader, writer };
}
