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

/**
 * A backend that keeps records in memory: for tests, scripts and `serve` without --state. A frozen
 * value is taken as frozen through (the convention of api/object.ts's deepFreeze, which the
 * store's writes keep) and kept as it is, since nothing can change it; any other value is kept
 * as its JSON text.
 */
export class MemoryBackend implements StorageBackend {
  private records = new Map<string, { json: string } | { frozen: unknown }>();

  async scan(prefix: string): Promise<Array<[string, unknown]>> {
    return [...this.records.keys()]
      .filter((key) => key.startsWith(prefix))
      .sort()
      .map((key) => {
        const record = this.records.get(key) as { json: string } | { frozen: unknown };
        const json = 'json' in record ? record.json : JSON.stringify(record.frozen);
        return [key, JSON.parse(json) as unknown];
      });
  }

  async commit(writes: readonly StorageWrite[]): Promise<void> {
    // Serialise first so that a value JSON cannot hold fails the whole batch, not half of it.
    const staged = writes.map((w) => {
      if ('delete' in w) return { key: w.key };
      const { value } = w;
      const frozen = typeof value === 'object' && value !== null && Object.isFrozen(value);
      return { key: w.key, record: frozen ? { frozen: value } : { json: JSON.stringify(value) } };
    });
    for (const w of staged) {
      if (w.record === undefined) this.records.delete(w.key);
      else this.records.set(w.key, w.record);
    }
  }
}
