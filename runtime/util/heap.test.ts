import { expect, it } from 'vitest';
import { createSeededRng } from '../rng';
import { Heap } from './heap';

it('pops in the order it was given, ties in any order it likes but none lost', () => {
  const rng = createSeededRng('heap');
  const heap = new Heap<number>((a, b) => a < b);
  const popped: number[] = [];
  const pushed: number[] = [];
  for (let i = 0; i < 2000; i++) {
    if (rng.next() < 0.3 && heap.size > 0) popped.push(heap.pop() as number);
    else {
      const n = rng.int(500);
      pushed.push(n);
      heap.push(n);
    }
  }
  const rest: number[] = [];
  while (heap.size > 0) rest.push(heap.pop() as number);
  expect(rest).toEqual([...rest].sort((a, b) => a - b));
  expect([...popped, ...rest].sort((a, b) => a - b)).toEqual(pushed.sort((a, b) => a - b));
  expect(heap.pop()).toBeUndefined();
});
