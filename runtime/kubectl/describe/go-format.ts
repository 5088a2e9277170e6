import { parseTime } from '../../util/time';
import { humanDuration } from '../../util/duration';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** What Go prints for a zero time.Time in RFC1123Z (a missing metav1.Time). */
const ZERO_RFC1123Z = 'Mon, 01 Jan 0001 00:00:00 +0000';

/**
 * A metav1.Time as describe prints it: time.RFC1123Z (`Mon, 02 Jan 2006 15:04:05 -0700`), in
 * the simulated machine's zone, UTC; a missing or unparsable time prints Go's zero time.
 */
export function rfc1123z(value: unknown): string {
  const ms = parseTime(value);
  if (ms === undefined) return ZERO_RFC1123Z;
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}

/** translateTimestampSince: the HumanDuration from `value` to `now`, `<unknown>` for no time. */
export function timestampSince(value: unknown, now: number): string {
  const ms = parseTime(value);
  if (ms === undefined) return '<unknown>';
  return humanDuration(now - ms);
}

/** labels.FormatLabels: sorted `k=v` joined by commas, `<none>` for none. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels?.[k]}`).join(',');
}

/** A metav1.LabelSelector as JSON. */
export interface LabelSelectorSpec {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

/**
 * LabelSelectorAsSelector(s).String(): requirements sorted by key, `k=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k`, `!k`; empty for an empty or missing selector.
 */
export function selectorString(selector: LabelSelectorSpec | undefined | null): string {
  if (!selector) return '';
  const reqs: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(selector.matchLabels ?? {})) reqs.push([k, `${k}=${v}`]);
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In'
        ? `${e.key} in (${values})`
        : e.operator === 'NotIn'
          ? `${e.key} notin (${values})`
          : e.operator === 'Exists'
            ? e.key
            : `!${e.key}`;
    reqs.push([e.key, text]);
  }
  return reqs
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, t]) => t)
    .join(',');
}

/** metav1.FormatLabelSelector: selectorString, or `<none>` when that is empty. */
export function formatLabelSelector(selector: LabelSelectorSpec | undefined | null): string {
  return selectorString(selector) || '<none>';
}

/** Go's %v of a []string: `[a b c]`. */
export function goStringSlice(values: readonly unknown[] | undefined): string {
  return `[${(values ?? []).map(String).join(' ')}]`;
}

/** printBool: `True` or `False`. */
export function printBool(value: unknown): string {
  return value ? 'True' : 'False';
}

/** stringOrNone: the text, or `<none>` when empty. */
export function stringOrNone(text: string | undefined): string {
  return text ? text : '<none>';
}

/** Sorts strings by UTF-16 code units, which orders ASCII names as Go's sort.Strings does. */
export function sortStrings(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
