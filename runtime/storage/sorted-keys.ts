/** Chunks split when they pass this size, so an insert or delete moves at most this many keys. */
const MAX_CHUNK = 1024;

/** The index of the first key not below `key` in sorted `keys`. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A sorted set of keys in chunks of at most MAX_CHUNK: a write splices one chunk, not the
 * whole key space, and a range starts with two binary searches.
 */
export class SortedKeys {
  private readonly chunks: string[][] = [];

  constructor(sorted: readonly string[]) {
    for (let i = 0; i < sorted.length; i += MAX_CHUNK / 2) this.chunks.push(sorted.slice(i, i + MAX_CHUNK / 2));
  }

  /** Adds `key` (which must not be present). */
  insert(key: string): void {
    if (this.chunks.length === 0) {
      this.chunks.push([key]);
      return;
    }
    const c = Math.min(this.chunkFor(key), this.chunks.length - 1);
    const chunk = this.chunks[c];
    chunk.splice(lowerBound(chunk, key), 0, key);
    if (chunk.length > MAX_CHUNK) this.chunks.splice(c + 1, 0, chunk.splice(MAX_CHUNK / 2));
  }

  /** Removes `key` if present. */
  delete(key: string): void {
    const c = this.chunkFor(key);
    const chunk = this.chunks[c];
    if (!chunk) return;
    const at = lowerBound(chunk, key);
    if (chunk[at] !== key) return;
    chunk.splice(at, 1);
    if (chunk.length === 0) this.chunks.splice(c, 1);
  }

  /** The keys starting with `prefix`, in order. */
  *withPrefix(prefix: string): Generator<string> {
    const first = this.chunkFor(prefix);
    for (let c = first; c < this.chunks.length; c++) {
      const chunk = this.chunks[c];
      for (let i = c === first ? lowerBound(chunk, prefix) : 0; i < chunk.length; i++) {
        if (!chunk[i].startsWith(prefix)) return;
        yield chunk[i];
      }
    }
  }

  /** The first chunk whose last key is not below `key` (the chunk count when there is none). */
  private chunkFor(key: string): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = this.chunks[mid];
      if (chunk[chunk.length - 1] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
