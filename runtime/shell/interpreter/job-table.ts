// The shell's table of jobs, ported from bash's jobs.c: job numbers are slots (a new job takes
// the slot after the last one used), `+` and `-` follow set_current_job/reset_current, job specs
// follow get_job_spec, and finished jobs stay until they have been reported.
import type { Job, JobState } from './job';

/** What a job spec (`%1`, `%%`, `%-`, `%sleep`, `%?ee`) names, or why it names nothing. */
export type JobLookup = { job: Job } | { error: 'no such job' | 'ambiguous job spec'; name: string };

/** The jobs of one shell. */
export class JobTable {
  private readonly slots: Array<Job | undefined> = [];
  /** Slot of the current job (`%+`) and of the previous one (`%-`). */
  private current: number | undefined;
  private previous: number | undefined;
  /** Exit statuses of background pids whose jobs have left the table (bash's bgpids), for `wait PID`. */
  private readonly reaped = new Map<number, number>();

  /** The jobs in number order. */
  get jobs(): Job[] {
    return this.slots.filter((job): job is Job => job !== undefined);
  }

  /** `+`, `-` or a space: how `jobs` marks `job`. */
  mark(job: Job): '+' | '-' | ' ' {
    const slot = job.id - 1;
    return slot === this.current ? '+' : slot === this.previous ? '-' : ' ';
  }

  /** The current job (`%%`), if any. */
  get currentJob(): Job | undefined {
    return this.current === undefined ? undefined : this.slots[this.current];
  }

  /** Puts `job` in the next slot; a background job moves the marks as bash's `&` does. */
  add(job: Job, background: boolean): void {
    let last = this.slots.length - 1;
    while (last >= 0 && !this.slots[last]) last--;
    this.slots[last + 1] = job;
    job.id = last + 2;
    if (background) this.resetCurrent();
  }

  /** Removes a job (reported, waited for, or disowned), remembering a background job's status. */
  delete(job: Job): void {
    const slot = job.id - 1;
    if (this.slots[slot] !== job) return;
    this.slots[slot] = undefined;
    if (job.state === 'done' && !job.foreground) this.reaped.set(job.lastPid, job.status);
    while (this.slots.length > 0 && !this.slots[this.slots.length - 1]) this.slots.pop();
    if (slot === this.current || slot === this.previous) this.resetCurrent();
  }

  /** The saved status of a background pid whose job is gone. */
  reapedStatus(pid: number): number | undefined {
    return this.reaped.get(pid);
  }

  /** The job that has a process `pid`. */
  byPid(pid: number): Job | undefined {
    return this.jobs.find((job) => job.processes.some((p) => p.pid === pid));
  }

  /** `fg` brings `job` forward: it becomes current, the old current previous. */
  makeCurrent(job: Job): void {
    this.setCurrent(job.id - 1);
  }

  /** A job stopped (Ctrl-Z, SIGSTOP) or continued: bash recomputes the marks. */
  stateChanged(job: Job): void {
    if (job.state === 'stopped') this.setCurrent(job.id - 1);
    else this.resetCurrent();
  }

  /** Finds the job a spec names; `undefined` spec means the current job (`fg` alone). */
  lookup(spec: string | undefined): JobLookup {
    const none = { error: 'no such job', name: spec ?? 'current' } as const;
    if (spec === undefined) return this.found(this.current, none);
    if (spec === '') return none;
    const word = spec.startsWith('%') ? spec.slice(1) : spec;
    if (/^\d+$/.test(word)) return this.found(Number(word) - 1, none);
    if (word === '' || word === '%' || word === '+') return this.found(this.current, none);
    if (word === '-') return this.found(this.previous, none);
    const substring = word.startsWith('?');
    const name = substring ? word.slice(1) : word;
    let match: Job | undefined;
    for (let slot = this.slots.length - 1; slot >= 0; slot--) {
      const job = this.slots[slot];
      for (const process of job?.processes ?? []) {
        const text = process.text;
        const hit = substring ? text.toLowerCase().includes(name.toLowerCase()) : text.startsWith(name);
        if (!hit) continue;
        // Two matching processes are ambiguous even within one job, as in bash.
        if (match) return { error: 'ambiguous job spec', name };
        match = job;
      }
    }
    return match ? { job: match } : none;
  }

  private found(slot: number | undefined, none: JobLookup): JobLookup {
    const job = slot === undefined ? undefined : this.slots[slot];
    return job ? { job } : none;
  }

  private is(slot: number | undefined, state: JobState): boolean {
    return slot !== undefined && this.slots[slot]?.state === state;
  }

  /** The newest job in `state` in a slot below `before`. */
  private newest(before: number, state: JobState): number | undefined {
    for (let slot = before - 1; slot >= 0; slot--) if (this.is(slot, state)) return slot;
    return undefined;
  }

  /** bash's set_current_job. */
  private setCurrent(slot: number): void {
    if (this.current !== slot) {
      this.previous = this.current;
      this.current = slot;
    }
    // First choice for previous: the old current job, if it is stopped.
    if (this.previous !== this.current && this.is(this.previous, 'stopped')) return;
    // Then the newest stopped job older than the current one.
    if (this.is(this.current, 'stopped')) {
      const stopped = this.newest(slot, 'stopped');
      if (stopped !== undefined) {
        this.previous = stopped;
        return;
      }
    }
    // Then the newest running job (older than the current one, if that one runs).
    const before = this.is(this.current, 'running') ? slot : this.slots.length;
    this.previous = this.newest(before, 'running') ?? this.current;
  }

  /** bash's reset_current: prefer stopped jobs, then the newest running one. */
  private resetCurrent(): void {
    let candidate: number | undefined;
    if (this.is(this.current, 'stopped')) candidate = this.current;
    else {
      if (this.is(this.previous, 'stopped')) candidate = this.previous;
      candidate ??= this.newest(this.slots.length, 'stopped');
      candidate ??= this.newest(this.slots.length, 'running');
    }
    if (candidate !== undefined) this.setCurrent(candidate);
    else this.current = this.previous = undefined;
  }
}
