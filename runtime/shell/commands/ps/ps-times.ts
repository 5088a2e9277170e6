// The time columns of ps (TIME, ELAPSED, STIME, START, STARTED) and the C library's ctime(),
// in the host's time zone, UTC.
import { HZ, type ProcRecord, type ProcessSnapshot } from './process-snapshot';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** ctime(3) without its newline: `Sun Nov  1 10:05:46 2026`. */
export function ctime(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  const time = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${time} ${d.getUTCFullYear()}`;
}

/** Seconds since boot the process has lived (procps' TIME_ELAPSED, a double). */
export function elapsed(p: ProcRecord, s: ProcessSnapshot): number {
  const ticks = s.bootTicks - p.startTicks;
  return ticks > 0 ? ticks / HZ : 0;
}

/** When the process started, epoch seconds (boot time plus whole seconds after it). */
export const startedAt = (p: ProcRecord, s: ProcessSnapshot): number => s.btime + Math.floor(p.startTicks / HZ);

/** [dd-]hh:mm:ss, as TIME shows CPU time. */
export function clockTime(seconds: number): string {
  const t = Math.trunc(seconds);
  const days = Math.floor(t / 86400);
  const hms = `${pad2(Math.floor(t / 3600) % 24)}:${pad2(Math.floor(t / 60) % 60)}:${pad2(t % 60)}`;
  return days ? `${days}-${hms}` : hms;
}

/** [[dd-]hh:]mm:ss, as ELAPSED shows a process's age. */
export function elapsedTime(seconds: number): string {
  const t = Math.trunc(seconds);
  const days = Math.floor(t / 86400);
  const hours = Math.floor(t / 3600) % 24;
  const ms = `${pad2(Math.floor(t / 60) % 60)}:${pad2(t % 60)}`;
  if (days) return `${days}-${pad2(hours)}:${ms}`;
  return hours ? `${pad2(hours)}:${ms}` : ms;
}

/** STIME: `HH:MM` today, `MonDD` earlier this year, else the year. */
export function shortStart(start: number, nowSeconds: number): string {
  const then = new Date(start * 1000);
  const now = new Date(nowSeconds * 1000);
  if (then.getUTCFullYear() !== now.getUTCFullYear()) return String(then.getUTCFullYear());
  const dayOf = (d: Date): number => Math.floor(d.getTime() / 86400000);
  if (dayOf(then) !== dayOf(now)) return `${MONTHS[then.getUTCMonth()]}${pad2(then.getUTCDate())}`;
  return `${pad2(then.getUTCHours())}:${pad2(then.getUTCMinutes())}`;
}

/** STARTED (start): `HH:MM:SS` within a day, else `  Mon DD` with the day zero-padded. */
export function longStart(start: number, nowSeconds: number): string {
  const text = ctime(start)
    .replace(/^(.{8}) /, '$10')
    .replace(/^(.{11}) /, '$10');
  if (start + 86400 > nowSeconds) return text.slice(11, 19);
  return `  ${text.slice(4, 10)}`;
}

/** bsdstart: ` HH:MM` within a day, else `Mon DD` (day space-padded). */
export function bsdStart(start: number, nowSeconds: number): string {
  const text = ctime(start);
  return nowSeconds - start > 86400 ? text.slice(4, 10) : text.slice(10, 16);
}
