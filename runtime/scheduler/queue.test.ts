import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import { backoffDuration, SchedulingQueue } from './queue';

describe('backoffDuration', () => {
  it('doubles from 1 s up to 10 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffDuration(n))).toEqual([0, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});

describe('SchedulingQueue', () => {
  it('moves an unschedulable pod only on an event its rejecting plugin cares about', async () => {
    const clock = new VirtualClock(0);
    const queue = new SchedulingQueue(clock);
    queue.add('default/p', { metadata: { name: 'p' } });
    const info = (await queue.pop())!;
    info.unschedulablePlugins = new Set(['NodeAffinity']);
    queue.addUnschedulable(info);
    expect(queue.where('default/p')).toBe('unschedulable');
    queue.moveOnEvent('AssignedPodDelete');
    expect(queue.where('default/p')).toBe('unschedulable');
    queue.moveOnEvent('NodeAdd');
    // Still backing off (1 s from its failure), but nothing else is active: it is popped early.
    expect(queue.where('default/p')).toBe('backoff');
    expect((await queue.pop())?.attempts).toBe(2);
  });

  it('keeps an errored pod waiting for its whole backoff, and retries leftovers after 5 minutes', async () => {
    const clock = new VirtualClock(0);
    const queue = new SchedulingQueue(clock);
    queue.add('default/e', {});
    const errored = (await queue.pop())!;
    errored.error = true;
    queue.addUnschedulable(errored);
    let next: unknown;
    void queue.pop().then((i) => (next = i));
    clock.advance(999);
    await Promise.resolve();
    expect(next).toBeUndefined();
    clock.advance(1);
    await Promise.resolve();
    expect(next).toBe(errored);

    queue.add('default/u', {});
    const rejected = (await queue.pop())!;
    rejected.unschedulablePlugins = new Set(['NodeResourcesFit']);
    queue.addUnschedulable(rejected);
    clock.advance(5 * 60_000 - 1);
    expect(queue.where('default/u')).toBe('unschedulable');
    clock.advance(1);
    expect(queue.where('default/u')).toBe('active');
    queue.close();
  });
});
