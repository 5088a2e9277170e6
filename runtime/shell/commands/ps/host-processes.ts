// The host's process table as a command sees it: the uptime from /proc/uptime (as procps reads
// it), the accounts from /etc/passwd and /etc/group, and the learner's session processes from
// the shell asking (ps and top share this).
import type { CommandContext } from '../../command';
import type { Interpreter } from '../../interpreter/interpreter';
import { sessionProcesses, SESSION_TTY, type ProcessEntry } from '../../interpreter/process-list';
import { SHELL_PID } from '../../login-shell';
import {
  parseAccounts,
  takeSnapshot,
  ttyNumber,
  type Accounts,
  type ProcessSnapshot,
  type SnapshotInput,
} from './process-snapshot';

/** The table, who the asker is, and the asker's own pid. */
export interface HostView {
  snapshot: ProcessSnapshot;
  accounts: Accounts;
  asker: { uid: number; ttyNr: number };
  selfPid: number;
  /** What the table was taken from (top takes it again a frame earlier). */
  input: SnapshotInput;
}

function read(ctx: CommandContext, path: string): string | undefined {
  try {
    return ctx.fs.readFile(path);
  } catch {
    return undefined;
  }
}

/** Seconds since boot: /proc/uptime's first number, else since the session began. */
export function uptimeSeconds(ctx: CommandContext, shell?: Interpreter): number {
  const text = read(ctx, '/proc/uptime');
  const up = text === undefined ? NaN : parseFloat(text);
  if (!Number.isNaN(up)) return up;
  const now = ctx.shell.clock.now();
  return Number(((now - (shell?.runtime.startedAt ?? now)) / 1000).toFixed(2));
}

/** The asking command: its pid and its pipeline's other members (`ps aux | grep x`). */
export interface Asking {
  pid: number;
  siblings: Array<{ pid: number; args: string }>;
}

/** Gives the asking command its pid (a new one, or its background job's). */
export function asking(ctx: CommandContext, shell?: Interpreter): Asking {
  if (!shell) return { pid: SHELL_PID + 1, siblings: [] };
  const members = shell.job?.processes ?? [];
  if (members.length === 0) return { pid: shell.runtime.nextPid(), siblings: [] };
  const text = ctx.argv.join(' ');
  let index = members.findIndex((m) => m.text === text);
  if (index < 0)
    index = Math.max(
      0,
      members.findIndex((m) => m.text.split(' ')[0] === ctx.argv[0]),
    );
  // A background job's processes have their pids; a foreground one's get them now.
  const pids = members.map((m) => m.pid || shell.runtime.nextPid());
  const siblings = members.map((m, i) => ({ pid: pids[i], args: m.text })).filter((_, i) => i !== index);
  return { pid: pids[index], siblings };
}

/** The process table now, with the session `shell` runs (or, without a shell, its login shell alone). */
export function hostView(ctx: CommandContext, shell: Interpreter | undefined, self: Asking): HostView {
  const now = ctx.shell.clock.now();
  const uptime = uptimeSeconds(ctx, shell);
  const bootMs = now - uptime * 1000;
  const args = ctx.argv.join(' ');
  let session: ProcessEntry[];
  if (shell) session = sessionProcesses(shell, { pid: self.pid, args, siblings: self.siblings });
  else {
    const entry = (pid: number, ppid: number, stat: string, text: string, at: number): ProcessEntry => ({
      pid,
      ppid,
      user: 'learner',
      tty: SESSION_TTY,
      stat,
      args: text,
      startedAt: at,
    });
    session = [entry(SHELL_PID, SHELL_PID - 1, 'Ss', '-bash', bootMs), entry(self.pid, SHELL_PID, 'R+', args, now)];
  }
  const loginAt = session.find((e) => e.args === '-bash')?.startedAt ?? bootMs;
  const input = { now, uptime, loginAt, session };
  const accounts = parseAccounts(read(ctx, '/etc/passwd') ?? '', read(ctx, '/etc/group') ?? '');
  const asker = { uid: 1000, ttyNr: ttyNumber(SESSION_TTY) };
  return { snapshot: takeSnapshot(input), accounts, asker, selfPid: self.pid, input };
}
