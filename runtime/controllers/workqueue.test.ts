import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { createSeededRng } from '../rng';
import { BucketRateLimiter, defaultControllerRateLimiter, ItemExponentialFailureRateLimiter } from './rate-limiter';
import { WorkQueue } from './workqueue';

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('WorkQueue', () => {
  it('hands items out in order, each once however often it was added', async () => {
    const queue = new WorkQueue<string>(new VirtualClock(0));
    for (const item of ['a', 'b', 'a', 'c', 'b']) queue.add(item);
    expect(queue.len()).toBe(3);
    const got = [(await queue.get()).item, (await queue.get()).item, (await queue.get()).item];
    expect(got).toEqual(['a', 'b', 'c']);
  });

  it('never hands one item to two workers: an add while it is processed waits for done', async () => {
    const queue = new WorkQueue<string>(new VirtualClock(0));
    queue.add('a');
    const first = await queue.get();
    expect(first.item).toBe('a');
    queue.add('a');
    queue.add('a');
    expect(queue.len()).toBe(0);
    let second: string | undefined;
    void queue.get().then((next) => (second = next.item));
    await flush();
    expect(second).toBeUndefined();
    queue.done('a');
    await flush();
    expect(second).toBe('a');
    queue.done('a');
    expect(queue.len()).toBe(0);
  });

  it('keeps one key out of two workers under seeded random load', async () => {
    const clock = new VirtualClock(0);
    const rng = createSeededRng('workqueue');
    const queue = new WorkQueue<string>(clock);
    const active = new Set<string>();
    const processed: string[] = [];
    let overlaps = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        const next = await queue.get();
        if (next.shutdown) return;
        if (active.has(next.item)) overlaps++;
        active.add(next.item);
        await new Promise<void>((resolve) => clock.setTimer(1 + rng.int(20), resolve));
        active.delete(next.item);
        processed.push(next.item);
        queue.done(next.item);
      }
    };
    const workers = Array.from({ length: 5 }, () => worker());
    for (let step = 0; step < 400; step++) {
      queue.add(`key-${rng.int(6)}`);
      if (rng.int(3) === 0) clock.advance(rng.int(10));
      await flush();
    }
    while (clock.advanceToNextTimer()) await flush();
    queue.shutDown();
    await Promise.all(workers);
    expect(overlaps).toBe(0);
    expect(processed.length).toBeGreaterThan(6);
    expect(active.size).toBe(0);
  });

  it('addAfter adds on the clock; an earlier deadline wins, a later one is ignored', async () => {
    const clock = new VirtualClock(0);
    const queue = new WorkQueue<string>(clock);
    queue.addAfter('a', 100);
    queue.addAfter('a', 300);
    queue.addAfter('b', 200);
    queue.addAfter('b', 50);
    queue.addAfter('c', 0);
    expect(queue.len()).toBe(1);
    clock.advance(49);
    expect(queue.len()).toBe(1);
    clock.advance(1);
    expect(queue.len()).toBe(2);
    clock.advance(50);
    expect(queue.len()).toBe(3);
    expect([(await queue.get()).item, (await queue.get()).item, (await queue.get()).item]).toEqual(['c', 'b', 'a']);
    clock.advance(1000);
    expect(queue.len()).toBe(0);
  });

  it('addRateLimited backs off 5 ms · 2^n per item until forget', () => {
    const clock = new VirtualClock(0);
    const queue = new WorkQueue<string>(clock);
    const readyAfter = (): number => {
      const start = clock.now();
      queue.addRateLimited('a');
      let waited = 0;
      while (queue.len() === 0) {
        clock.advance(1);
        waited = clock.now() - start;
      }
      void queue.get();
      queue.done('a');
      return waited;
    };
    expect([readyAfter(), readyAfter(), readyAfter(), readyAfter()]).toEqual([5, 10, 20, 40]);
    expect(queue.numRequeues('a')).toBe(4);
    queue.forget('a');
    expect(queue.numRequeues('a')).toBe(0);
    expect(readyAfter()).toBe(5);
  });

  it('shuts down: adds are ignored, queued items are still handed out, then workers are told', async () => {
    const clock = new VirtualClock(0);
    const queue = new WorkQueue<string>(clock);
    queue.add('a');
    queue.addAfter('late', 10);
    queue.shutDown();
    queue.add('b');
    clock.advance(100);
    expect(await queue.get()).toEqual({ item: 'a', shutdown: false });
    expect(await queue.get()).toEqual({ shutdown: true });
  });
});

describe('rate limiters', () => {
  it('exponential per item: 5 ms doubling, capped at 1000 s', () => {
    const limiter = new ItemExponentialFailureRateLimiter<string>(5, 1_000_000);
    const delays = Array.from({ length: 20 }, () => limiter.when('x'));
    expect(delays.slice(0, 5)).toEqual([5, 10, 20, 40, 80]);
    expect(delays[17]).toBe(655_360);
    expect(delays[18]).toBe(1_000_000);
    expect(limiter.when('y')).toBe(5);
  });

  it('token bucket: a burst of 100, then 10 a second', () => {
    const clock = new VirtualClock(0);
    const bucket = new BucketRateLimiter<number>(clock, 10, 100);
    const delays = Array.from({ length: 102 }, (_, i) => bucket.when(i));
    expect(delays.slice(0, 100).every((d) => d === 0)).toBe(true);
    expect(delays[100]).toBeCloseTo(100);
    expect(delays[101]).toBeCloseTo(200);
    clock.advance(10_000);
    expect(bucket.when(0)).toBe(0);
  });

  it('the default controller limiter is the larger of the two', () => {
    const clock = new VirtualClock(0);
    const limiter = defaultControllerRateLimiter<number>(clock);
    // 100 distinct items use up the burst at 5 ms each; the 101st waits for the bucket.
    const delays = Array.from({ length: 101 }, (_, i) => limiter.when(i));
    expect(delays[0]).toBe(5);
    expect(delays[99]).toBe(5);
    expect(delays[100]).toBeCloseTo(100);
    expect(limiter.numRequeues(0)).toBe(1);
  });
});
