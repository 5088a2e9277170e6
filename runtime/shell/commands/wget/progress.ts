// wget's progress gauges (src/progress.c): the bar, drawn with `\r` on a terminal, and the dots
// (one per KiB, 50 to a row) everywhere else, and the rates and sizes they show (utils.c,
// retr.c). kubeplay's transfers take no time on the clock: `seconds` is what a local transfer
// of that size would take.

/** human_readable(n, acc, decimals): `615`, `1.2K`, `5.3M`. */
export function humanReadable(n: number, acc: number, decimals: number): string {
  if (n < 1024) return String(n);
  const powers = 'KMGTPE';
  let value = n;
  for (let i = 0; i < powers.length; i++) {
    if (value / 1024 < 1024 || i === powers.length - 1) {
      const v = value / 1024;
      return `${v < acc ? v.toFixed(decimals) : v.toFixed(0)}${powers[i]}`;
    }
    value = Math.floor(value / 1024);
  }
  return String(n);
}

/** calc_rate: bytes a second in B, KB, MB, GB (units of 1024). */
function calcRate(bytes: number, seconds: number): [number, number] {
  let rate = bytes / seconds;
  let units = 0;
  while (units < 3 && rate >= 1024) {
    rate /= 1024;
    units++;
  }
  return [rate, units];
}

const precision = (rate: number): number => (rate >= 99.95 ? 0 : rate >= 9.995 ? 1 : 2);

/** retr_rate: `47.6 MB/s`. */
export function retrRate(bytes: number, seconds: number): string {
  const [rate, units] = calcRate(bytes, seconds);
  return `${rate.toFixed(precision(rate))} ${['B/s', 'KB/s', 'MB/s', 'GB/s'][units]}`;
}

/** print_decimal: `0`, `0.001`, `0.2`, `1.5`, `12`. */
export function printDecimal(n: number): string {
  if (n >= 9.95) return n.toFixed(0);
  if (n >= 0.95) return n.toFixed(1);
  if (n >= 0.001) return String(Number(n.toPrecision(1)));
  if (n >= 0.0005) return n.toFixed(3);
  return '0';
}

/** How long a local transfer of `bytes` takes, in seconds (about 100 MB/s after a few µs). */
export const transferSeconds = (bytes: number): number => 8e-6 + bytes / 100e6;

const DOT_BYTES = 1024;
const DOTS_IN_LINE = 50;

/** The dot gauge of a finished transfer of `bytes` (of `total`, when known). */
export function dotProgress(bytes: number, total: number | undefined): string {
  const seconds = transferSeconds(bytes);
  const rowBytes = DOT_BYTES * DOTS_IN_LINE;
  let out = '';
  const fullRows = Math.floor(bytes / rowBytes);
  for (let row = 0; row < fullRows; row++) {
    out += `\n${`${(row * rowBytes) / 1024}`.padStart(6)}K`;
    for (let dot = 0; dot < DOTS_IN_LINE; dot++) out += `${dot % 10 === 0 ? ' ' : ''}.`;
    const shown = (row + 1) * rowBytes;
    const rowSeconds = (seconds * rowBytes) / bytes;
    const [rate, units] = calcRate(rowBytes, rowSeconds);
    if (total) out += `${String(Math.floor((100 * shown) / total)).padStart(3)}%`;
    out += ` ${rate.toFixed(precision(rate)).padStart(4)}${' KMGT'[units]}`;
    if (total) out += ` ${etaShort(Math.round((seconds * (total - shown)) / shown))}`;
  }
  const left = bytes - fullRows * rowBytes;
  const dots = Math.floor(left / DOT_BYTES);
  out += `\n${`${(fullRows * rowBytes) / 1024}`.padStart(6)}K`;
  for (let dot = 0; dot < DOTS_IN_LINE; dot++) out += `${dot % 10 === 0 ? ' ' : ''}${dot < dots ? '.' : ' '}`;
  if (total) out += `${String(Math.floor((100 * bytes) / total)).padStart(3)}%`;
  const [rate, units] = calcRate(left || 1, Math.max(seconds * (left / (bytes || 1)), 1e-9));
  out += ` ${rate.toFixed(precision(rate)).padStart(4)}${' KMGT'[units]}=${printDecimal(seconds)}s`;
  return `${out}\n\n`;
}

/** eta_to_human_short: `3s`, `2m 5s`, `1h 2m`, `3d 4h`. */
function etaShort(secs: number): string {
  if (secs < 100) return `${secs}s`;
  if (secs < 100 * 60) return `${Math.floor(secs / 60)}m ${secs % 60}s`;
  if (secs < 48 * 3600) return `${Math.floor(secs / 3600)}h ${Math.floor((secs / 60) % 60)}m`;
  return `${Math.floor(secs / 86400)}d ${Math.floor((secs / 3600) % 24)}h`;
}

/**
 * One image of the bar for `name` on a terminal `cols` wide: `done` is the final one (with
 * `in Ns`); `tick` moves the `<=>` of a transfer of unknown size.
 */
export function barImage(
  name: string,
  cols: number,
  bytes: number,
  total: number | undefined,
  done: boolean,
  tick: number,
): string {
  const width = Math.max(cols || 80, 51) - 1;
  const maxName = Math.floor(width / 4);
  let progressSize = width - (maxName + 1 + 4 + 2 + 8 + 10 + 15);
  if (progressSize < 5) progressSize = 0;
  let out = name.length < maxName ? `${name}${' '.repeat(maxName - name.length + 1)}` : `${name.slice(0, maxName)} `;
  out += total ? `${String(Math.floor((100 * bytes) / total)).padStart(3)}%` : '    ';
  if (progressSize && total) {
    const size = Math.floor((bytes / total) * progressSize);
    const bar = size > 0 ? `${'='.repeat(size - 1)}>` : '';
    out += `[${bar.padEnd(progressSize)}]`;
  } else if (progressSize) {
    const ind = tick % (progressSize * 2 - 6);
    const pos = ind < progressSize - 2 ? ind + 1 : progressSize - (ind - progressSize + 5);
    let bar = '';
    for (let i = 0; i < progressSize; i++) bar += i === pos - 1 ? '<' : i === pos ? '=' : i === pos + 1 ? '>' : ' ';
    out += `[${bar}]`;
  }
  out += humanReadable(bytes, 1000, 2).padStart(8);
  out += '  --.-KB/s';
  if (done) {
    const elapsed = `    in ${printDecimal(transferSeconds(bytes) > 0.0005 ? transferSeconds(bytes) : 0)}s`;
    out += elapsed.padEnd(15);
  } else if (total) out += ' '.repeat(15);
  return out.padEnd(width);
}
