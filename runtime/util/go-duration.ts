/** Go's time.Duration.String() of `ms` milliseconds: `850ms`, `5.384s`, `2m3.5s`, `1h0m0s`. */
export function goDuration(ms: number): string {
  ms = Math.round(ms);
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = ((ms % 60_000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  if (hours > 0) return `${hours}h${minutes}m${seconds}s`;
  if (minutes > 0) return `${minutes}m${seconds}s`;
  return `${seconds}s`;
}

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/**
 * Go's time.ParseDuration in milliseconds (`90s`, `1h30m`, `1.5m`, `-2s`, `0`); undefined where
 * Go would fail with `time: invalid duration "…"` (or a missing or unknown unit).
 */
export function parseGoDuration(text: string): number | undefined {
  const match = /^([-+]?)(.*)$/.exec(text) as RegExpExecArray;
  const [, sign, rest] = match;
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  const part = /(\d*\.?\d*)(ns|us|µs|μs|ms|s|m|h)/y;
  let at = 0;
  while (at < rest.length) {
    part.lastIndex = at;
    const found = part.exec(rest);
    if (!found || found[1] === '' || found[1] === '.') return undefined;
    total += Number(found[1]) * UNIT_MS[found[2]];
    at = part.lastIndex;
  }
  return sign === '-' ? -total : total;
}
