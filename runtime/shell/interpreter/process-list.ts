// The processes of the learner's session as ps and top see them: the login shell, the
// processes of its jobs, and the command asking.
import type { Interpreter } from './interpreter';

/** One process, as /proc would describe it. */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  user: string;
  /** The controlling terminal (`pts/0`), or `?` for none. */
  tty: string;
  /** R running, S sleeping, T stopped; `s` marks a session leader, `+` the foreground group. */
  stat: string;
  /** The command line, its words joined by spaces. */
  args: string;
  /** When it started, epoch ms. */
  startedAt: number;
}

/** The session's terminal. */
export const SESSION_TTY = 'pts/0';

/**
 * The login shell, its jobs' processes, and `self` (the asking command, a foreground child of
 * the shell). A job's processes are children of the shell.
 */
export function sessionProcesses(shell: Interpreter, self: { pid: number; args: string }): ProcessEntry[] {
  const state = shell.state;
  const now = shell.runtime.services.clock.now();
  const bootedAt = shell.runtime.startedAt ?? now;
  const shellPid = state.pid;
  const entries: ProcessEntry[] = [
    {
      pid: shellPid,
      ppid: shellPid - 1,
      user: 'learner',
      tty: SESSION_TTY,
      stat: 'Ss',
      args: '-bash',
      startedAt: bootedAt,
    },
  ];
  for (const job of state.jobs.jobs) {
    if (job.state === 'done') continue;
    for (const process of job.processes) {
      entries.push({
        pid: process.pid,
        ppid: shellPid,
        user: 'learner',
        tty: SESSION_TTY,
        stat: job.state === 'stopped' ? 'T' : 'S',
        args: process.text.replace(/\s*&$/, ''),
        startedAt: now,
      });
    }
  }
  entries.push({
    pid: self.pid,
    ppid: shellPid,
    user: 'learner',
    tty: SESSION_TTY,
    stat: 'R+',
    args: self.args,
    startedAt: now,
  });
  return entries.sort((a, b) => a.pid - b.pid);
}
