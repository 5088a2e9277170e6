import { describe, expect, it } from 'vitest';
import type { StorageBackend } from '../runtime/storage/backend';

/** The behaviour every StorageBackend keeps; each backend's test file runs it. */
export function describeBackendContract(name: string, open: () => Promise<StorageBackend>): void {
  describe(`${name} keeps the StorageBackend contract`, () => {
    it('scans by prefix in key order', async () => {
      const backend = await open();
      await backend.commit([
        { key: 'b/2', value: { n: 2 } },
        { key: 'a/1', value: 'one' },
        { key: 'b/1', value: [1] },
        { key: 'bb', value: null },
      ]);
      expect(await backend.scan('b/')).toEqual([
        ['b/1', [1]],
        ['b/2', { n: 2 }],
      ]);
      expect((await backend.scan('')).map(([key]) => key)).toEqual(['a/1', 'b/1', 'b/2', 'bb']);
      expect(await backend.scan('zz')).toEqual([]);
    });

    it('overwrites and deletes', async () => {
      const backend = await open();
      await backend.commit([{ key: 'k/1', value: 'old' }]);
      await backend.commit([
        { key: 'k/1', value: 'new' },
        { key: 'k/2', value: 'two' },
      ]);
      await backend.commit([{ key: 'k/2', delete: true }]);
      expect(await backend.scan('k/')).toEqual([['k/1', 'new']]);
    });

    it('returns copies, not the stored values themselves', async () => {
      const backend = await open();
      const value = { list: [1] };
      await backend.commit([{ key: 'c', value }]);
      value.list.push(2);
      const [[, stored]] = await backend.scan('c');
      (stored as { list: number[] }).list.push(3);
      expect(await backend.scan('c')).toEqual([['c', { list: [1] }]]);
    });

    it('applies a batch whole or not at all', async () => {
      const backend = await open();
      await backend.commit([{ key: 'x/1', value: 1 }]);
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      await expect(
        backend.commit([
          { key: 'x/1', value: 'changed' },
          { key: 'x/2', value: cyclic },
        ]),
      ).rejects.toThrow();
      expect(await backend.scan('x/')).toEqual([['x/1', 1]]);
    });
  });
}
