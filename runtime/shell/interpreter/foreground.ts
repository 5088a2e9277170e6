// Job control's two ways into the job table: `cmd &` starts a background job at once; a
// foreground process of an interactive shell runs as a job-to-be that Ctrl-Z can stop, and only
// then joins the table (bash numbers it at that point too: the next free slot).
import { EMPTY_INPUT } from '../process';
import type { AndOr } from '../syntax/ast';
import { processTexts } from './command-text';
import type { Interpreter } from './interpreter';
import { checkFork } from './processes';
import { Job, JobInput, type JobProcess } from './job';
import { notices } from './job-report';
import { BreakSignal } from './signals';
import { SIGTSTP } from './signal-names';
import { outputOf, type Fds, type Stream } from './streams';

/** The exit status of a job stopped by SIGTSTP (128 + 20). */
export const STOPPED_STATUS = 128 + SIGTSTP;

/** The session's side of job control: the job that has the terminal, which Ctrl-Z stops. */
export interface ForegroundSlot {
  job: Job | undefined;
}

/** `cmd &`: runs `andOr` in a subshell as a new job, and says `[n] PID` in an interactive shell. */
export function startBackground(shell: Interpreter, andOr: AndOr, fds: Fds): void {
  const { runtime, state } = shell;
  // The fork happens here, in the parent: past the process limit the command line ends.
  checkFork(runtime);
  const processes: JobProcess[] = processTexts(andOr).map((text) => ({ pid: runtime.nextPid(), text }));
  const job = new Job(processes, state.cwd, runtime.services.clock);
  const process = shell.subshell(job.signal, job);
  const own = new Map<number, Stream>(job.gate(fds));
  own.set(0, EMPTY_INPUT);
  job.track(process.runProcess(() => process.runAndOr(andOr, own), own));
  state.jobs.add(job, true);
  state.lastBackgroundPid = job.lastPid;
  if (runtime.interactive && !shell.isSubshell) outputOf(fds, 2).write(`[${job.id}] ${job.lastPid}\n`);
}

/**
 * Whether `shell` runs its forked commands as foreground jobs: only an interactive line's own
 * shell does (not a command substitution's subshell, nor a shell already inside a job).
 */
export function controlsJobs(shell: Interpreter): boolean {
  const { runtime } = shell;
  return runtime.foreground !== undefined && runtime.terminal !== undefined && !shell.isSubshell && !shell.job;
}

/**
 * Runs a foreground process (`texts`: one per command of its pipeline) as a job: `work` gets a
 * subshell bound to the job and descriptors the job can be stopped on. Resolves with its status,
 * or with 148 once Ctrl-Z stops it, after the `[n]+  Stopped` notice; a stop breaks out of every
 * loop the shell is in, as bash's does.
 */
export async function runForeground(
  shell: Interpreter,
  texts: string[],
  fds: Fds,
  work: (process: Interpreter, fds: Fds) => Promise<number>,
): Promise<number> {
  const { runtime, state } = shell;
  const slot = runtime.foreground as ForegroundSlot;
  const job = new Job(
    texts.map((text) => ({ pid: 0, text })),
    state.cwd,
    runtime.services.clock,
    true,
  );
  const own = new Map<number, Stream>(job.gate(fds));
  const input = fds.get(0);
  if (input && 'read' in input) {
    job.input = new JobInput(job, input);
    own.set(0, job.input);
    job.readsTerminal = input === runtime.terminal?.input;
  }
  const process = shell.subshell(job.signal, job);
  const run = work(process, own);
  job.track(run);
  const outcome = await foregroundOutcome(job, run, slot, shell);
  if (outcome !== 'stopped') {
    state.pipeStatus = process.state.pipeStatus;
    return outcome;
  }
  for (const p of job.processes) p.pid = runtime.nextPid();
  job.foreground = false;
  state.jobs.add(job, false);
  state.jobs.stateChanged(job);
  outputOf(fds, 2).write(notices(state.jobs, shell.reportPlace(), runtime.services.clock.now(), job));
  state.pipeStatus = [STOPPED_STATUS];
  if (shell.loopDepth > 0) throw new BreakSignal(shell.loopDepth, STOPPED_STATUS);
  return STOPPED_STATUS;
}

/**
 * Waits, with `job` holding the terminal, until it ends (its status) or stops ('stopped').
 * Ctrl-C on `shell`'s command line interrupts it meanwhile. `fg` waits the same way.
 */
export async function foregroundOutcome(
  job: Job,
  run: Promise<number> | undefined,
  slot: ForegroundSlot | undefined,
  shell: Interpreter,
): Promise<number | 'stopped'> {
  const previous = slot?.job;
  if (slot) slot.job = job;
  const unfollow = job.followInterrupts(shell.signal);
  let unsubscribe = (): void => {};
  const stopped = new Promise<'stopped'>((resolve) => (unsubscribe = job.onStop(() => resolve('stopped'))));
  try {
    return await Promise.race(run ? [run, job.done, stopped] : [job.done, stopped]);
  } finally {
    unsubscribe();
    unfollow();
    if (slot) slot.job = previous;
  }
}
