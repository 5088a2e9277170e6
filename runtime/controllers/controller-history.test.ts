import { describe, expect, it } from 'vitest';
import {
  controllerRevisionName,
  goJson,
  hashControllerRevision,
  sortControllerRevisions,
  templatePatch,
} from './controller-history';
import { safeEncodeString } from './pod-template-hash';

describe('controller history', () => {
  it('hashes with FNV-1 (hash/fnv.New32), then the collision count as decimal text', () => {
    // FNV-1 32 of "a" is 0x050c5d7e (FNV-1a would be 0xe40c292c).
    expect(hashControllerRevision('a')).toBe(safeEncodeString(String(0x050c5d7e)));
    // FNV-1 32 of "a0": the probe's digits continue the same hash.
    expect(hashControllerRevision('a', 0)).toBe(hashControllerRevision('a0'));
    expect(hashControllerRevision('a', 1)).not.toBe(hashControllerRevision('a', 0));
  });

  it('marshals as Go does: keys sorted, HTML characters escaped, no spaces', () => {
    expect(goJson({ b: 1, a: ['<x>', { d: true, c: null }], e: 'a&b' })).toBe(
      '{"a":["\\u003cx\\u003e",{"c":null,"d":true}],"b":1,"e":"a\\u0026b"}',
    );
  });

  it('patches the whole template, with a null creationTimestamp as Go writes it', () => {
    const patch = templatePatch({
      spec: { template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'i' }] } } },
    });
    expect(patch.raw).toBe(
      '{"spec":{"template":{"$patch":"replace","metadata":{"creationTimestamp":null,"labels":{"app":"web"}},' +
        '"spec":{"containers":[{"image":"i","name":"c"}]}}}}',
    );
    expect(patch.data).toEqual(JSON.parse(patch.raw));
  });

  it('names revisions <owner>-<hash>, the owner cut to 223 characters', () => {
    expect(controllerRevisionName('web', 'abc')).toBe('web-abc');
    expect(controllerRevisionName('x'.repeat(300), 'h')).toBe(`${'x'.repeat(223)}-h`);
  });

  it('sorts by revision, then creation time, then name', () => {
    const r = (name: string, revision: number, creationTimestamp: string) => ({
      metadata: { name, creationTimestamp },
      revision,
    });
    const sorted = sortControllerRevisions([
      r('c', 2, '2026-01-01T00:00:00Z'),
      r('b', 1, '2026-01-01T00:00:01Z'),
      r('a', 1, '2026-01-01T00:00:01Z'),
      r('d', 1, '2026-01-01T00:00:00Z'),
    ]);
    expect(sorted.map((x) => x.metadata?.name)).toEqual(['d', 'a', 'b', 'c']);
  });
});
