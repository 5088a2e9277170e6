import type { ResponseStream } from './types';

/** A chunk as queued: text, or a JSON value written out as one line only if the text is read. */
type Entry = string | { value: unknown };

/**
 * A push-fed stream of chunks: the producer pushes, the consumer iterates. Values pushed with
 * `pushValue` are serialised only for a consumer that reads text; an in-process consumer that
 * reads `frames` gets the values themselves, shared with the producer and never to be changed.
 */
export class ChunkStream implements ResponseStream {
  private queue: Entry[] = [];
  private waiting: ((result: IteratorResult<Entry>) => void) | undefined;
  private closed = false;
  private readonly onClose: Array<() => void> = [];

  /** Adds a chunk; ignored once closed. */
  push(chunk: string): void {
    this.enqueue(chunk);
  }

  /** Adds one JSON value, read as text as its JSON and a newline; ignored once closed. */
  pushValue(value: unknown): void {
    this.enqueue({ value });
  }

  private enqueue(entry: Entry): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: entry, done: false });
    } else this.queue.push(entry);
  }

  /** Runs `callback` once when the stream closes, from either side. */
  whenClosed(callback: () => void): void {
    if (this.closed) callback();
    else this.onClose.push(callback);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const callback of this.onClose.splice(0)) callback();
    if (this.waiting && this.queue.length === 0) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: undefined, done: true });
    }
  }

  private iterator<T>(map: (entry: Entry) => T): AsyncIterator<T> {
    return {
      next: () => {
        const entry = this.queue.shift();
        if (entry !== undefined) return Promise.resolve({ value: map(entry), done: false });
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          this.waiting = (result) => resolve(result.done ? result : { value: map(result.value), done: false });
        });
      },
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }

  [Symbol.asyncIterator](): AsyncIterator<string> {
    return this.iterator((entry) => (typeof entry === 'string' ? entry : `${JSON.stringify(entry.value)}\n`));
  }

  /** The chunks with pushed values as themselves (see ResponseStream.frames). */
  frames(): AsyncIterable<string | { value: unknown }> {
    return { [Symbol.asyncIterator]: () => this.iterator((entry) => entry) };
  }
}
