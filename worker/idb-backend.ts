import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { StorageBackend, StorageWrite } from '../runtime/storage/backend';

/** The persisted schema's version; each change to it comes with a migration in `upgrade`. */
export const SCHEMA_VERSION = 1;

interface KubeplaySchema extends DBSchema {
  /** Each record is the JSON text of its value: the same semantics as the memory backend. */
  records: { key: string; value: string };
}

/**
 * The runtime's storage in IndexedDB: one object store of JSON texts keyed by path. Each
 * commit is one transaction with strict durability, so a write is acknowledged only once it is
 * on disk and survives a crash or a closed tab.
 */
export class IdbBackend implements StorageBackend {
  private constructor(private readonly db: IDBPDatabase<KubeplaySchema>) {}

  /** Opens (creating or upgrading) the database `name`. */
  static async open(name = 'kubeplay'): Promise<IdbBackend> {
    const db = await openDB<KubeplaySchema>(name, SCHEMA_VERSION, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) database.createObjectStore('records');
      },
    });
    return new IdbBackend(db);
  }

  async scan(prefix: string): Promise<Array<[string, unknown]>> {
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const tx = this.db.transaction('records', 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(range), tx.store.getAll(range), tx.done]);
    return keys.map((key, i) => [key, JSON.parse(values[i]) as unknown]);
  }

  async commit(writes: readonly StorageWrite[]): Promise<void> {
    if (writes.length === 0) return;
    // Serialise before the transaction opens, so a value JSON cannot hold fails the whole batch.
    const staged = writes.map((w) => ('delete' in w ? { key: w.key } : { key: w.key, json: JSON.stringify(w.value) }));
    const tx = this.db.transaction('records', 'readwrite', { durability: 'strict' });
    const requests = staged.map((w) => (w.json === undefined ? tx.store.delete(w.key) : tx.store.put(w.json, w.key)));
    await Promise.all([...requests, tx.done]);
  }

  /** Closes the connection; the backend cannot be used afterwards. */
  close(): void {
    this.db.close();
  }
}
