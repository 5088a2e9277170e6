import { randomBytes } from 'node:crypto';
import { createHostClock, type Clock } from '../runtime/clock';

/** The runtime's clock on Node's real time and timers. */
export function realClock(): Clock {
  return createHostClock({
    now: () => Date.now(),
    schedule: (callback, ms) => setTimeout(callback, ms),
    unschedule: (handle) => clearTimeout(handle as NodeJS.Timeout),
  });
}

/** A fresh random seed for the runtime's Rng. */
export function randomSeed(): string {
  return randomBytes(16).toString('hex');
}
