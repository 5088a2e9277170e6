import type { VirtualClock } from './clock';
import type { OutputStream } from './shell/command';
import type { ShellSession } from './shell/session';

/** What running a script needs from its host. */
export interface ScriptHost {
  clock: VirtualClock;
  /** Resolves once the host has run every task that is ready (Node: after setImmediate). */
  settle(): Promise<void>;
}

/**
 * Waits for `work` on the virtual clock: whenever nothing else is left to run, time jumps to the
 * next timer. A script that sleeps an hour thus finishes in milliseconds, and does exactly what
 * it would have done in that hour.
 */
export async function runOnVirtualTime<T>(host: ScriptHost, work: Promise<T>): Promise<T> {
  let done = false;
  const tracked = work.finally(() => {
    done = true;
  });
  for (;;) {
    await host.settle();
    if (done || !host.clock.advanceToNextTimer()) break;
  }
  return tracked;
}

/**
 * Types each line of a script into `session` and writes a transcript to `out`: the line after a
 * `$ ` prompt (a command that goes on over more lines shows them after `> `, as bash's PS2),
 * then what it printed (stdout and stderr in the order written). Stops early if a line exits
 * the shell.
 */
export async function runScript(
  lines: readonly string[],
  session: ShellSession,
  host: ScriptHost,
  out: OutputStream,
): Promise<void> {
  let pending: string | undefined;
  for (const line of lines) {
    if (session.hasExited) break;
    out.write(`${pending === undefined ? '$' : '>'} ${line}\n`);
    const text = pending === undefined ? line : `${pending}\n${line}`;
    if (!session.isComplete(text)) {
      pending = text;
      continue;
    }
    pending = undefined;
    await runOnVirtualTime(host, session.execute(text, out, out));
  }
  if (pending !== undefined && !session.hasExited) await runOnVirtualTime(host, session.execute(pending, out, out));
}
