import { describe, expect, it } from 'vitest';
import { createSeededRng, NAME_SUFFIX_ALPHABET, randomString, randomUuid } from './rng';

describe('seeded Rng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = createSeededRng('seed');
    const b = createSeededRng('seed');
    const c = createSeededRng('other');
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it('draws name suffixes from Kubernetes alphabet, every letter in use', () => {
    const rng = createSeededRng(1);
    const seen = new Set(randomString(rng, 5000));
    expect([...seen].sort().join('')).toBe([...NAME_SUFFIX_ALPHABET].sort().join(''));
    expect(randomString(rng, 5)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('makes version-4 UUIDs', () => {
    const rng = createSeededRng('uuid');
    for (let i = 0; i < 20; i++) {
      expect(randomUuid(rng)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });
});
