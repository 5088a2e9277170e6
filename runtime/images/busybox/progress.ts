// libbb's progress meter (bb_progress_update) as busybox wget draws it once a transfer is done:
// the file name in 20 columns, the percentage and a bar as wide as the terminal leaves (80
// columns when stderr is not a terminal: 32 stars), the size in 5 columns, and the ETA.

/** smart_ulltoa5: `  615`, `12345`, ` 120k`, `92.1M`. */
export function compactSize(bytes: number): string {
  if (bytes <= 99999) return String(bytes).padStart(5);
  const scale = ' kMGTPEZY';
  let value = bytes * 10;
  let index = 0;
  do {
    value = Math.floor(value / 1024);
    index++;
  } while (value >= 100000);
  const whole = Math.floor(value / 10);
  const tenth = value % 10;
  if (whole >= 100) return `${String(Math.floor(whole / 10)).padStart(3)}${whole % 10}${scale[index]}`;
  return `${String(whole).padStart(2)}.${tenth}${scale[index]}`;
}

/**
 * The final progress line for `name` after `transferred` bytes of `total` (undefined: unknown
 * length, no bar); `cols` is the terminal's width when stderr is one.
 */
export function progressLine(name: string, transferred: number, total: number | undefined, cols?: number): string {
  const tty = cols !== undefined;
  let line = `${tty ? '\r' : ''}${name.slice(0, 20).padEnd(20)} `;
  if (total) {
    line += `${String(Math.floor((100 * transferred) / total)).padStart(3)}% `;
    const bar = Math.min((cols ?? 80) - 48, 999);
    if (bar > 2) {
      const stars = Math.floor((bar * transferred) / total);
      line += `|${'*'.repeat(stars)}${' '.repeat(bar - stars)}| `;
    }
  }
  line += compactSize(transferred);
  line += total && transferred ? '  0:00:00 ETA' : ' --:--:-- ETA';
  return `${line}\n`;
}
