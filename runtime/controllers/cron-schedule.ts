/**
 * Cron schedules as kube-controller-manager reads them: robfig/cron v3's `ParseStandard` (five
 * fields — minute, hour, day of month, month, day of week — with `*`, `?`, ranges, steps, lists
 * and JAN…DEC / SUN…SAT names; the descriptors @yearly, @annually, @monthly, @weekly, @daily,
 * @midnight, @hourly and `@every <duration>`; a `CRON_TZ=` or `TZ=` prefix) and
 * `SpecSchedule.Next`. Error texts are robfig's.
 *
 * Time zones: UTC and fixed offsets only (UTC, GMT, Etc/UTC, Etc/GMT±N and their aliases; Local
 * is UTC, as kube-controller-manager runs in minikube). Zones with daylight saving time are
 * refused as unknown, so no DST rule is ever applied.
 */

/** A parsed schedule (cron.Schedule). */
export interface CronSchedule {
  /** The first activation strictly after `ms` (epoch ms), or GO_ZERO_TIME_MS when none within 5 years. */
  next(ms: number): number;
}

/** Go's zero time.Time (0001-01-01T00:00:00Z), what Next returns when nothing matches. */
export const GO_ZERO_TIME_MS = -62_135_596_800_000;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One field's allowed values, and whether it was written as `*` or `?` (robfig's starBit). */
interface FieldSet {
  values: Set<number>;
  star: boolean;
}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

function bits(min: number, max: number, step = 1): Set<number> {
  const values = new Set<number>();
  for (let v = min; v <= max; v += step) values.add(v);
  return values;
}

const all = (b: Bounds): FieldSet => ({ values: bits(b.min, b.max), star: true });
const only = (v: number): FieldSet => ({ values: new Set([v]), star: false });

/** mustParseInt. */
function parseIntStrict(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr)) {
    throw new Error(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  }
  const n = Number(expr);
  if (n < 0) throw new Error(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function parseIntOrName(expr: string, names: Record<string, number> | undefined): number {
  const named = names?.[expr.toLowerCase()];
  return named ?? parseIntStrict(expr);
}

/** getRange: `*`, `?`, `a`, `a-b`, each optionally `/step`. */
function parseRange(expr: string, b: Bounds, into: FieldSet): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], b.names);
    else throw new Error(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = parseIntStrict(rangeAndStep[1]);
    // "N/step" means "N-max/step".
    if (singleDigit) end = b.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) {
    throw new Error(`too many slashes: ${expr}`);
  }
  if (start < b.min) throw new Error(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new Error(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new Error(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new Error(`step of range should be a positive number: ${expr}`);
  for (const v of bits(start, end, step)) into.values.add(v);
  into.star ||= star;
}

/** getField: a comma-separated list of ranges. */
function parseField(field: string, b: Bounds): FieldSet {
  const set: FieldSet = { values: new Set(), star: false };
  for (const expr of field.split(',')) parseRange(expr, b, set);
  return set;
}

const ZONE_ALIASES = new Set([
  '',
  'UTC',
  'Local',
  'GMT',
  'UCT',
  'Zulu',
  'Universal',
  'Greenwich',
  'Etc/UTC',
  'Etc/GMT',
  'Etc/UCT',
  'Etc/Zulu',
  'Etc/Universal',
  'Etc/Greenwich',
  'Etc/GMT+0',
  'Etc/GMT-0',
  'Etc/GMT0',
  'GMT0',
  'GMT+0',
  'GMT-0',
]);

/**
 * time.LoadLocation for the zones kubeplay knows: the offset from UTC in minutes. `Etc/GMT+5` is
 * five hours behind UTC (POSIX signs). Anything else throws `unknown time zone <name>`.
 */
export function loadLocation(name: string): number {
  if (ZONE_ALIASES.has(name)) return 0;
  const etc = /^Etc\/GMT([+-])(\d{1,2})$/.exec(name);
  if (etc) {
    const hours = Number(etc[2]);
    if ((etc[1] === '+' && hours <= 12) || (etc[1] === '-' && hours <= 14)) {
      return (etc[1] === '+' ? -hours : hours) * 60;
    }
  }
  throw new Error(`unknown time zone ${name}`);
}

/** The fields of a wall-clock time (ms already shifted by the zone offset). */
const wall = (t: number) => {
  const d = new Date(t);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
};

/** SpecSchedule: the six bit sets (seconds always 0 here) and a fixed zone. */
class SpecSchedule implements CronSchedule {
  constructor(
    private readonly minute: FieldSet,
    private readonly hour: FieldSet,
    private readonly dom: FieldSet,
    private readonly month: FieldSet,
    private readonly dow: FieldSet,
    private readonly offsetMs: number,
  ) {}

  /** dayMatches: with `*` in either day field both must match, else either may. */
  private dayMatches(t: number): boolean {
    const { day, weekday } = wall(t);
    const domMatch = this.dom.values.has(day);
    const dowMatch = this.dow.values.has(weekday);
    if (this.dom.star || this.dow.star) return domMatch && dowMatch;
    return domMatch || dowMatch;
  }

  next(ms: number): number {
    // The earliest possible time: the upcoming whole second, on the zone's wall clock.
    let t = ms + this.offsetMs;
    t = t - (((t % SECOND) + SECOND) % SECOND) + SECOND;
    let added = false;
    const yearLimit = wall(t).year + 5;
    wrap: for (;;) {
      if (wall(t).year > yearLimit) return GO_ZERO_TIME_MS;
      while (!this.month.values.has(wall(t).month)) {
        if (!added) {
          added = true;
          const w = wall(t);
          t = Date.UTC(w.year, w.month - 1, 1);
        }
        const w = wall(t);
        t = Date.UTC(w.year, w.month, 1);
        if (wall(t).month === 1) continue wrap;
      }
      while (!this.dayMatches(t)) {
        if (!added) {
          added = true;
          const w = wall(t);
          t = Date.UTC(w.year, w.month - 1, w.day);
        }
        t += DAY;
        if (wall(t).day === 1) continue wrap;
      }
      while (!this.hour.values.has(wall(t).hour)) {
        if (!added) {
          added = true;
          t -= t % HOUR;
        }
        t += HOUR;
        if (wall(t).hour === 0) continue wrap;
      }
      while (!this.minute.values.has(wall(t).minute)) {
        if (!added) {
          added = true;
          t -= t % MINUTE;
        }
        t += MINUTE;
        if (wall(t).minute === 0) continue wrap;
      }
      // Seconds are always 0 in the standard parser.
      if (wall(t).second !== 0) {
        t = t - (t % MINUTE) + MINUTE;
        added = true;
        continue wrap;
      }
      return t - this.offsetMs;
    }
  }
}

/** ConstantDelaySchedule: every `delay`, counted from whole seconds. */
class ConstantDelaySchedule implements CronSchedule {
  constructor(private readonly delayMs: number) {}

  next(ms: number): number {
    return ms - (((ms % SECOND) + SECOND) % SECOND) + this.delayMs;
  }
}

const DURATION_UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: SECOND,
  m: MINUTE,
  h: HOUR,
};

/** time.ParseDuration, in milliseconds. */
export function parseGoDuration(text: string): number {
  const quoted = JSON.stringify(text);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new Error(`time: invalid duration ${quoted}`);
  let total = 0;
  while (rest !== '') {
    const number = /^(\d*)(\.\d*)?/.exec(rest) as RegExpExecArray;
    if (number[0] === '' || number[0] === '.') throw new Error(`time: invalid duration ${quoted}`);
    rest = rest.slice(number[0].length);
    const unit = /^[^\d.]*/.exec(rest)?.[0] ?? '';
    if (unit === '') throw new Error(`time: missing unit in duration ${quoted}`);
    const scale = DURATION_UNITS[unit];
    if (scale === undefined) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    rest = rest.slice(unit.length);
    total += Number(number[0]) * scale;
  }
  return sign * total;
}

/** parseDescriptor: the @-forms. */
function parseDescriptor(descriptor: string, offsetMs: number): CronSchedule {
  const spec = (minute: FieldSet, hour: FieldSet, dom: FieldSet, month: FieldSet, dow: FieldSet) =>
    new SpecSchedule(minute, hour, dom, month, dow, offsetMs);
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      return spec(only(0), only(0), only(1), only(1), all(DOW));
    case '@monthly':
      return spec(only(0), only(0), only(1), all(MONTHS), all(DOW));
    case '@weekly':
      return spec(only(0), only(0), all(DOM), all(MONTHS), only(0));
    case '@daily':
    case '@midnight':
      return spec(only(0), only(0), all(DOM), all(MONTHS), all(DOW));
    case '@hourly':
      return spec(only(0), all(HOURS), all(DOM), all(MONTHS), all(DOW));
  }
  const every = '@every ';
  if (descriptor.startsWith(every)) {
    let duration: number;
    try {
      duration = parseGoDuration(descriptor.slice(every.length));
    } catch (error) {
      throw new Error(`failed to parse duration ${descriptor}: ${(error as Error).message}`, { cause: error });
    }
    // Every: at least a second, whole seconds only.
    const delay = duration < SECOND ? SECOND : duration - (duration % SECOND);
    return new ConstantDelaySchedule(delay);
  }
  throw new Error(`unrecognized descriptor: ${descriptor}`);
}

/** cron.ParseStandard: a schedule from a five-field spec or a descriptor; throws robfig's errors. */
export function parseStandardSchedule(input: string): CronSchedule {
  let spec = input;
  if (spec.length === 0) throw new Error('empty spec string');
  let offsetMs = 0;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    const name = space < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, space);
    try {
      offsetMs = loadLocation(name) * MINUTE;
    } catch (error) {
      throw new Error(`provided bad location ${name}: ${(error as Error).message}`, { cause: error });
    }
    spec = space < 0 ? '' : spec.slice(space).trim();
  }
  if (spec.startsWith('@')) return parseDescriptor(spec, offsetMs);
  const fields = spec.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) {
    throw new Error(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  }
  return new SpecSchedule(
    parseField(fields[0], MINUTES),
    parseField(fields[1], HOURS),
    parseField(fields[2], DOM),
    parseField(fields[3], MONTHS),
    parseField(fields[4], DOW),
    offsetMs,
  );
}
