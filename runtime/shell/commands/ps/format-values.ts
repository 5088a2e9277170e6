// The values ps's columns print: names cut with `+`, STAT's flags, %CPU over a process's life,
// command lines with `[name]` for kernel threads, and the types the column table is made of.
import { HZ, type Accounts, type ProcRecord, type ProcessSnapshot } from './process-snapshot';
import { elapsed } from './ps-times';

/** How a column lines up: procps' CF_* justification codes. */
export type Align = 'left' | 'right' | 'user' | 'unlimited' | 'wchan' | 'signal' | 'aix';

/** What printers need besides the process. */
export interface PrintContext {
  snapshot: ProcessSnapshot;
  accounts: Accounts;
  memTotal: number;
  /** The room the column may take (procps' max_rightward). */
  room: number;
  /** The tree's drawing before the command (forest output). */
  forest: string;
  /** -f: comm shows the command line. */
  unixF: boolean;
  /** n: user and group as numbers. */
  numericUser: boolean;
  /** Signal masks get 16 digits (the line has room), else 9. */
  wideSignals: boolean;
}

export type Printer = (p: ProcRecord, c: PrintContext) => string;
export type SortKey = (p: ProcRecord, c: PrintContext) => number | string;

export interface FormatSpec {
  head: string;
  width: number;
  align: Align;
  print: Printer;
  /** The value sorting compares (--sort, k). */
  key: SortKey;
  /** Its width is the pid width (/proc/sys/kernel/pid_max's digits). */
  pidmax?: boolean;
}

/** Control characters print as `?`; the text stops at `room` cells. */
export function escaped(text: string, room: number): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f]/g, '?').slice(0, Math.max(0, room));
}

/** A command line, or `[comm]` for a process without one (a kernel thread). */
export const commandLine = (p: ProcRecord): string => p.args || `[${p.comm}]`;

export const cpuTicks = (p: ProcRecord): number => p.utime + p.stime;

/** Tenths of a percent of a CPU over the process's life. */
export function permille(p: ProcRecord, c: PrintContext): number {
  const jiffies = Math.trunc(elapsed(p, c.snapshot) * HZ);
  return jiffies ? Math.floor((cpuTicks(p) * 1000) / jiffies) : 0;
}

/** A name, or `+`-truncated to the room, or the number (procps' do_pr_name). */
export function name(known: string | undefined, id: number, c: PrintContext): string {
  // An id without a name prints as its number, truncated like a name.
  const text = known ?? String(id);
  if (c.numericUser) return String(id);
  if (text.length <= c.room) return text;
  return c.room >= 1 ? `${text.slice(0, c.room - 1)}+` : String(id);
}

export const userName = (p: ProcRecord, c: PrintContext): string => name(c.accounts.userName(p.uid), p.uid, c);
export const groupName = (p: ProcRecord, c: PrintContext): string => name(c.accounts.groupName(p.gid), p.gid, c);
export const userKey: SortKey = (p, c) => c.accounts.userName(p.uid) ?? String(p.uid);
export const groupKey: SortKey = (p, c) => c.accounts.groupName(p.gid) ?? String(p.gid);

/** BSD's STAT: the state and its flags (<, N, L, s, l, +). */
export function stat(p: ProcRecord): string {
  let text = p.state;
  if (p.nice < 0) text += '<';
  if (p.nice > 0) text += 'N';
  if (p.locked) text += 'L';
  if (p.sid === p.pid) text += 's';
  if (p.threads > 1) text += 'l';
  if (p.pgid === p.tpgid) text += '+';
  return text;
}

export const CLASSES = ['TS', 'FF', 'RR', 'B', 'ISO', 'IDL', 'DLN'];

/** Pages read from disk: a few per MiB resident. */
export const majorFaults = (p: ProcRecord): number => Math.floor(p.rss / 1024);

/** What --sort=pcpu compares: procps' UTILIZATION, its product in single precision as libproc2's. */
export function utilization(p: ProcRecord, c: PrintContext): number {
  const t = c.snapshot.bootTicks - p.startTicks;
  return t > 0 ? Math.fround(cpuTicks(p) * 100) / t : 0;
}

/** A signal mask (all clear: the host's processes have none pending or blocked). */
export function signals(c: PrintContext): string {
  return c.wideSignals ? '0000000000000000' : '00000000';
}

/** Text and data sizes (KiB), for v's TRS and DRS: a program's code is a sixteenth of its mappings. */
export const codeSize = (p: ProcRecord): number => (p.vsz ? Math.min(4 * Math.floor(p.vsz / 64), 49152) : 0);
export const percent = (pcpu: number): string =>
  pcpu > 999 ? String(Math.floor(pcpu / 10)) : `${Math.floor(pcpu / 10)}.${pcpu % 10}`;
export const tenths = (n: number): string => `${String(Math.floor(n / 10)).padStart(2)}.${n % 10}`;
