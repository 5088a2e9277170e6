import type { StorageBackend } from '../runtime/storage/backend';

/** Fails with both values shown unless they are the same JSON. */
function assertEqual(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

async function assertRejects(promise: Promise<unknown>, what: string): Promise<void> {
  let rejected = false;
  await promise.catch(() => (rejected = true));
  if (!rejected) throw new Error(`${what}: expected a rejection`);
}

/**
 * The behaviour every StorageBackend keeps, as plain async checks with no test framework, so the
 * same cases run under vitest in Node (memory, fake-indexeddb) and in Chromium (real IndexedDB).
 */
export const BACKEND_CONTRACT: Array<{ name: string; run(backend: StorageBackend): Promise<void> }> = [
  {
    name: 'scans by prefix in key order',
    async run(backend) {
      await backend.commit([
        { key: 'b/2', value: { n: 2 } },
        { key: 'a/1', value: 'one' },
        { key: 'b/1', value: [1] },
        { key: 'bb', value: null },
      ]);
      assertEqual(
        await backend.scan('b/'),
        [
          ['b/1', [1]],
          ['b/2', { n: 2 }],
        ],
        'scan b/',
      );
      assertEqual(
        (await backend.scan('')).map(([key]) => key),
        ['a/1', 'b/1', 'b/2', 'bb'],
        'scan all',
      );
      assertEqual(await backend.scan('zz'), [], 'scan nothing');
    },
  },
  {
    name: 'overwrites and deletes',
    async run(backend) {
      await backend.commit([{ key: 'k/1', value: 'old' }]);
      await backend.commit([
        { key: 'k/1', value: 'new' },
        { key: 'k/2', value: 'two' },
      ]);
      await backend.commit([{ key: 'k/2', delete: true }]);
      assertEqual(await backend.scan('k/'), [['k/1', 'new']], 'after overwrite and delete');
    },
  },
  {
    name: 'returns copies, not the stored values themselves',
    async run(backend) {
      const value = { list: [1] };
      await backend.commit([{ key: 'c', value }]);
      value.list.push(2);
      const [[, stored]] = await backend.scan('c');
      (stored as { list: number[] }).list.push(3);
      assertEqual(await backend.scan('c'), [['c', { list: [1] }]], 'stored value');
    },
  },
  {
    name: 'applies a batch whole or not at all',
    async run(backend) {
      await backend.commit([{ key: 'x/1', value: 1 }]);
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      await assertRejects(
        backend.commit([
          { key: 'x/1', value: 'changed' },
          { key: 'x/2', value: cyclic },
        ]),
        'a batch with a value JSON cannot hold',
      );
      assertEqual(await backend.scan('x/'), [['x/1', 1]], 'after the failed batch');
    },
  },
  {
    name: 'keeps unicode keys and values exactly',
    async run(backend) {
      await backend.commit([{ key: 'u/你好', value: { s: 'é\u0301 🚀' } }]);
      assertEqual(await backend.scan('u/'), [['u/你好', { s: 'é\u0301 🚀' }]], 'unicode');
    },
  },
];
