import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MemoryBackend, type StorageBackend, type StorageWrite } from './backend';
import { Store, StoreError, type StoreEvent } from './store';

/** A backend that counts commits, and can be told to fail. */
class CountingBackend extends MemoryBackend {
  commits: number[] = [];
  failNext = false;
  override async commit(writes: readonly StorageWrite[]): Promise<void> {
    if (this.failNext) throw new Error('disk full');
    this.commits.push(writes.length);
    return super.commit(writes);
  }
}

const storeError = (code: StoreError['code']) => expect.objectContaining({ name: 'StoreError', code });

describe('Store', () => {
  it('creates, reads, updates with compare-and-swap, and deletes, advancing one revision', async () => {
    const store = await Store.open(new MemoryBackend());
    expect(store.revision()).toBe(1);
    const created = await store.create('pods/default/a', { n: 1 });
    expect(created).toEqual({ key: 'pods/default/a', value: { n: 1 }, createRevision: 2, modRevision: 2 });
    expect(() => store.create('pods/default/a', {})).toThrow(storeError('KeyExists'));
    const updated = await store.update('pods/default/a', { n: 2 }, 2);
    expect(updated).toMatchObject({ createRevision: 2, modRevision: 3 });
    expect(() => store.update('pods/default/a', { n: 3 }, 2)).toThrow(storeError('Conflict'));
    expect(() => store.update('pods/default/zz', {})).toThrow(storeError('NotFound'));
    expect(store.get('pods/default/a')?.value).toEqual({ n: 2 });
    await store.delete('pods/default/a');
    expect(store.get('pods/default/a')).toBeUndefined();
    expect(store.revision()).toBe(4);
  });

  it('ranges by prefix in key order, seeing creations and deletions', async () => {
    const store = await Store.open(new MemoryBackend());
    for (const key of ['pods/b/x', 'pods/a/y', 'services/a/s', 'pods/a/x']) await store.create(key, key);
    expect(store.range('pods/a/').map((o) => o.key)).toEqual(['pods/a/x', 'pods/a/y']);
    expect(store.range('pods/').map((o) => o.key)).toEqual(['pods/a/x', 'pods/a/y', 'pods/b/x']);
    await store.delete('pods/a/x');
    await store.create('pods/a/a', 1);
    expect(store.range('pods/a/').map((o) => o.key)).toEqual(['pods/a/a', 'pods/a/y']);
    expect(store.range('nodes/')).toEqual([]);
  });

  it('commits every write of one turn together, and acknowledges each only after its commit', async () => {
    const backend = new CountingBackend();
    const store = await Store.open(backend);
    expect(backend.commits).toEqual([1]); // a new backend is stamped with the storage schema
    const writes = [store.create('k/1', 1), store.create('k/2', 2), store.create('k/3', 3)];
    expect(backend.commits).toEqual([1]);
    await Promise.all(writes);
    expect(backend.commits).toEqual([1, 4]); // three objects and the revision, in one commit
    const reloaded = await Store.open(backend);
    expect(reloaded.revision()).toBe(4);
    expect(reloaded.range('k/').map((o) => o.value)).toEqual([1, 2, 3]);
  });

  it('batches writes made while a commit is running into the next commit', async () => {
    const backend = new CountingBackend();
    const store = await Store.open(backend);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const commit = backend.commit.bind(backend);
    backend.commit = async (writes) => {
      await gate;
      return commit(writes);
    };
    const first = store.create('a', 1);
    await new Promise((resolve) => setImmediate(resolve)); // the first commit is now running
    const later = [store.create('b', 2), store.create('c', 3)];
    release();
    await Promise.all([first, ...later]);
    expect(backend.commits).toEqual([1, 2, 3]); // the schema stamp, then two batches
    expect((await Store.open(backend)).range('').map((o) => o.key)).toEqual(['a', 'b', 'c']);
  });

  it('watches: past events from a revision, then new ones once durable, filtered by prefix', async () => {
    const store = await Store.open(new MemoryBackend());
    await store.create('pods/a', 1);
    const start = store.revision();
    await store.update('pods/a', 2);
    await store.create('nodes/n', 0);
    const seen: StoreEvent[] = [];
    const watch = store.watch('pods/', start, (event) => seen.push(event));
    expect(seen.map((e) => [e.type, e.object.key, e.revision])).toEqual([['put', 'pods/a', 3]]);
    const deleting = store.delete('pods/a');
    expect(seen).toHaveLength(1); // not yet durable
    await deleting;
    expect(seen.map((e) => [e.type, e.object.value, e.revision])).toEqual([
      ['put', 2, 3],
      ['delete', 2, 5],
    ]);
    watch.cancel();
    await store.create('pods/b', 1);
    expect(seen).toHaveLength(2);
  });

  it('hands a triggered watch only the changes whose new or old value gives its value', async () => {
    const store = await Store.open(new MemoryBackend());
    const node = (value: unknown): string => (value as { node?: string }).node ?? '';
    const seen: Record<string, string[]> = { '': [], a: [], b: [], all: [] };
    for (const value of ['', 'a', 'b']) {
      store.watch('pods/', store.revision(), (e) => seen[value].push(`${e.type} ${e.object.key}`), { of: node, value });
    }
    store.watch('pods/', store.revision(), (e) => seen.all.push(`${e.type} ${e.object.key}`));
    await store.create('pods/p', { node: '' });
    await store.update('pods/p', { node: 'a' });
    await store.create('pods/q', { node: 'b' });
    await store.delete('pods/p');
    expect(seen).toEqual({
      '': ['put pods/p', 'put pods/p'],
      a: ['put pods/p', 'delete pods/p'],
      b: ['put pods/q'],
      all: ['put pods/p', 'put pods/p', 'put pods/q', 'delete pods/p'],
    });
  });

  it('refuses watches from compacted revisions', async () => {
    const store = await Store.open(new MemoryBackend(), 2);
    for (let i = 0; i < 5; i++) await store.create(`k/${i}`, i);
    expect(store.compactedRevision()).toBe(4);
    expect(() => store.watch('k/', 3, () => {})).toThrow(storeError('Compacted'));
    const seen: number[] = [];
    store.watch('k/', 4, (e) => seen.push(e.revision));
    expect(seen).toEqual([5, 6]);
  });

  it('after a failed commit, rejects the pending writes and refuses new ones', async () => {
    const backend = new CountingBackend();
    const store = await Store.open(backend);
    await store.create('kept', 1);
    backend.failNext = true;
    await expect(store.create('lost', 2)).rejects.toThrow(storeError('Unavailable'));
    expect(() => store.create('later', 3)).toThrow(storeError('Unavailable'));
    backend.failNext = false;
    expect((await Store.open(backend as StorageBackend)).range('').map((o) => o.key)).toEqual(['kept']);
  });
});

describe('Store ranges', () => {
  it('stay sorted and complete through any mix of creates and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), fc.constantFrom('a/', 'a/b', 'a/c/', 'b/', 'ab/'), fc.nat(20)), {
          maxLength: 60,
        }),
        async (operations) => {
          const store = await Store.open(new MemoryBackend());
          const model = new Set<string>();
          for (const [create, prefix, n] of operations) {
            const key = `${prefix}${n}`;
            store.range(''); // the sorted keys exist before the write, and must follow it
            if (create && !model.has(key)) {
              model.add(key);
              await store.create(key, n);
            } else if (!create && model.has(key)) {
              model.delete(key);
              await store.delete(key);
            }
          }
          for (const prefix of ['', 'a/', 'a/c/', 'ab/', 'b/']) {
            const expected = [...model].filter((k) => k.startsWith(prefix)).sort();
            expect(store.range(prefix).map((o) => o.key)).toEqual(expected);
          }
        },
      ),
      { seed: 7, numRuns: 200 },
    );
  });
});
