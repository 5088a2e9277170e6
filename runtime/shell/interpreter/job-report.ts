// How bash reports jobs (jobs.c's pretty_print_job and notify_of_job_status): `jobs` lines,
// the notices before a prompt, and the `(wd: …)` notes when the directory has changed since.
import type { Job } from './job';
import type { JobTable } from './job-table';
import { signalDescription, SIGPIPE, SIGTSTP } from './signal-names';

/** bash pads the status word to the longest signal description. */
const STATUS_WIDTH = 24;

/** `jobs` (standard), `jobs -l` (with pids), `jobs -p` (the leader's pid only). */
export type JobFormat = 'standard' | 'long' | 'pid';

/** Where the report is printed: the shell's directory and home, for `(wd: …)`. */
export interface ReportPlace {
  cwd: string;
  home: string | undefined;
}

/** A directory with $HOME shown as `~` (bash's polite_directory_format). */
export function politeDirectory(dir: string, home: string | undefined): string {
  if (!home || home === '/' || !dir.startsWith(home)) return dir;
  const rest = dir.slice(home.length);
  return rest === '' || rest.startsWith('/') ? `~${rest}` : dir;
}

/** The status word of `job`: Running, Stopped, Done, Exit N, or the signal that killed it. */
export function jobStatus(job: Job, format: JobFormat = 'standard'): string {
  if (job.state === 'running') return 'Running';
  if (job.state === 'stopped') {
    // The long listing names the stopping signal (`Stopped (signal)` after SIGSTOP).
    return format === 'standard' ? 'Stopped' : signalDescription(job.stopSignal ?? SIGTSTP);
  }
  if (job.termSignal !== undefined) return signalDescription(job.termSignal);
  return job.status === 0 ? 'Done' : `Exit ${job.status}`;
}

/** One job as `jobs` prints it (several lines for a pipeline in the long format), marking it reported. */
export function jobLines(table: JobTable, job: Job, format: JobFormat, place: ReportPlace): string {
  if (format === 'pid') return `${job.pgid}\n`;
  job.notified = true;
  let text = `[${job.id}]${table.mark(job)} `;
  if (format === 'standard') text += ' ';
  const status = jobStatus(job, format).padEnd(STATUS_WIDTH);
  job.processes.forEach((process, i) => {
    const first = i === 0;
    if (format === 'standard') text += first ? `${status}${process.text}` : ` | ${process.text}`;
    else {
      const pid = String(process.pid).padStart(5);
      text += first ? `${pid} ${status}${process.text}` : `     ${pid} ${''.padEnd(STATUS_WIDTH - 2)}| ${process.text}`;
    }
    const last = i === job.processes.length - 1;
    if (last) {
      if (job.state === 'running' && !job.foreground) text += ' &';
      if (job.wd !== place.cwd) text += `  (wd: ${politeDirectory(job.wd, place.home)})`;
    }
    if (last || format === 'long') text += '\n';
  });
  return text;
}

/** bash's `(wd now: …)` line after a notice, when the shell has moved since the job started. */
function wdNow(job: Job, place: ReportPlace): string {
  return job.wd === place.cwd ? '' : `(wd now: ${politeDirectory(place.cwd, place.home)})\n`;
}

/**
 * The notices bash prints before a prompt (or after waiting for one job, `only`): each
 * background job that ended or stopped since it was last reported, once; then finished jobs
 * that have been reported leave the table. `now` is the clock's time: a job this shell's
 * `kill` signalled at this very moment is reported at the next prompt instead, as bash's
 * prompt comes back before the signal lands.
 */
export function notices(table: JobTable, place: ReportPlace, now: number, only?: Job): string {
  let text = '';
  for (const job of only ? [only] : table.jobs) {
    if (job.notified) continue;
    if (!only && job.signalledAt === now) {
      job.signalledAt = undefined;
      continue;
    }
    job.signalledAt = undefined;
    if (job.state === 'stopped') text += `\n${jobLines(table, job, 'standard', place)}${wdNow(job, place)}`;
    else if (job.state === 'done' && !job.foreground && job.termSignal !== SIGPIPE) {
      text += `${jobLines(table, job, 'standard', place)}${wdNow(job, place)}`;
    }
    job.notified = true;
  }
  cleanup(table);
  return text;
}

/** Removes finished jobs that have been reported (bash's cleanup_dead_jobs). */
export function cleanup(table: JobTable): void {
  for (const job of table.jobs) if (job.state === 'done' && job.notified) table.delete(job);
}
