// strftime and strptime over "broken down time", as glibc does them in the C locale and UTC
// (the learner's machine runs with TZ=UTC).

/** jq's broken-down time: [year, month0, mday, hours, minutes, seconds, wday, yday]. */
export interface Tm {
  /** strptime: which of the date fields were read (glibc then works out the week and year day). */
  read?: Set<'date' | 'wday' | 'yday'>;
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  wday: number;
  yday: number;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June'].concat([
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]);

export const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export const yearDay = (y: number, m: number, d: number): number =>
  [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][m] + (m > 1 && isLeap(y) ? 1 : 0) + d - 1;

/** Milliseconds since the epoch of a UTC date (Date.UTC maps years 0-99 to 19xx; this does not). */
export function utcMs(year: number, mon: number, mday: number, hour = 0, min = 0, sec = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, mon, mday);
  d.setUTCHours(hour, min, sec, 0);
  return d.getTime();
}

export const timegm = (tm: Tm): number => utcMs(tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec) / 1000;

const pad = (n: number, width: number, fill = '0'): string => String(n).padStart(width, fill);
const hour12 = (tm: Tm): number => (tm.hour % 12 === 0 ? 12 : tm.hour % 12);

/** ISO 8601 week-based year and week number. */
function isoWeek(tm: Tm): { year: number; week: number } {
  const wday = (tm.wday + 6) % 7;
  const week = Math.floor((tm.yday - wday + 10) / 7);
  if (week < 1) {
    const days = isLeap(tm.year - 1) ? 366 : 365;
    return { year: tm.year - 1, week: Math.floor((tm.yday + days - wday + 10) / 7) };
  }
  const days = isLeap(tm.year) ? 366 : 365;
  if (week > 52 && tm.yday - wday + 3 >= days) return { year: tm.year + 1, week: 1 };
  return { year: tm.year, week };
}

/** strftime's conversions; composites are written in terms of others. */
const DIRECTIVES: Record<string, (tm: Tm) => string> = {
  a: (tm) => DAYS[tm.wday]?.slice(0, 3) ?? '?',
  A: (tm) => DAYS[tm.wday] ?? '?',
  b: (tm) => MONTHS[tm.mon]?.slice(0, 3) ?? '?',
  B: (tm) => MONTHS[tm.mon] ?? '?',
  c: (tm) => strftime(tm, '%a %b %e %H:%M:%S %Y'),
  C: (tm) => pad(Math.floor(tm.year / 100), 2),
  d: (tm) => pad(tm.mday, 2),
  D: (tm) => strftime(tm, '%m/%d/%y'),
  e: (tm) => pad(tm.mday, 2, ' '),
  F: (tm) => strftime(tm, '%Y-%m-%d'),
  g: (tm) => pad(isoWeek(tm).year % 100, 2),
  G: (tm) => String(isoWeek(tm).year),
  H: (tm) => pad(tm.hour, 2),
  I: (tm) => pad(hour12(tm), 2),
  j: (tm) => pad(tm.yday + 1, 3),
  k: (tm) => pad(tm.hour, 2, ' '),
  l: (tm) => pad(hour12(tm), 2, ' '),
  m: (tm) => pad(tm.mon + 1, 2),
  M: (tm) => pad(tm.min, 2),
  n: () => '\n',
  p: (tm) => (tm.hour < 12 ? 'AM' : 'PM'),
  P: (tm) => (tm.hour < 12 ? 'am' : 'pm'),
  r: (tm) => strftime(tm, '%I:%M:%S %p'),
  R: (tm) => strftime(tm, '%H:%M'),
  s: (tm) => String(timegm(tm)),
  S: (tm) => pad(tm.sec, 2),
  t: () => '\t',
  T: (tm) => strftime(tm, '%H:%M:%S'),
  u: (tm) => String(tm.wday === 0 ? 7 : tm.wday),
  U: (tm) => pad(Math.floor((tm.yday + 7 - tm.wday) / 7), 2),
  V: (tm) => pad(isoWeek(tm).week, 2),
  w: (tm) => String(tm.wday),
  W: (tm) => pad(Math.floor((tm.yday + 7 - ((tm.wday + 6) % 7)) / 7), 2),
  x: (tm) => strftime(tm, '%m/%d/%y'),
  X: (tm) => strftime(tm, '%H:%M:%S'),
  y: (tm) => pad(((tm.year % 100) + 100) % 100, 2),
  Y: (tm) => String(tm.year),
  z: () => '+0000',
  Z: () => 'UTC',
  '%': () => '%',
};

export function strftime(tm: Tm, format: string): string {
  return format.replace(/%(.?)/gs, (_, c: string) => (c === '' ? '%' : (DIRECTIVES[c]?.(tm) ?? `%${c}`)));
}

/** What strptime reads for each directive: a number (its bounds) or a name list. */
const FIELDS: Record<string, { max: number; digits: number; set: (tm: Tm, v: number) => void }> = {
  Y: { max: 9999, digits: 4, set: (tm, v) => (tm.year = v) },
  m: { max: 12, digits: 2, set: (tm, v) => (tm.mon = v - 1) },
  d: { max: 31, digits: 2, set: (tm, v) => (tm.mday = v) },
  e: { max: 31, digits: 2, set: (tm, v) => (tm.mday = v) },
  H: { max: 23, digits: 2, set: (tm, v) => (tm.hour = v) },
  k: { max: 23, digits: 2, set: (tm, v) => (tm.hour = v) },
  M: { max: 59, digits: 2, set: (tm, v) => (tm.min = v) },
  S: { max: 61, digits: 2, set: (tm, v) => (tm.sec = v) },
  j: { max: 366, digits: 3, set: (tm, v) => (tm.yday = v - 1) },
  y: { max: 99, digits: 2, set: (tm, v) => (tm.year = v < 69 ? 2000 + v : 1900 + v) },
};
const COMPOSITES: Record<string, string> = { T: '%H:%M:%S', F: '%Y-%m-%d', D: '%m/%d/%y', R: '%H:%M' };
const NAMES: Record<string, { list: string[]; set: (tm: Tm, v: number) => void }> = {
  b: { list: MONTHS, set: (tm, v) => (tm.mon = v) },
  B: { list: MONTHS, set: (tm, v) => (tm.mon = v) },
  h: { list: MONTHS, set: (tm, v) => (tm.mon = v) },
  a: { list: DAYS, set: (tm, v) => (tm.wday = v) },
  A: { list: DAYS, set: (tm, v) => (tm.wday = v) },
};

/** glibc strptime: fills `tm`; the input left over, or undefined if the text does not fit. */
export function strptime(input: string, format: string, tm: Tm): string | undefined {
  let s = input;
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (/\s/.test(c)) s = s.replace(/^\s+/, '');
    else if (c !== '%' || i + 1 >= format.length) {
      if (s[0] !== c) return undefined;
      s = s.slice(1);
    } else {
      const d = format[++i];
      const field = FIELDS[d];
      const names = NAMES[d];
      if (field) {
        const m = new RegExp(`^\\s*([+-]?\\d{1,${field.digits}})`).exec(s);
        if (!m || Number(m[1]) > field.max) return undefined;
        field.set(tm, Number(m[1]));
        if (d === 'j') tm.read?.add('yday');
        else if ('Ymdey'.includes(d)) tm.read?.add('date');
        s = s.slice(m[0].length);
      } else if (names) {
        const lower = s.toLowerCase();
        const full = names.list.findIndex((n) => lower.startsWith(n.toLowerCase()));
        const abbr = names.list.findIndex((n) => lower.startsWith(n.slice(0, 3).toLowerCase()));
        if (full < 0 && abbr < 0) return undefined;
        names.set(tm, full >= 0 ? full : abbr);
        tm.read?.add(names.list === DAYS ? 'wday' : 'date');
        s = s.slice(full >= 0 ? names.list[full].length : 3);
      } else if (COMPOSITES[d]) {
        const rest = strptime(s, COMPOSITES[d], tm);
        if (rest === undefined) return undefined;
        s = rest;
      } else if (d === 'z') {
        const m = /^\s*(?:Z|[+-]\d{2}:?\d{2})/.exec(s);
        if (!m) return undefined;
        s = s.slice(m[0].length);
      } else if (d === 'n' || d === 't') s = s.replace(/^\s+/, '');
      else if (d === '%') {
        if (s[0] !== '%') return undefined;
        s = s.slice(1);
      } else if (d === 'Z') s = s.replace(/^\s*\S*/, '');
      else return undefined;
    }
  }
  return s;
}
