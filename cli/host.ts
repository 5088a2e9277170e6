import { randomBytes } from 'node:crypto';
import { ControlledClock } from '../runtime/clock-control';

/** The runtime's clock on Node's real time and timers, which `minikube clock` can move. */
export function realClock(): ControlledClock {
  return new ControlledClock({
    now: () => Date.now(),
    schedule: (callback, ms) => setTimeout(callback, ms),
    unschedule: (handle) => clearTimeout(handle as NodeJS.Timeout),
  });
}

/** A fresh random seed for the runtime's Rng. */
export function randomSeed(): string {
  return randomBytes(16).toString('hex');
}
