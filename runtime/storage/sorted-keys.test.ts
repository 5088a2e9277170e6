import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../rng';
import { SortedKeys } from './sorted-keys';

describe('SortedKeys', () => {
  it('keeps the same order and prefix ranges as a sorted array through thousands of inserts and deletes', () => {
    const rng = createSeededRng('sorted-keys');
    const reference = new Set<string>();
    const keys = new SortedKeys([]);
    for (let step = 0; step < 6000; step++) {
      const key = `/registry/${['pods', 'events', 'nodes'][Math.floor(rng.next() * 3)]}/ns/${Math.floor(rng.next() * 3000)}`;
      if (reference.has(key) && rng.next() < 0.4) {
        reference.delete(key);
        keys.delete(key);
      } else if (!reference.has(key)) {
        reference.add(key);
        keys.insert(key);
      }
    }
    const sorted = [...reference].sort();
    for (const prefix of [
      '',
      '/registry/',
      '/registry/events/',
      '/registry/nodes/ns/1',
      '/registry/pods/ns/29',
      '/x',
    ]) {
      expect([...keys.withPrefix(prefix)]).toEqual(sorted.filter((k) => k.startsWith(prefix)));
    }
    expect(reference.size).toBeGreaterThan(2048);
  });

  it('starts from keys already sorted and deletes what it does not hold without harm', () => {
    const keys = new SortedKeys(['a', 'b', 'c']);
    keys.delete('bb');
    keys.delete('z');
    keys.insert('bb');
    expect([...keys.withPrefix('')]).toEqual(['a', 'b', 'bb', 'c']);
    expect([...keys.withPrefix('b')]).toEqual(['b', 'bb']);
  });
});
