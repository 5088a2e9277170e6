import type { StorageBackend, StorageWrite } from './backend';

/**
 * The layout of what the store keeps in a backend. Each change gets a new number and a
 * migration below, so a cluster saved by an older kubeplay opens in a newer one.
 *
 * 1. `meta/revision` → the revision; `objects/<key>` → {key, value, createRevision, modRevision}.
 * 2. `meta/schema` → 2 is written; object records no longer repeat their key in the value.
 */
export const STORE_SCHEMA = 2;

export const SCHEMA_KEY = 'meta/schema';
export const OBJECT_PREFIX = 'objects/';

/** An object record as schema 2 keeps it; the key is the record's own key. */
export interface ObjectRecord {
  value: unknown;
  createRevision: number;
  modRevision: number;
}

/** Each migration reads schema N and returns the writes that make it N+1. */
const MIGRATIONS: Record<number, (backend: StorageBackend) => Promise<StorageWrite[]>> = {
  1: async (backend) =>
    (await backend.scan(OBJECT_PREFIX)).map(([key, record]) => {
      const { value, createRevision, modRevision } = record as ObjectRecord & { key: string };
      return { key, value: { value, createRevision, modRevision } };
    }),
};

/** The schema the backend's records are in: schema 1 had no version record. */
async function schemaOf(backend: StorageBackend): Promise<number> {
  const [version] = await backend.scan(SCHEMA_KEY);
  if (version) return Number(version[1]);
  const [first] = await backend.scan('');
  return first ? 1 : 0;
}

/**
 * Brings the backend's records up to STORE_SCHEMA, one committed step per version (so a crash
 * mid-way resumes from the last step), and stamps an empty backend with the current schema.
 */
export async function migrate(backend: StorageBackend): Promise<void> {
  let version = await schemaOf(backend);
  if (version > STORE_SCHEMA) {
    throw new Error(`the saved cluster has storage schema ${version}, newer than this kubeplay's ${STORE_SCHEMA}`);
  }
  if (version === 0) {
    await backend.commit([{ key: SCHEMA_KEY, value: STORE_SCHEMA }]);
    return;
  }
  for (; version < STORE_SCHEMA; version++) {
    const writes = await MIGRATIONS[version](backend);
    await backend.commit([...writes, { key: SCHEMA_KEY, value: version + 1 }]);
  }
}
