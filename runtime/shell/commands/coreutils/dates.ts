import { DAYS, MONTHS, pad2 } from './format';

const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FULL_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const UNIT_MS: Record<string, number> = {
  second: 1000,
  sec: 1000,
  minute: 60_000,
  min: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
  fortnight: 1_209_600_000,
};

/**
 * A date as `date -d` and `touch -d` read it, in UTC: `@SECONDS`, `YYYY-MM-DD[ HH:MM[:SS]]`
 * (also with `T` and `Z`), `now`, `today`, `yesterday`, `tomorrow`, `N UNIT[s] [ago]`,
 * `+N UNIT`, `next/last UNIT`. Undefined when not understood.
 */
export function parseDate(text: string, now: number): number | undefined {
  const t = text.trim().toLowerCase();
  if (t === '' || t === 'now' || t === 'today')
    return t === 'today' || t === '' ? (t === '' ? startOfDay(now) : now) : now;
  if (t === 'yesterday') return now - 86_400_000;
  if (t === 'tomorrow') return now + 86_400_000;
  const epoch = /^@(-?\d+(?:\.\d+)?)$/.exec(t);
  if (epoch) return Math.floor(Number(epoch[1]) * 1000);
  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?$/.exec(
      t,
    );
  if (iso) {
    const [, y, mo, d, h = '0', mi = '0', s = '0', zone] = iso;
    if (Number(mo) > 12 || Number(mo) < 1 || Number(d) > 31 || Number(d) < 1 || Number(h) > 23) return undefined;
    let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    if (zone && zone !== 'z' && zone !== 'utc') {
      const sign = zone[0] === '-' ? -1 : 1;
      const digits = zone.slice(1).replace(':', '');
      ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
    }
    return ms;
  }
  const rel =
    /^([+-]?\d+)?\s*(next|last)?\s*(second|sec|minute|min|hour|day|week|fortnight|month|year)s?(\s+ago)?$/.exec(t);
  if (rel && (rel[1] !== undefined || rel[2] !== undefined)) {
    let n = rel[1] !== undefined ? Number(rel[1]) : rel[2] === 'last' ? -1 : 1;
    if (rel[4]) n = -n;
    const unit = rel[3];
    if (unit === 'month' || unit === 'year') {
      const d = new Date(now);
      if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
      else d.setUTCFullYear(d.getUTCFullYear() + n);
      return d.getTime();
    }
    return now + n * UNIT_MS[unit];
  }
  return undefined;
}

const startOfDay = (ms: number): number => ms - (((ms % 86_400_000) + 86_400_000) % 86_400_000);

/** strftime in UTC, for `date +FORMAT` (with GNU's `-`, `_`, `0` and `^` flags). */
export function formatDate(format: string, ms: number, zone = 'UTC'): string {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  const dayOfYear =
    Math.floor((Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  const hour12 = d.getUTCHours() % 12 || 12;
  const seconds = Math.floor(ms / 1000);
  const isoWeek = (): [number, number] => {
    const target = new Date(Date.UTC(year, d.getUTCMonth(), d.getUTCDate()));
    const day = (target.getUTCDay() + 6) % 7;
    target.setUTCDate(target.getUTCDate() - day + 3);
    const firstThursday = new Date(Date.UTC(target.getUTCFullYear(), 0, 4));
    const week =
      1 +
      Math.round(
        ((target.getTime() - firstThursday.getTime()) / 86_400_000 - 3 + ((firstThursday.getUTCDay() + 6) % 7)) / 7,
      );
    return [week, target.getUTCFullYear()];
  };
  const codes: Record<string, () => [string, number, string]> = {
    // value, default width, default pad ('0' or ' ' or '' for text)
    a: () => [DAYS[d.getUTCDay()], 0, ''],
    A: () => [FULL_DAYS[d.getUTCDay()], 0, ''],
    b: () => [MONTHS[d.getUTCMonth()], 0, ''],
    h: () => [MONTHS[d.getUTCMonth()], 0, ''],
    B: () => [FULL_MONTHS[d.getUTCMonth()], 0, ''],
    c: () => [formatDate('%a %b %e %H:%M:%S %Y', ms, zone), 0, ''],
    C: () => [String(Math.floor(year / 100)), 2, '0'],
    d: () => [String(d.getUTCDate()), 2, '0'],
    D: () => [formatDate('%m/%d/%y', ms, zone), 0, ''],
    e: () => [String(d.getUTCDate()), 2, ' '],
    F: () => [formatDate('%Y-%m-%d', ms, zone), 0, ''],
    g: () => [String(isoWeek()[1] % 100), 2, '0'],
    G: () => [String(isoWeek()[1]), 0, ''],
    H: () => [String(d.getUTCHours()), 2, '0'],
    I: () => [String(hour12), 2, '0'],
    j: () => [String(dayOfYear), 3, '0'],
    k: () => [String(d.getUTCHours()), 2, ' '],
    l: () => [String(hour12), 2, ' '],
    m: () => [String(d.getUTCMonth() + 1), 2, '0'],
    M: () => [String(d.getUTCMinutes()), 2, '0'],
    n: () => ['\n', 0, ''],
    N: () => [String((((ms % 1000) + 1000) % 1000) * 1_000_000), 9, '0'],
    p: () => [d.getUTCHours() < 12 ? 'AM' : 'PM', 0, ''],
    P: () => [d.getUTCHours() < 12 ? 'am' : 'pm', 0, ''],
    r: () => [formatDate('%I:%M:%S %p', ms, zone), 0, ''],
    R: () => [formatDate('%H:%M', ms, zone), 0, ''],
    s: () => [String(seconds), 0, ''],
    S: () => [String(d.getUTCSeconds()), 2, '0'],
    t: () => ['\t', 0, ''],
    T: () => [formatDate('%H:%M:%S', ms, zone), 0, ''],
    u: () => [String(d.getUTCDay() || 7), 1, '0'],
    V: () => [String(isoWeek()[0]), 2, '0'],
    w: () => [String(d.getUTCDay()), 1, '0'],
    x: () => [formatDate('%m/%d/%y', ms, zone), 0, ''],
    X: () => [formatDate('%H:%M:%S', ms, zone), 0, ''],
    y: () => [String(year % 100), 2, '0'],
    Y: () => [String(year), 0, ''],
    z: () => ['+0000', 0, ''],
    Z: () => [zone, 0, ''],
    '%': () => ['%', 0, ''],
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%') {
      out += format[i];
      continue;
    }
    const m = /^([-_0^#]*)(\d*)(:{0,3})([a-zA-Z%])/.exec(format.slice(i + 1));
    if (!m) {
      out += '%';
      continue;
    }
    const [whole, flags, widthText, colons, code] = m;
    i += whole.length;
    if (code === 'z' && colons) {
      out += colons === ':' ? '+00:00' : colons === '::' ? '+00:00:00' : '+00';
      continue;
    }
    const make = codes[code];
    if (!make) {
      out += `%${whole}`;
      continue;
    }
    let [value, width, pad] = make();
    if (flags.includes('-')) pad = 'none';
    else if (flags.includes('_')) pad = ' ';
    else if (flags.includes('0')) pad = '0';
    if (widthText) width = Number(widthText);
    if (pad !== 'none' && width > value.length) value = value.padStart(width, pad === '' ? ' ' : pad);
    if (flags.includes('^')) value = value.toUpperCase();
    out += value;
  }
  return out;
}

export { pad2 };
