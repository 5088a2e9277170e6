// `kill`: sends signals to jobs and pids, or lists signals (kill.def, common.c's
// display_signal_list). A background job's pids and the shell's own pid are the only processes
// the learner's shell can reach.
import type { Job, JobState } from '../job';
import { ExitSignal } from '../signals';
import {
  decodeSignal,
  MAX_SIGNAL,
  SIGCHLD,
  SIGCONT,
  SIGINT,
  signalName,
  signalTable,
  SIGQUIT,
  SIGSTOP,
  SIGTERM,
  SIGTSTP,
  SIGTTIN,
  SIGTTOU,
  SIGURG,
  SIGWINCH,
} from '../signal-names';
import type { Builtin, BuiltinContext } from './types';

const USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

/** Signals an interactive bash ignores or survives; any other one sent to it ends it. */
const SHELL_SURVIVES = new Set([
  0,
  SIGINT,
  SIGQUIT,
  SIGTERM,
  SIGTSTP,
  SIGTTIN,
  SIGTTOU,
  SIGSTOP,
  SIGCONT,
  SIGCHLD,
  SIGURG,
  SIGWINCH,
]);

export const kill: Builtin = async (ctx) => {
  const { argv, stderr } = ctx;
  let args = argv.slice(1);
  if (args.length === 0) {
    stderr.write(USAGE);
    return 2;
  }
  let listing = false;
  let spec = 'TERM';
  let signal: number | undefined = SIGTERM;
  let sawSignal = false;
  while (args.length > 0) {
    const word = args[0];
    if (word === '-l' || word === '-L') {
      listing = true;
      args = args.slice(1);
    } else if (word === '-s' || word === '-n') {
      if (args.length < 2) {
        stderr.write(`${ctx.shell.errorPrefix()}kill: ${word}: option requires an argument\n`);
        return 1;
      }
      spec = args[1];
      signal = decodeSignal(spec);
      sawSignal = true;
      args = args.slice(2);
    } else if (/^-s[A-Za-z]/.test(word) || /^-n\d/.test(word)) {
      spec = word.slice(2);
      signal = decodeSignal(spec);
      sawSignal = true;
      args = args.slice(1);
    } else if (word === '--') {
      args = args.slice(1);
      break;
    } else if (word === '-?') {
      stderr.write(USAGE);
      return 2;
    } else if (word.startsWith('-') && !sawSignal) {
      spec = word.slice(1);
      signal = decodeSignal(spec);
      sawSignal = true;
      args = args.slice(1);
    } else break;
  }
  if (listing) return listSignals(ctx, args);
  if (signal === undefined) {
    stderr.write(`${ctx.shell.errorPrefix()}kill: ${spec}: invalid signal specification\n`);
    return 1;
  }
  if (args.length === 0) {
    stderr.write(USAGE);
    return 2;
  }
  let succeeded = false;
  for (const word of args) {
    if (/^-?\d+$/.test(word)) succeeded = signalPid(ctx, Number(word), signal) || succeeded;
    else if (word.startsWith('%')) {
      const lookup = ctx.shell.state.jobs.lookup(word);
      if ('job' in lookup) succeeded = signalJob(ctx, lookup.job, lookup.job.pgid, signal) || succeeded;
      else stderr.write(`${ctx.shell.errorPrefix()}kill: ${lookup.name}: ${lookup.error}\n`);
    } else stderr.write(`${ctx.shell.errorPrefix()}kill: ${word}: arguments must be process or job IDs\n`);
  }
  return succeeded ? 0 : 1;
};

/** A pid: one of a job's processes (a negative one names its process group), or the shell itself. */
function signalPid(ctx: BuiltinContext, pid: number, signal: number): boolean {
  const { shell } = ctx;
  if (pid === shell.state.pid) {
    if (SHELL_SURVIVES.has(signal)) return true;
    throw new ExitSignal(128 + signal);
  }
  const job = shell.state.jobs.byPid(Math.abs(pid));
  if (job && (pid > 0 || job.pgid === -pid)) return signalJob(ctx, job, pid, signal);
  ctx.stderr.write(`${shell.errorPrefix()}kill: (${pid}) - No such process\n`);
  return false;
}

function signalJob(ctx: BuiltinContext, job: Job, pid: number, signal: number): boolean {
  if (job.state === 'done') {
    ctx.stderr.write(`${ctx.shell.errorPrefix()}kill: (${pid}) - No such process\n`);
    return false;
  }
  const before = job.state;
  job.deliver(signal);
  const after = stateOf(job);
  if (after !== before) {
    if (after !== 'done') ctx.shell.state.jobs.stateChanged(job);
    job.signalledAt = ctx.shell.runtime.services.clock.now();
  }
  return true;
}

/** A job's state, read afresh (a signal may just have changed it). */
function stateOf(job: Job): JobState {
  return job.state;
}

/** `kill -l [sigspec…]`: the table, or each number's name and each name's number. */
function listSignals(ctx: BuiltinContext, specs: string[]): number {
  const { stdout, stderr } = ctx;
  if (specs.length === 0) {
    stdout.write(signalTable());
    return 0;
  }
  let status = 0;
  for (const spec of specs) {
    if (/^-?\d+$/.test(spec)) {
      // An exit status names the signal that caused it: `kill -l 143` is TERM.
      let n = Number(spec);
      if (n > 128) n -= 128;
      if (n < 0 || n > MAX_SIGNAL) {
        stderr.write(`${ctx.shell.errorPrefix()}kill: ${spec}: invalid signal specification\n`);
        status = 1;
        continue;
      }
      const name = signalName(n);
      if (name !== undefined) stdout.write(`${name}\n`);
      continue;
    }
    const n = decodeSignal(spec);
    if (n === undefined || /^\d/.test(spec)) {
      stderr.write(`${ctx.shell.errorPrefix()}kill: ${spec}: invalid signal specification\n`);
      status = 1;
      continue;
    }
    stdout.write(`${n}\n`);
  }
  return status;
}
