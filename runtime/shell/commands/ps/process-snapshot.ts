// The process table at one instant, as /proc would describe it: the host's static processes
// (system-processes.ts) and the learner's session, with start times and CPU ticks derived from
// the uptime. Times are in clock ticks (USER_HZ, 100 a second) as the kernel counts them, so ps
// and top compute their columns exactly as procps does from /proc/PID/stat.
import type { ProcessEntry } from '../../interpreter/process-list';
import { SYSTEM_PROCESSES, type SystemProcess } from './system-processes';

/** Clock ticks a second (sysconf(_SC_CLK_TCK)). */
export const HZ = 100;

/** One process, with what /proc/PID/{stat,status,statm,cmdline} say about it. */
export interface ProcRecord {
  pid: number;
  ppid: number;
  pgid: number;
  sid: number;
  /** The foreground process group of its terminal, -1 without one. */
  tpgid: number;
  uid: number;
  gid: number;
  /** The terminal's name (`pts/0`), or `?`. */
  tty: string;
  /** The terminal's device number (0 for none). */
  ttyNr: number;
  state: string;
  nice: number;
  /** The kernel's priority field: 20 for nice 0, -1 - rtprio for real-time. */
  priority: number;
  /** Scheduling policy: 0 normal, 1 FIFO. */
  policy: number;
  rtprio: number;
  threads: number;
  startTicks: number;
  utime: number;
  stime: number;
  /** Sizes in KiB. */
  vsz: number;
  rss: number;
  shr: number;
  locked: boolean;
  /** The F column of ps -l: 1 forked without exec (kernel threads), else 0. */
  flag: number;
  wchan: string;
  processor: number;
  comm: string;
  /** The command line, words joined by spaces; empty for a kernel thread. */
  args: string;
}

/** The table at one instant, with what ps and top compute times from. */
export interface ProcessSnapshot {
  /** Epoch milliseconds. */
  now: number;
  /** Seconds since boot, as /proc/uptime says. */
  uptime: number;
  /** Boot time, epoch seconds (/proc/stat's btime). */
  btime: number;
  /** Ticks since boot, as procps computes them from the uptime. */
  bootTicks: number;
  processes: ProcRecord[];
}

/** The users and groups of /etc/passwd and /etc/group, both ways. */
export interface Accounts {
  userName(uid: number): string | undefined;
  uidOf(name: string): number | undefined;
  groupName(gid: number): string | undefined;
  gidOf(name: string): number | undefined;
}

/** Reads /etc/passwd and /etc/group texts. */
export function parseAccounts(passwd: string, group: string): Accounts {
  const users = passwd.split('\n').map((line) => line.split(':'));
  const groups = group.split('\n').map((line) => line.split(':'));
  const find = (rows: string[][], index: number, value: string): string[] | undefined =>
    rows.find((fields) => fields.length > 2 && fields[index] === value);
  return {
    userName: (uid) => find(users, 2, String(uid))?.[0],
    uidOf: (name) => numberOr(find(users, 0, name)?.[2]),
    groupName: (gid) => find(groups, 2, String(gid))?.[0],
    gidOf: (name) => numberOr(find(groups, 0, name)?.[2]),
  };
}

const numberOr = (text: string | undefined): number | undefined => (text === undefined ? undefined : Number(text));

/** Device numbers of the terminals processes have: pts/N (major 136), ttyN and ttySN (major 4). */
export function ttyNumber(tty: string): number {
  const pts = /^pts\/(\d+)$/.exec(tty);
  if (pts) return (136 << 8) | Number(pts[1]);
  const serial = /^ttyS(\d+)$/.exec(tty);
  if (serial) return (4 << 8) | (64 + Number(serial[1]));
  const vt = /^tty(\d+)$/.exec(tty);
  if (vt) return (4 << 8) | Number(vt[1]);
  return 0;
}

/** What the table is built from. */
export interface SnapshotInput {
  now: number;
  uptime: number;
  /** When the learner logged in (the login shell started), epoch ms. */
  loginAt: number;
  session: ProcessEntry[];
}

/** The sizes of the learner's commands, by name (KiB: vsz, rss, shr). */
const SESSION_SIZES: Record<string, [number, number, number]> = {
  bash: [9232, 5760, 3584],
  sh: [2800, 1664, 1536],
  sleep: [5684, 1920, 1792],
  ps: [11204, 4480, 3584],
  top: [11960, 5504, 3456],
  watch: [7328, 3584, 3200],
  vi: [26812, 11776, 9344],
  vim: [26812, 11776, 9344],
  less: [8504, 2944, 2560],
  nano: [8996, 4608, 3456],
};

/** Builds the table: the static processes at their ages, then the session's processes. */
export function takeSnapshot(input: SnapshotInput): ProcessSnapshot {
  const { now, uptime } = input;
  const bootTicks = Math.trunc(uptime * HZ);
  const bootMs = now - uptime * 1000;
  const ticksAt = (ms: number): number => clamp(Math.floor((ms - bootMs) / (1000 / HZ)), bootTicks);
  const loginTicks = ticksAt(input.loginAt);
  const processes = SYSTEM_PROCESSES.map((p) => {
    const start = p.start === 'login' ? loginTicks - (4242 - p.pid) : Math.round(p.start * HZ);
    return systemRecord(p, clamp(start, bootTicks), bootTicks);
  });
  const foreground = input.session.find((e) => e.stat.includes('+'))?.pid ?? -1;
  const shellPid = input.session.find((e) => e.stat.includes('s'))?.pid ?? -1;
  for (const entry of input.session)
    processes.push(sessionRecord(entry, ticksAt(entry.startedAt), foreground, shellPid));
  processes.sort((a, b) => a.pid - b.pid);
  return { now, uptime, btime: Math.round(now / 1000 - uptime), bootTicks, processes };
}

const clamp = (ticks: number, max: number): number => Math.max(0, Math.min(ticks, max));

/** CPU ticks used so far at `share` of a CPU, a third of them in the kernel. */
function cpuTicks(share: number, age: number): { utime: number; stime: number } {
  const total = Math.floor(share * age);
  const stime = Math.floor(total / 3);
  return { utime: total - stime, stime };
}

function systemRecord(p: SystemProcess, startTicks: number, bootTicks: number): ProcRecord {
  const kernel = p.args === undefined;
  const sid = p.sid ?? p.pid;
  const tty = p.tty ?? '?';
  return {
    pid: p.pid,
    ppid: p.ppid,
    // A process started inside another's session joins its leader's group, as a daemon's children do.
    pgid: sid,
    sid,
    tpgid: p.tty ? p.pid : -1,
    uid: p.uid,
    gid: p.uid,
    tty,
    ttyNr: ttyNumber(tty),
    state: p.state ?? 'S',
    nice: p.nice ?? 0,
    priority: p.rtprio !== undefined ? -1 - p.rtprio : 20 + (p.nice ?? 0),
    policy: p.rtprio !== undefined ? 1 : 0,
    rtprio: p.rtprio ?? 0,
    threads: p.threads,
    startTicks,
    ...cpuTicks(p.cpu, bootTicks - startTicks),
    vsz: p.vsz,
    rss: p.rss,
    shr: p.shr,
    locked: p.locked ?? false,
    flag: kernel || p.comm === '(sd-pam)' || p.args === 'sshd: learner@pts/0' ? 1 : 0,
    wchan: p.wchan ?? '-',
    processor: p.pid % 2,
    comm: p.comm,
    args: p.args ?? '',
  };
}

/** The program's name as the kernel keeps it: the file's base name, 15 characters at most. */
function commOf(args: string): string {
  const first = args.split(' ')[0].replace(/^-/, '');
  return first.slice(first.lastIndexOf('/') + 1).slice(0, 15);
}

function sessionRecord(entry: ProcessEntry, startTicks: number, foreground: number, shellPid: number): ProcRecord {
  const comm = commOf(entry.args);
  const [vsz, rss, shr] = SESSION_SIZES[comm] ?? [8192, 3968, 3456];
  const state = entry.stat[0];
  const tty = entry.tty;
  const leader = entry.stat.includes('s');
  const wchan =
    state === 'R' ? '-' : state === 'T' ? 'do_signal_stop' : comm === 'sleep' ? 'hrtimer_nanosleep' : 'do_wait';
  return {
    pid: entry.pid,
    ppid: entry.ppid,
    pgid: entry.stat.includes('+') ? foreground : entry.pid,
    sid: leader ? entry.pid : shellPid,
    tpgid: tty === '?' ? -1 : foreground,
    uid: entry.user === 'root' ? 0 : 1000,
    gid: entry.user === 'root' ? 0 : 1000,
    tty,
    ttyNr: ttyNumber(tty),
    state,
    nice: 0,
    priority: 20,
    policy: 0,
    rtprio: 0,
    threads: 1,
    startTicks,
    utime: 0,
    stime: 0,
    vsz,
    rss,
    shr,
    locked: false,
    flag: 0,
    wchan,
    processor: entry.pid % 2,
    comm,
    args: entry.args,
  };
}
