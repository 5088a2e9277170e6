import type { ResponseStream } from './types';

/** A push-fed stream of chunks: the producer pushes, the consumer iterates. */
export class ChunkStream implements ResponseStream {
  private queue: string[] = [];
  private waiting: ((result: IteratorResult<string>) => void) | undefined;
  private closed = false;
  private readonly onClose: Array<() => void> = [];

  /** Adds a chunk; ignored once closed. */
  push(chunk: string): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = undefined;
      resolve({ value: chunk, done: false });
    } else this.queue.push(chunk);
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

  [Symbol.asyncIterator](): AsyncIterator<string> {
    return {
      next: () => {
        const chunk = this.queue.shift();
        if (chunk !== undefined) return Promise.resolve({ value: chunk, done: false });
        if (this.closed) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (this.waiting = resolve));
      },
      return: () => {
        this.close();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
  }
}
