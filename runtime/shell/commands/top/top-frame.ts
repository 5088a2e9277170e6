// One frame of top (procps-ng 4.0.2): the summary (uptime and load, tasks, CPU states, memory),
// the column header and the task rows, sorted (by %CPU unless told), each row cut to the width.
// CPU figures are the ticks used since the previous frame over the seconds between the two
// /proc/uptime readings, in single precision as top computes them.
import type { Accounts, ProcRecord, ProcessSnapshot } from '../ps/process-snapshot';
import { HZ } from '../ps/process-snapshot';
import { ctime } from '../ps/ps-times';
import { CPU_STATES, type CpuTimes } from './cpu-times';
import { cut, fixed, justify, memoryFigure, scaleMem, scalePercent, scaleTics } from './top-format';

/** The fields top can sort by (-o, and the M P T N keys), by their column name. */
export const SORT_FIELDS = ['PID', 'USER', 'PR', 'NI', 'VIRT', 'RES', 'SHR', 'S', '%CPU', '%MEM', 'TIME+', 'COMMAND'];

/** What a frame is made of. */
export interface FrameInput {
  now: number;
  uptime: number;
  loadavg: [number, number, number];
  users: number;
  current: ProcessSnapshot;
  /** The previous frame's table; CPU use is measured since it. */
  previous: ProcessSnapshot;
  /** The CPU times now, and at the previous frame (none: since boot). */
  cpu: CpuTimes;
  cpuBefore?: CpuTimes;
  accounts: Accounts;
  memory: { total: number; free: number; used: number; cache: number; available: number };
  swap: { total: number; free: number; used: number };
  width: number;
  sortField: string;
  /** Highest first, unless reversed (R). */
  descending: boolean;
  /** c: the command line rather than the program's name. */
  commandLines: boolean;
  /** i: hide tasks that used no CPU since the previous frame. */
  hideIdle: boolean;
  /** -p: only these pids. */
  pids?: number[];
  /** -u/-U: only this user's tasks. */
  uid?: number;
}

/** `top - 10:05:46 up 1:12,  1 user,  load average: 0.31, 0.27, 0.22` (procps_uptime_sprint). */
function uptimeLine(input: FrameInput): string {
  const time = ctime(Math.floor(input.now / 1000)).slice(11, 19);
  const up = Math.trunc(input.uptime);
  const days = Math.floor(up / 86400);
  const hours = Math.floor(up / 3600) % 24;
  const minutes = Math.floor(up / 60) % 60;
  let text = `top - ${time} up `;
  if (days) text += `${days} ${days > 1 ? 'days' : 'day'}, `;
  text += hours ? `${String(hours).padStart(2)}:${String(minutes).padStart(2, '0')}, ` : `${minutes} min, `;
  const users = `${String(input.users).padStart(2)} ${input.users > 1 ? 'users' : 'user'}`;
  return `${text}${users},  load average: ${input.loadavg.map((n) => n.toFixed(2)).join(', ')}`;
}

function tasksLine(processes: ProcRecord[]): string {
  const count = (states: string): number => processes.filter((p) => states.includes(p.state)).length;
  const other = processes.filter((p) => !'RDSTtZ'.includes(p.state)).length;
  const n = (value: number): string => String(value).padStart(3);
  return (
    `Tasks: ${n(processes.length)} total, ${n(count('R'))} running, ${n(count('DS') + other)} sleeping, ` +
    `${n(count('Tt'))} stopped, ${n(count('Z'))} zombie`
  );
}

function cpuLine(now: CpuTimes, before?: CpuTimes): string {
  const delta = (s: (typeof CPU_STATES)[number]): number => now[s] - (before?.[s] ?? 0);
  let total = CPU_STATES.reduce((sum, s) => sum + delta(s), 0);
  let idle = delta('idle');
  if (total < 1) idle = total = 1;
  const scale = Math.fround(100 / Math.fround(total));
  const pct = (ticks: number): string => fixed(Math.fround(Math.fround(ticks) * scale), 1).padStart(5);
  const labels = ['us', 'sy', 'ni', 'id', 'wa', 'hi', 'si', 'st'];
  const values = [
    delta('user'),
    delta('system'),
    delta('nice'),
    idle,
    delta('iowait'),
    delta('irq'),
    delta('softirq'),
    delta('steal'),
  ];
  return `%Cpu(s):${values.map((v, i) => `${pct(v)} ${labels[i]}`).join(',')} `;
}

function memoryLines(input: FrameInput): string[] {
  const m = input.memory;
  const s = input.swap;
  const f = (kib: number): string => memoryFigure(kib).padStart(9);
  return [
    `MiB Mem : ${f(m.total)}total, ${f(m.free)}free, ${f(m.used)}used, ${f(m.cache)}buff/cache     `,
    `MiB Swap: ${f(s.total)}total, ${f(s.free)}free, ${f(s.used)}used. ${f(m.available)}avail Mem `,
  ];
}

/** The columns before COMMAND: name, width, right-justified. */
const COLUMNS: Array<[string, number, boolean]> = [
  ['PID', 7, true],
  ['USER', 8, false],
  ['PR', 3, true],
  ['NI', 3, true],
  ['VIRT', 7, true],
  ['RES', 6, true],
  ['SHR', 6, true],
  ['S', 1, true],
  ['%CPU', 5, true],
  ['%MEM', 5, true],
  ['TIME+', 9, true],
];

/** COMMAND's width: what the screen leaves after the other columns and its own space (varcolsz). */
export const commandWidth = (width: number): number => width - COLUMNS.reduce((sum, [, w]) => sum + w + 1, 0) - 1;

/** The column header (procps' build_headers). */
export function headerLine(width: number): string {
  const fixedPart = COLUMNS.map(([name, w, right]) => justify(name, w, right)).join('');
  return fixedPart + justify('COMMAND', Math.max(0, commandWidth(width)), false);
}

/** One task's %CPU: ticks since the previous frame over the seconds between, capped at its threads. */
function cpuPercent(ticks: number, scale: number, threads: number): number {
  let u = Math.fround(Math.fround(ticks) * scale);
  if (u > 100 * threads) u = 100 * threads;
  return Math.min(u, 200);
}

/** A task's row values. */
interface Task {
  p: ProcRecord;
  delta: number;
  cpu: number;
  mem: number;
}

function row(t: Task, input: FrameInput, width: number): string {
  const { p } = t;
  const user = input.accounts.userName(p.uid) ?? String(p.uid);
  const command = input.commandLines ? p.args || `[${p.comm}]` : p.comm;
  const cells = [
    cut(String(p.pid), 7),
    cut(user, 8),
    p.priority < -99 ? 'rt' : cut(String(p.priority), 3),
    cut(String(p.nice), 3),
    scaleMem(p.vsz, 7),
    scaleMem(p.rss, 6),
    scaleMem(p.shr, 6),
    p.state,
    scalePercent(t.cpu, 5),
    scalePercent(t.mem, 5),
    scaleTics(p.utime + p.stime, 9),
  ];
  const fixedPart = cells.map((cell, i) => justify(cell, COLUMNS[i][1], COLUMNS[i][2])).join('');
  return fixedPart + justify(cut(command, width), width, false);
}

/** The value a sort field compares. */
function sortValue(t: Task, field: string, accounts: Accounts): number | string {
  const p = t.p;
  const values: Record<string, () => number | string> = {
    PID: () => p.pid,
    USER: () => accounts.userName(p.uid) ?? String(p.uid),
    PR: () => p.priority,
    NI: () => p.nice,
    VIRT: () => p.vsz,
    RES: () => p.rss,
    SHR: () => p.shr,
    S: () => p.state,
    '%CPU': () => t.delta,
    '%MEM': () => p.rss,
    'TIME+': () => p.utime + p.stime,
    COMMAND: () => p.comm,
  };
  return (values[field] ?? values['%CPU'])();
}

/** The frame's lines: five of summary, then (after the message line) the header and the tasks. */
export function frameLines(input: FrameInput): { summary: string[]; header: string; rows: string[] } {
  const et0 = Math.fround(input.current.uptime - input.previous.uptime);
  const et = et0 < 0.01 ? Math.fround(0.005) : et0;
  const scale = Math.fround(100 / Math.fround(Math.fround(HZ) * et));
  const before = new Map(input.previous.processes.map((p) => [p.pid, p.utime + p.stime]));
  let tasks: Task[] = input.current.processes.map((p) => {
    const delta = Math.max(0, p.utime + p.stime - (before.get(p.pid) ?? 0));
    const mem = Math.fround(Math.fround(Math.fround(p.rss) * 100) / input.memory.total);
    return { p, delta, cpu: cpuPercent(delta, scale, p.threads), mem };
  });
  const order = input.descending ? -1 : 1;
  tasks = [...tasks].sort((a, b) => {
    const x = sortValue(a, input.sortField, input.accounts);
    const y = sortValue(b, input.sortField, input.accounts);
    return x < y ? -order : x > y ? order : 0;
  });
  if (input.pids) tasks = tasks.filter((t) => input.pids?.includes(t.p.pid));
  if (input.uid !== undefined) tasks = tasks.filter((t) => t.p.uid === input.uid);
  if (input.hideIdle) tasks = tasks.filter((t) => t.delta > 0);
  const width = Math.max(0, commandWidth(input.width));
  const shown = input.pids
    ? input.current.processes.filter((p) => input.pids?.includes(p.pid))
    : input.current.processes;
  return {
    summary: [uptimeLine(input), tasksLine(shown), cpuLine(input.cpu, input.cpuBefore), ...memoryLines(input)],
    header: headerLine(input.width),
    rows: tasks.map((t) => row(t, input, width)),
  };
}
