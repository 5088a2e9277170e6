// Runs in Chromium, bundled by e2e/idb-harness.js: the storage contract and the IndexedDB
// benchmarks against the browser's real IndexedDB.
import { openDB } from 'idb';
import { Store } from '../runtime/storage/store';
import { BACKEND_CONTRACT } from '../tests/storage-backend-cases';
import { IdbBackend } from '../worker/idb-backend';

let databases = 0;
const fresh = (prefix: string): string => `${prefix}-${Date.now()}-${++databases}`;

/** Every contract case on a fresh IndexedDB database; a failure carries its message. */
export async function runContract(): Promise<Array<{ name: string; error?: string }>> {
  const results = [];
  for (const contractCase of BACKEND_CONTRACT) {
    try {
      await contractCase.run(await IdbBackend.open(fresh('contract')));
      results.push({ name: contractCase.name });
    } catch (error) {
      results.push({ name: contractCase.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}

const record = (i: number): Record<string, unknown> => ({
  metadata: { name: `pod-${i}`, namespace: 'default', labels: { app: 'bench' } },
  spec: { containers: [{ name: 'c', image: 'nginx' }] },
});

/**
 * `count` object writes through the Store (one turn: group commit into one transaction), side by
 * side with a raw idb bulk put of the same records in one strict transaction; then the time to
 * reload the Store from the database. Milliseconds.
 */
export async function benchIndexedDb(count: number): Promise<{ store: number; raw: number; reload: number }> {
  const name = fresh('bench-store');
  const backend = await IdbBackend.open(name);
  const store = await Store.open(backend);
  let start = performance.now();
  const writes = [];
  for (let i = 0; i < count; i++) writes.push(store.create(`core/pods/default/pod-${i}`, record(i)));
  await Promise.all(writes);
  const storeMs = performance.now() - start;
  backend.close();

  const raw = await openDB(fresh('bench-raw'), 1, { upgrade: (db) => db.createObjectStore('records') });
  start = performance.now();
  const tx = raw.transaction('records', 'readwrite', { durability: 'strict' });
  for (let i = 0; i < count; i++)
    void tx.store.put(
      JSON.stringify({ key: `core/pods/default/pod-${i}`, value: record(i) }),
      `objects/core/pods/default/pod-${i}`,
    );
  await tx.done;
  const rawMs = performance.now() - start;
  raw.close();

  start = performance.now();
  const reopened = await Store.open(await IdbBackend.open(name));
  const reload = performance.now() - start;
  if (reopened.range('core/pods/').length !== count) throw new Error('reload lost objects');
  return { store: storeMs, raw: rawMs, reload };
}
