/**
 * Where the runtime's durable state goes. A backend is a sorted key-value map of JSON values
 * with atomic multi-key commits: the memory backend here; IndexedDB in worker/ (it needs the
 * browser's types, which runtime/ does not compile against).
 */
export type StorageWrite = { key: string; value: unknown } | { key: string; delete: true };

/** The contract every backend keeps (tests/storage-backend.contract.ts checks it). */
export interface StorageBackend {
  /** Every record whose key starts with `prefix`, in ascending key order. */
  scan(prefix: string): Promise<Array<[string, unknown]>>;
  /** Applies all writes or none; resolves only once they are durable. */
  commit(writes: readonly StorageWrite[]): Promise<void>;
}

/** A backend that keeps records in memory: for tests, scripts and `serve` without --state. */
export class MemoryBackend implements StorageBackend {
  private records = new Map<string, string>();

  async scan(prefix: string): Promise<Array<[string, unknown]>> {
    return [...this.records.keys()]
      .filter((key) => key.startsWith(prefix))
      .sort()
      .map((key) => [key, JSON.parse(this.records.get(key) as string) as unknown]);
  }

  async commit(writes: readonly StorageWrite[]): Promise<void> {
    // Serialise first so that a value JSON cannot hold fails the whole batch, not half of it.
    const staged = writes.map((w) => ('delete' in w ? { key: w.key } : { key: w.key, json: JSON.stringify(w.value) }));
    for (const w of staged) {
      if (w.json === undefined) this.records.delete(w.key);
      else this.records.set(w.key, w.json);
    }
  }
}
