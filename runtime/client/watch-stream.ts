import type { KubeObject } from '../api/object';
import type { Status } from '../api/status';
import type { ResponseStream } from '../api/types';

/** One event of a watch, decoded (watch.Event): an object change, a bookmark, or an error Status. */
export type WatchEvent<T extends KubeObject = KubeObject> =
  { type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK'; object: T } | { type: 'ERROR'; object: Status };

/** A watch as a client reads it: events until the server ends it or the client closes it. */
export interface WatchStream<T extends KubeObject = KubeObject> extends AsyncIterable<WatchEvent<T>> {
  /** Stops the watch; the iteration ends. */
  close(): void;
}

/**
 * Decodes a watch body, newline-delimited JSON `{"type","object"}` frames, whatever the chunking
 * (a frame may arrive split across chunks, or several in one), as client-go's StreamWatcher does.
 * From an in-process server that offers its frames as values, the events are those values,
 * unparsed: their objects are shared with the server and every other watcher, and are read-only.
 */
export function decodeWatch<T extends KubeObject>(stream: ResponseStream): WatchStream<T> {
  return {
    close: () => stream.close(),
    async *[Symbol.asyncIterator](): AsyncGenerator<WatchEvent<T>> {
      let buffer = '';
      try {
        for await (const chunk of stream.frames?.() ?? stream) {
          if (typeof chunk !== 'string') {
            yield chunk.value as WatchEvent<T>;
            continue;
          }
          buffer += chunk;
          for (let end = buffer.indexOf('\n'); end >= 0; end = buffer.indexOf('\n')) {
            const line = buffer.slice(0, end).trim();
            buffer = buffer.slice(end + 1);
            if (line) yield JSON.parse(line) as WatchEvent<T>;
          }
        }
        const rest = buffer.trim();
        if (rest) yield JSON.parse(rest) as WatchEvent<T>;
      } finally {
        stream.close();
      }
    },
  };
}
