import type { Stat } from '../../fs/inode';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `drwxr-xr-x`: the type letter and the nine permission letters with s/S/t/T. */
export function modeString(st: Pick<Stat, 'kind' | 'mode'>): string {
  const type = st.kind === 'directory' ? 'd' : st.kind === 'symlink' ? 'l' : '-';
  const m = st.mode;
  const triple = (shift: number, special: number, letter: string): string => {
    const r = m & (4 << shift) ? 'r' : '-';
    const w = m & (2 << shift) ? 'w' : '-';
    const x = m & (1 << shift);
    const s = m & special;
    return r + w + (s ? (x ? letter : letter.toUpperCase()) : x ? 'x' : '-');
  };
  return type + triple(6, 0o4000, 's') + triple(3, 0o2000, 's') + triple(0, 0o1000, 't');
}

/** The user or group name of an id on the learner's host. */
export const userName = (id: number): string => (id === 0 ? 'root' : id === 1000 ? 'learner' : String(id));

/** ls's date column: `Nov 29 07:21` within six months, else `Nov 29  2025` (UTC). */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`;
  const sixMonths = 15_778_476_000;
  const recent = mtime <= now && now - mtime < sixMonths;
  if (recent) return `${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  return `${day}  ${d.getUTCFullYear()}`;
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * gnulib human_readable as `ls -h`, `du -h` and `df -h` print sizes: powers of 1024, rounded
 * up, one decimal below 10 (`4.0K`, `12K`, `1.5M`), bytes as they are.
 */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  let value = bytes;
  let unit = -1;
  do {
    value /= 1024;
    unit++;
  } while (value >= 1024 && unit < 7);
  let shown: string;
  if (value < 10) {
    const tenths = Math.ceil(value * 10 - 1e-9);
    shown = tenths >= 100 ? '10' : (tenths / 10).toFixed(1);
  } else {
    shown = String(Math.ceil(value - 1e-9));
    if (Number(shown) >= 1024 && unit < 7) {
      unit++;
      shown = '1.0';
    }
  }
  return `${shown}${'KMGTPEZY'[unit]}`;
}

export { MONTHS, DAYS };
