// top's field formatting (procps-ng 4.0.2 top.c): numbers and names cut with a `+` when too
// wide, memory scaled to m/g/t, percentages with decreasing precision, CPU time as m:ss.hh, each
// justified in its width and followed by one space.

/** printf("%.Nf", x): rounding half to even on exact binary ties, as glibc does. */
export function fixed(x: number, digits: number): string {
  const exact = x.toFixed(20);
  const dot = exact.indexOf('.');
  const tail = exact.slice(dot + 1 + digits);
  if (/^50*$/.test(tail)) {
    const truncated = exact.slice(0, dot + 1 + digits).replace(/\.$/, '');
    const last = Number(truncated[truncated.length - 1]);
    if (last % 2 === 0) return truncated;
  }
  return x.toFixed(digits);
}

/** Justifies `text` in `width` (right for numbers) and adds the column's space. */
export const justify = (text: string, width: number, right: boolean): string =>
  `${right ? text.padStart(width) : text.padEnd(width)} `;

/** A text cut to `width` with `+` as its last character when too long (make_str). */
export function cut(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}+` : text;
}

/** KiB scaled until it fits: `1637632`, `11.2g` (scale_mem, from KiB). */
export function scaleMem(kib: number, width: number): string {
  let num = Math.fround(kib);
  const suffixes = ['', 'm', 'g', 't', 'p'];
  for (let i = 0; i < suffixes.length; i++) {
    const text = i === 0 ? fixed(num, 0) : `${fixed(num, 1)}${suffixes[i]}`;
    if (text.length <= width) return text;
    num = Math.fround(num / 1024);
  }
  return '?';
}

/** A percentage: `%#.1f`, else without decimals, else `?` (scale_pcnt). */
export function scalePercent(value: number, width: number): string {
  const one = fixed(value, 1);
  if (one.length <= width) return one;
  const none = fixed(value, 0).padStart(width);
  return none.length <= width ? none : '?';
}

/** Ticks as `m:ss.hh`, else `m:ss`, `h,mm`, `Nd+Nh`, `Nd`, `Nw+Nd`, `Nw` (scale_tics). */
export function scaleTics(ticks: number, width: number): string {
  const cent = ticks % 100;
  const secs = Math.floor(ticks / 100);
  const mins = Math.floor(secs / 60);
  const hour = Math.floor(mins / 60);
  const days = Math.floor(hour / 24);
  const week = Math.floor(days / 7);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const tries: string[] = [];
  if (mins < 361) tries.push(`${mins}:${pad(secs % 60)}.${pad(cent)}`, `${mins}:${pad(secs % 60)}`);
  if (hour < 97) tries.push(`${hour},${pad(mins % 60)}`);
  if (days < 15) tries.push(`${days}d+${hour % 24}h`, `${days}d`);
  tries.push(`${week}w+${days % 7}d`, `${week}w`);
  return tries.find((t) => t.length <= width) ?? '?';
}

/** The MiB figures of the memory lines: `%#.1f ` in 9 columns, `+` past 8 (do_memory's prT). */
export function memoryFigure(kib: number): string {
  const text = `${fixed(Math.fround(Math.fround(kib) / 1024), 1)} `;
  return text.length > 9 ? `${text.slice(0, 8)}+` : text;
}
