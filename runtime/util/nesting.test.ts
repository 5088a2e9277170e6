import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { nestingDepth } from './nesting';

describe('nestingDepth', () => {
  it.each([
    ['a: 1', 1],
    ['{"a": [1, {"b": 2}]}', 4],
    ['a:\n  b:\n    c: 1\n  d: 2\n', 3],
    ['a: "[[[["\nb: \'{{{\'', 1],
    ['- [a, [b]]\n- c', 3],
  ])('%j nests %i deep', (text, depth) => {
    expect(nestingDepth(text)).toBe(depth);
  });

  it('is never below the depth the yaml parser sees', () => {
    const deep = (n: number): unknown => (n === 0 ? 1 : { k: [deep(n - 1)] });
    for (const n of [1, 5, 40]) {
      const text = JSON.stringify(deep(n));
      expect(nestingDepth(text)).toBeGreaterThanOrEqual(2 * n);
      expect(parse(text)).toEqual(deep(n));
    }
  });
});
