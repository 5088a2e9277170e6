// jq's date builtins (builtin.c): gmtime, mktime, strftime, strptime and friends, over broken-down
// time arrays, with jq 1.6's messages; local time is UTC on the learner's machine.
import { cfunction } from './builtins-values';
import { strftime, strptime, timegm, utcMs, yearDay, type Tm } from './date-format';
import type { Native } from './eval-types';
import { JqError, type Value } from './values';

function gmtime(v: Value, name: string): Value[] {
  if (typeof v !== 'number') throw new JqError(`${name}() requires numeric inputs`);
  // time_t truncates toward zero; the fraction added back is jq's (it uses floor).
  const d = new Date(Math.trunc(v) * 1000);
  if (Number.isNaN(d.getTime())) throw new JqError('errror converting number of seconds since epoch to datetime');
  const [year, mon, mday] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  const sec = d.getUTCSeconds() + (v - Math.floor(v));
  return [year, mon, mday, d.getUTCHours(), d.getUTCMinutes(), sec, d.getUTCDay(), yearDay(year, mon, mday)];
}

/** jv2tm: all eight fields must be numbers (truncated to ints, as C assigns them). */
function toTm(a: Value): Tm | undefined {
  if (!Array.isArray(a)) return undefined;
  const f = a.slice(0, 8);
  if (f.length < 8 || f.some((x) => typeof x !== 'number')) return undefined;
  const [year, mon, mday, hour, min, sec, wday, yday] = (f as number[]).map(Math.trunc);
  return { year, mon, mday, hour, min, sec, wday, yday };
}

/** strftime/1 and strflocaltime/1 (the same here: local time is UTC). */
const formatter = (fn: string): Native =>
  cfunction((v, format) => {
    if (typeof v === 'number') v = gmtime(v, fn === 'strftime' ? 'gmtime' : 'localtime');
    else if (!Array.isArray(v)) throw new JqError(`${fn}/1 requires parsed datetime inputs`);
    else if (typeof format !== 'string') throw new JqError(`${fn}/1 requires a string format`);
    const tm = toTm(v);
    if (!tm) throw new JqError(`${fn}/1 requires parsed datetime inputs`);
    const out = strftime(tm, String(format));
    // C's strftime fails (returns 0) on an empty result or a full buffer.
    if (out === '' || out.length > String(format).length + 99) throw new JqError(`${fn}/1: unknown system failure`);
    return out;
  });

export const DATE_BUILTINS: Record<string, Native> = {
  'gmtime/0': cfunction((v) => gmtime(v, 'gmtime')),
  'localtime/0': cfunction((v) => gmtime(v, 'localtime')),
  'mktime/0': cfunction((v) => {
    if (!Array.isArray(v)) throw new JqError('mktime requires array inputs');
    const tm = v.length < 6 ? undefined : toTm(v);
    if (!tm) throw new JqError('mktime requires parsed datetime inputs');
    return timegm(tm);
  }),
  'strftime/1': formatter('strftime'),
  'strflocaltime/1': formatter('strflocaltime'),
  'strptime/1': cfunction((v, format) => {
    if (typeof v !== 'string' || typeof format !== 'string')
      throw new JqError('strptime/1 requires string inputs and arguments');
    // jq's sentinels for "not parsed": glibc fills the week and year day in once a date is known.
    const tm: Tm = { year: 1900, mon: 0, mday: 0, hour: 0, min: 0, sec: 0, wday: 8, yday: 367, read: new Set() };
    const rest = strptime(v, format, tm);
    if (rest === undefined || (rest !== '' && !/^\s/.test(rest)))
      throw new JqError(`date "${v}" does not match format "${format}"`);
    if (tm.read?.has('date')) {
      if (!tm.read.has('wday')) tm.wday = new Date(utcMs(tm.year, tm.mon, tm.mday)).getUTCDay();
      if (!tm.read.has('yday')) tm.yday = yearDay(tm.year, tm.mon, tm.mday);
    }
    const out: Value[] = [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday];
    return rest === '' ? out : [...out, rest];
  }),
};
