// Values as the dashboard writes them: ages relative to the cluster clock, and times.

const UNITS: Array<[string, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/** How long before `now` `timestamp` was, as `5 minutes ago` (`-` when there is none). */
export function ago(now: number, timestamp: string | undefined): string {
  const age = duration(now, timestamp);
  return age === '-' ? age : `${age} ago`;
}

/** The time from `timestamp` to `now` in its largest unit (`5 minutes`); `-` when there is none. */
export function duration(now: number, timestamp: string | undefined): string {
  if (!timestamp) return '-';
  const then = Date.parse(timestamp);
  if (Number.isNaN(then)) return '-';
  const elapsed = Math.max(0, now - then);
  for (const [unit, size] of UNITS) {
    const count = Math.floor(elapsed / size);
    if (count >= 1) return `${count} ${unit}${count === 1 ? '' : 's'}`;
  }
  return '0 seconds';
}

/** A timestamp as the dashboard's tooltips write it (`2026-01-01 00:05:00 UTC`). */
export function time(timestamp: string | undefined): string {
  if (!timestamp) return '-';
  const then = Date.parse(timestamp);
  if (Number.isNaN(then)) return timestamp;
  return `${new Date(then)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} UTC`;
}
