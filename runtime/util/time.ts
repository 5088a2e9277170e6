/** A metav1.Time as JSON: RFC 3339 in UTC, whole seconds (`2026-01-01T00:00:00Z`). */
export function formatTime(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  // The cluster writes many timestamps within one second: the last one is kept.
  if (seconds !== lastFormatted.seconds) {
    lastFormatted.seconds = seconds;
    lastFormatted.text = new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastFormatted.text;
}

const lastFormatted = { seconds: NaN, text: '' };

/** Milliseconds since the epoch of a metav1.Time, or undefined if it is not one. */
export function parseTime(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
