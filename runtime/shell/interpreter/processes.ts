import type { ShellRuntime } from './interpreter';
import { ShellError } from './signals';

/** How many processes a session may have alive at once (its `ulimit -u`). */
export const MAX_PROCESSES = 256;

/** Throws bash's fork failure when the session has MAX_PROCESSES alive. */
export function checkFork(runtime: ShellRuntime): void {
  if ((runtime.processes ?? 0) >= MAX_PROCESSES) throw new ShellError('fork: Resource temporarily unavailable', 254);
}
