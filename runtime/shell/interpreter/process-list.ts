// The processes of the learner's session as ps and top see them: the login shell, the
// processes of its jobs, and the command asking (with the other commands of its pipeline).
import { SHELL_PID } from '../login-shell';
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

/** A process of the session: the learner's, on the session's terminal. */
const entry = (pid: number, ppid: number, stat: string, args: string, startedAt: number): ProcessEntry => ({
  pid,
  ppid,
  user: 'learner',
  tty: SESSION_TTY,
  stat,
  args,
  startedAt,
});

/**
 * The login shell, its jobs' processes, and `self` (the asking command, a foreground child of
 * the shell) with `siblings`, the other commands of its pipeline (`ps aux | grep x` lists the
 * grep). A job's processes are children of the shell. A shell that is not the interactive one
 * (`bash -c`, a script, watch's `sh -c`) is listed as a child of the login shell, whose jobs it
 * cannot see.
 */
export function sessionProcesses(
  shell: Interpreter,
  self: { pid: number; args: string; siblings?: Array<{ pid: number; args: string }> },
): ProcessEntry[] {
  const state = shell.state;
  const now = shell.runtime.services.clock.now();
  const bootedAt = shell.runtime.startedAt ?? now;
  const shellPid = state.pid;
  const entries: ProcessEntry[] = [];
  if (shell.runtime.interactive) {
    entries.push(entry(shellPid, shellPid - 1, 'Ss', '-bash', bootedAt));
    for (const job of state.jobs.jobs) {
      if (job.state === 'done') continue;
      for (const process of job.processes) {
        if (process.pid === self.pid) continue;
        const stat = job.state === 'stopped' ? 'T' : 'S';
        entries.push(entry(process.pid, shellPid, stat, process.text.replace(/\s*&$/, ''), now));
      }
    }
  } else {
    entries.push(entry(SHELL_PID, SHELL_PID - 1, 'Ss', '-bash', bootedAt));
    if (shellPid !== SHELL_PID) {
      const name = state.dialect === 'dash' ? 'sh' : 'bash';
      entries.push(entry(shellPid, SHELL_PID, 'S+', name, now));
    }
  }
  entries.push(entry(self.pid, shellPid, 'R+', self.args, now));
  for (const sibling of self.siblings ?? []) entries.push(entry(sibling.pid, shellPid, 'S+', sibling.args, now));
  return entries.sort((a, b) => a.pid - b.pid);
}
