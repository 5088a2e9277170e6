// Job numbers, the `+`/`-` marks (bash's set_current_job/reset_current) and job specs, checked
// against what bash 5.2 showed for the same sequences.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../clock';
import { Job } from './job';
import { JobTable } from './job-table';
import { SIGKILL, SIGSTOP, SIGTERM } from './signal-names';

/** A table with background jobs running `texts` (a `|` splits a job into processes). */
function table(...texts: string[]) {
  const jobs = new JobTable();
  const clock = new VirtualClock(0);
  let pid = 100;
  const add = (text: string, background = true): Job => {
    const job = new Job(
      text.split(' | ').map((t) => ({ pid: ++pid, text: t })),
      '/',
      clock,
      !background,
    );
    jobs.add(job, background);
    return job;
  };
  const all = texts.map((text) => add(text));
  const marks = (): string => jobs.jobs.map((job) => `${job.id}${jobs.mark(job)}`).join(' ');
  return { jobs, all, add, marks };
}

describe('the current (+) and previous (-) jobs', () => {
  it('marks the newest running job + and the one before it -', () => {
    const { marks } = table(...Array.from({ length: 11 }, () => 'sleep 100'));
    expect(marks()).toBe('1  2  3  4  5  6  7  8  9  10- 11+');
  });

  it('prefers stopped jobs, and fg/bg move the marks as in bash', () => {
    const { jobs, all, add, marks } = table('sleep 100', 'sleep 200');
    jobs.delete(all[0]);
    const stopped = add('sleep 300', false);
    stopped.stop();
    stopped.foreground = false;
    jobs.stateChanged(stopped);
    expect(marks()).toBe('2- 3+');
    stopped.resume();
    jobs.stateChanged(stopped); // bg
    expect(marks()).toBe('2- 3+');
    jobs.makeCurrent(all[1]); // fg %2 …
    all[1].stop(); // … then Ctrl-Z
    jobs.stateChanged(all[1]);
    expect(marks()).toBe('2+ 3-');
  });

  it('keeps a dead job’s mark until it leaves the table, then recomputes', () => {
    const { jobs, all, marks } = table('sleep 100', 'sleep 100', 'sleep 100', 'sleep 100');
    for (const job of all.slice(0, 3)) job.deliver(SIGTERM);
    all[3].deliver(SIGSTOP);
    jobs.stateChanged(all[3]);
    expect(marks()).toBe('1  2  3  4+');
    jobs.delete(all[2]);
    expect(marks()).toBe('1  2  4+');
  });

  it('numbers a new job after the last one in the table', () => {
    const { jobs, all, add } = table('a', 'b', 'c');
    jobs.delete(all[0]);
    expect(add('d').id).toBe(4);
    jobs.delete(all[2]);
    jobs.jobs.filter((job) => job.id === 4).forEach((job) => jobs.delete(job));
    expect(add('e').id).toBe(3);
  });

  it('remembers a finished background job’s status by pid once it is gone (wait PID)', () => {
    const { jobs, all } = table('sleep 1');
    all[0].deliver(SIGKILL);
    jobs.delete(all[0]);
    expect(jobs.reapedStatus(all[0].lastPid)).toBe(137);
  });
});

describe('job specs', () => {
  const { jobs } = table('sleep 100 > /dev/null', 'while true; do', 'sleep 100 | cat', 'Echo x');
  const spec = (word: string | undefined): string => {
    const found = jobs.lookup(word);
    return 'job' in found ? String(found.job.id) : `${found.name}: ${found.error}`;
  };

  it.each<[string | undefined, string]>([
    [undefined, '4'],
    ['%%', '4'],
    ['%+', '4'],
    ['%', '4'],
    ['%-', '3'],
    ['%2', '2'],
    ['2', '2'],
    ['%0', '%0: no such job'],
    ['%9', '%9: no such job'],
    ['', ': no such job'],
    ['%while', '2'],
    ['%sl', 'sl: ambiguous job spec'],
    ['%cat', '3'],
    ['%?true', '2'],
    ['%?ECHO', '4'],
    ['%?100', '100: ambiguous job spec'],
    ['%?zz', '%?zz: no such job'],
  ])('%s names %s', (word, expected) => {
    expect(spec(word)).toBe(expected);
  });

  it('says `current` when there is no current job', () => {
    expect(new JobTable().lookup(undefined)).toEqual({ error: 'no such job', name: 'current' });
  });
});
