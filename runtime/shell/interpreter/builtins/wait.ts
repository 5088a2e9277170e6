// `wait`: waits for background jobs (wait.def, jobs.c's wait_for_* functions), reporting each
// job it waited for as it ends; Ctrl-C ends the wait with 130.
import type { CancelSignal } from '../../../cancel';
import type { Job } from '../job';
import { notices } from '../job-report';
import type { Interpreter } from '../interpreter';
import { SIGINT } from '../signal-names';
import { found, parseOptions } from './job-control';
import type { Builtin, BuiltinContext } from './types';

/** What waiting gave: a job's status, or Ctrl-C. */
const INTERRUPTED = 128 + SIGINT;

/** `wait [-fn] [-p var] [id…]`. */
export const wait: Builtin = async (ctx) => {
  const options = parseOptions(ctx, 'fnp:');
  if (typeof options === 'number') return options;
  const { shell } = ctx;
  const { flags, values, operands } = options;
  const setVariable = (pid: number | undefined): void => {
    const name = values.get('p');
    if (name !== undefined && pid !== undefined) shell.state.set(name, String(pid));
  };
  if (flags.has('n')) return waitForAny(ctx, operands, setVariable);
  if (operands.length === 0) return waitForAll(ctx);
  let status = 0;
  let lastPid: number | undefined;
  for (const word of operands) {
    if (/^\d/.test(word)) {
      const pid = Number(word);
      if (!/^\d+$/.test(word)) {
        ctx.stderr.write(`${shell.errorPrefix()}wait: \`${word}': not a pid or valid job spec\n`);
        return 1;
      }
      const job = shell.state.jobs.byPid(pid);
      const saved = shell.state.jobs.reapedStatus(pid);
      if (job) status = await waitForJob(ctx, job);
      else if (saved !== undefined) status = saved;
      else {
        ctx.stderr.write(`${shell.errorPrefix()}wait: pid ${pid} is not a child of this shell\n`);
        status = 127;
      }
      lastPid = pid;
    } else if (word.startsWith('%')) {
      const lookup = shell.state.jobs.lookup(word);
      if (!found(ctx, lookup)) {
        status = 127;
        continue;
      }
      status = await waitForJob(ctx, lookup.job);
      lastPid = lookup.job.lastPid;
    } else {
      ctx.stderr.write(`${shell.errorPrefix()}wait: \`${word}': not a pid or valid job spec\n`);
      status = 1;
    }
    if (status === INTERRUPTED && shell.signal.aborted) return status;
  }
  setVariable(lastPid);
  return status;
};

/** Resolves with 130 when `signal` fires (Ctrl-C during the wait). */
function interrupted(signal: CancelSignal): Promise<number> {
  return new Promise((resolve) => signal.onAbort(() => resolve(INTERRUPTED)));
}

/** Waits for one job, then reports it (bash's wait_for then notify_and_cleanup of that job). */
async function waitForJob(ctx: BuiltinContext, job: Job): Promise<number> {
  const { shell } = ctx;
  if (job.state === 'stopped') {
    ctx.stderr.write(`${shell.errorPrefix()}warning: wait_for_job: job ${job.id} is stopped\n`);
    return 128 + (job.stopSignal ?? 20);
  }
  const status = await Promise.race([job.done, interrupted(shell.signal)]);
  if (job.state === 'done') report(ctx, shell, job);
  return status;
}

function report(ctx: BuiltinContext, shell: Interpreter, job: Job): void {
  ctx.stderr.write(notices(shell.state.jobs, shell.reportPlace(), shell.runtime.services.clock.now(), job));
}

/**
 * `wait`: every running background job, one after the other, each reported as it ends (bash
 * warns about each stopped job every time it looks for the next one); jobs that had already
 * ended are forgotten unreported, as bash does. Always 0 (130 on Ctrl-C).
 */
async function waitForAll(ctx: BuiltinContext): Promise<number> {
  const { shell } = ctx;
  const table = shell.state.jobs;
  const waited = new Set<Job>();
  for (;;) {
    let next: Job | undefined;
    for (const job of table.jobs) {
      if (job.state === 'stopped')
        ctx.stderr.write(`${shell.errorPrefix()}wait: warning: job ${job.id}[${job.lastPid}] stopped\n`);
      // A job this very line killed still counts as running: bash has not seen it die yet.
      const running = job.state === 'running' || job.signalledAt !== undefined;
      if (running && !job.foreground && !waited.has(job)) {
        next = job;
        break;
      }
    }
    if (!next) break;
    waited.add(next);
    if ((await Promise.race([next.done, interrupted(shell.signal)])) === INTERRUPTED && shell.signal.aborted) {
      return INTERRUPTED;
    }
    report(ctx, shell, next);
  }
  for (const job of table.jobs) if (job.state === 'done') table.delete(job);
  return 0;
}

/** `wait -n [id…]`: the next job to end (one already ended and unreported first); 127 if none. */
async function waitForAny(
  ctx: BuiltinContext,
  operands: string[],
  setVariable: (pid: number | undefined) => void,
): Promise<number> {
  const { shell } = ctx;
  const table = shell.state.jobs;
  let candidates = table.jobs.filter((job) => !job.foreground);
  if (operands.length > 0) {
    const wanted = new Set<Job>();
    for (const word of operands) {
      const lookup = /^\d+$/.test(word) ? table.byPid(Number(word)) : undefined;
      const job = lookup ?? (word.startsWith('%') ? table.lookup(word) : undefined);
      if (job && 'id' in job) wanted.add(job);
      else if (job && 'job' in job) wanted.add(job.job);
    }
    if (wanted.size === 0) return 127;
    candidates = candidates.filter((job) => wanted.has(job));
  }
  const ended = candidates.find((job) => job.state === 'done' && !job.notified);
  const running = candidates.filter((job) => job.state === 'running');
  let job = ended;
  if (!job) {
    if (running.length === 0) return 127;
    const first = await Promise.race([
      ...running.map((j) => j.done.then(() => j)),
      interrupted(shell.signal).then(() => undefined),
    ]);
    if (!first) return INTERRUPTED;
    job = first;
  }
  report(ctx, shell, job);
  setVariable(job.lastPid);
  return job.status;
}
