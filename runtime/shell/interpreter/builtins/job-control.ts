// jobs, fg, bg, disown: bash's job control builtins (jobs.def, fg_bg.def), with its texts.
import { controlsJobs, foregroundOutcome, STOPPED_STATUS } from '../foreground';
import type { Job } from '../job';
import { cleanup, jobLines, notices, politeDirectory, type JobFormat } from '../job-report';
import type { JobLookup } from '../job-table';
import type { BuiltinContext, Builtin } from './types';

const USAGE: Record<string, string> = {
  jobs: 'jobs [-lnprs] [jobspec ...] or jobs -x command [args]',
  fg: 'fg [job_spec]',
  bg: 'bg [job_spec ...]',
  disown: 'disown [-h] [-ar] [jobspec ... | pid ...]',
  wait: 'wait [-fn] [-p var] [id ...]',
};

/** Options as bash's internal_getopt reads them: flags from `allowed` (`p:` takes a value), then operands. */
export interface ParsedOptions {
  flags: Set<string>;
  values: Map<string, string>;
  operands: string[];
}

/** Parses `argv`'s options; on a bad one, reports it as bash does and returns the status (2). */
export function parseOptions(ctx: BuiltinContext, allowed: string): ParsedOptions | number {
  const [name, ...args] = ctx.argv;
  const flags = new Set<string>();
  const values = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    for (let j = 1; j < arg.length; j++) {
      const option = arg[j];
      const at = allowed.indexOf(option);
      if (at < 0) {
        ctx.stderr.write(
          `${ctx.shell.errorPrefix()}${name}: -${option}: invalid option\n${name}: usage: ${USAGE[name]}\n`,
        );
        return 2;
      }
      if (allowed[at + 1] !== ':') {
        flags.add(option);
        continue;
      }
      const value = arg.slice(j + 1) || args[++i];
      if (value === undefined) {
        ctx.stderr.write(
          `${ctx.shell.errorPrefix()}${name}: -${option}: option requires an argument\n${name}: usage: ${USAGE[name]}\n`,
        );
        return 2;
      }
      values.set(option, value);
      break;
    }
  }
  return { flags, values, operands: args.slice(i) };
}

/** Reports a job spec that names no job; true if it named one. */
export function found(ctx: BuiltinContext, lookup: JobLookup): lookup is { job: Job } {
  if ('job' in lookup) return true;
  ctx.stderr.write(`${ctx.shell.errorPrefix()}${ctx.argv[0]}: ${lookup.name}: ${lookup.error}\n`);
  return false;
}

/** `jobs [-lnprs] [jobspec…]`: lists jobs, then forgets the finished ones it reported. */
export const jobs: Builtin = async (ctx) => {
  const options = parseOptions(ctx, 'lpnxrs');
  if (typeof options === 'number') return options;
  const { state } = ctx.shell;
  const table = state.jobs;
  const { flags, operands } = options;
  if (flags.has('x')) return jobsExecute(ctx, operands);
  const format: JobFormat = flags.has('p') ? 'pid' : flags.has('l') ? 'long' : 'standard';
  const place = ctx.shell.reportPlace();
  const now = ctx.shell.runtime.services.clock.now();
  let status = 0;
  if (operands.length === 0) {
    const wanted = flags.has('r') ? 'running' : flags.has('s') ? 'stopped' : undefined;
    for (const job of table.jobs) {
      if (wanted && job.state !== wanted) continue;
      if (flags.has('n') && job.notified) continue;
      ctx.stdout.write(jobLines(table, job, format, place));
    }
    if (wanted) return 0;
  } else {
    for (const spec of operands) {
      const lookup = table.lookup(spec);
      if (found(ctx, lookup)) ctx.stdout.write(jobLines(table, lookup.job, format, place));
      else status = 1;
      cleanup(table);
    }
  }
  ctx.stderr.write(notices(table, place, now));
  return status;
};

/** `jobs -x command args…`: runs the command with each job spec replaced by its job's pid. */
async function jobsExecute(ctx: BuiltinContext, operands: string[]): Promise<number> {
  const argv: string[] = [];
  for (const word of operands) {
    if (!word.startsWith('%')) {
      argv.push(word);
      continue;
    }
    const lookup = ctx.shell.state.jobs.lookup(word);
    if (!found(ctx, lookup)) return 1;
    argv.push(String(lookup.job.pgid));
  }
  return argv.length === 0 ? 0 : ctx.shell.invoke(argv, [], ctx.fds);
}

/** `fg [job]`: continues a job with the terminal and waits for it (its status; 148 if stopped again). */
export const fg: Builtin = async (ctx) => {
  const options = parseOptions(ctx, '');
  if (typeof options === 'number') return options;
  return resumeJob(ctx, options.operands[0], true);
};

/** `bg [job…]`: continues stopped jobs in the background. */
export const bg: Builtin = async (ctx) => {
  const options = parseOptions(ctx, '');
  if (typeof options === 'number') return options;
  const specs = options.operands.length > 0 ? options.operands : [undefined];
  let status = 0;
  for (const spec of specs) if ((await resumeJob(ctx, spec, false)) === 1) status = 1;
  return status;
};

/** bash's fg_bg and start_job. */
async function resumeJob(ctx: BuiltinContext, spec: string | undefined, foreground: boolean): Promise<number> {
  const { shell, stdout, stderr } = ctx;
  const name = ctx.argv[0];
  if (!shell.runtime.interactive || shell.isSubshell) {
    stderr.write(`${shell.errorPrefix()}${name}: no job control\n`);
    return 1;
  }
  const table = shell.state.jobs;
  const lookup = table.lookup(spec);
  if (!found(ctx, lookup)) return 1;
  const job = lookup.job;
  if (job.state === 'done') {
    stderr.write(`${shell.errorPrefix()}${name}: job has terminated\n`);
    return 1;
  }
  if (!foreground && job.state === 'running') {
    stderr.write(`${shell.errorPrefix()}${name}: job ${job.id} already in background\n`);
    return 0;
  }
  const wasStopped = job.state === 'stopped';
  if (foreground) table.makeCurrent(job);
  const place = shell.reportPlace();
  const mark = table.mark(job);
  let line = foreground ? job.text : `[${job.id}]${mark === ' ' ? ' ' : `${mark} `}${job.text} &`;
  if (job.wd !== place.cwd) line += `\t(wd: ${politeDirectory(job.wd, place.home)})`;
  stdout.write(`${line}\n`);
  job.resume();
  // Continuing a stopped job is news the shell just gave; a running one's state is unknown.
  job.notified = wasStopped;
  if (!foreground) {
    job.foreground = false;
    table.stateChanged(job);
    shell.state.lastBackgroundPid = job.pgid;
    return 0;
  }
  job.foreground = true;
  // The job reads the terminal of this command line now.
  const terminal = shell.runtime.terminal?.input;
  if (job.readsTerminal && job.input && terminal) job.input.source = terminal;
  const outcome = await foregroundOutcome(
    job,
    undefined,
    controlsJobs(shell) ? shell.runtime.foreground : undefined,
    shell,
  );
  const now = shell.runtime.services.clock.now();
  if (outcome !== 'stopped') {
    notices(table, place, now, job);
    return outcome;
  }
  job.foreground = false;
  table.stateChanged(job);
  stderr.write(notices(table, place, now, job));
  return STOPPED_STATUS;
}

/** `disown [-ahr] [job…]`: removes jobs from the table; they run on, unreported. */
export const disown: Builtin = async (ctx) => {
  const options = parseOptions(ctx, 'ahr');
  if (typeof options === 'number') return options;
  const { flags, operands } = options;
  const table = ctx.shell.state.jobs;
  const remove = (job: Job): void => {
    if (flags.has('h')) return; // nohup only: kubeplay never hangs up on a job anyway.
    if (job.state === 'stopped') {
      ctx.stderr.write(
        `${ctx.shell.errorPrefix()}warning: deleting stopped job ${job.id} with process group ${job.pgid}\n`,
      );
    }
    table.delete(job);
  };
  if (operands.length === 0 && (flags.has('a') || flags.has('r'))) {
    for (const job of table.jobs) if (flags.has('a') || job.state === 'running') remove(job);
    return 0;
  }
  let status = 0;
  for (const spec of operands.length > 0 ? operands : [undefined]) {
    const byPid = spec !== undefined && /^\d+$/.test(spec) ? table.byPid(Number(spec)) : undefined;
    const lookup: JobLookup = byPid ? { job: byPid } : table.lookup(spec);
    if (found(ctx, lookup)) remove(lookup.job);
    else status = 1;
  }
  return status;
};
