import { describe, expect, it } from 'vitest';
import { GO_ZERO_TIME_MS, loadLocation, parseGoDuration, parseStandardSchedule } from './cron-schedule';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** The first `n` activations after `from`. */
function nexts(spec: string, from: string, n: number): string[] {
  const schedule = parseStandardSchedule(spec);
  const out: string[] = [];
  for (let t = at(from); out.length < n;) {
    t = schedule.next(t);
    out.push(iso(t));
  }
  return out;
}

describe('cron schedules (robfig/cron v3 ParseStandard)', () => {
  it.each([
    ['*/15 * * * *', '2026-01-01T00:07:30Z', ['2026-01-01T00:15:00Z', '2026-01-01T00:30:00Z', '2026-01-01T00:45:00Z']],
    [
      '0 9-17/4 * * MON-FRI',
      '2026-01-02T10:00:00Z',
      ['2026-01-02T13:00:00Z', '2026-01-02T17:00:00Z', '2026-01-05T09:00:00Z'],
    ],
    ['30 6 1,15 * *', '2026-01-01T07:00:00Z', ['2026-01-15T06:30:00Z', '2026-02-01T06:30:00Z', '2026-02-15T06:30:00Z']],
    [
      '0 0 * JAN,jul 0',
      '2026-01-01T00:00:00Z',
      ['2026-01-04T00:00:00Z', '2026-01-11T00:00:00Z', '2026-01-18T00:00:00Z'],
    ],
    // With neither day field a star, either may match.
    ['0 12 13 * 5', '2026-02-01T00:00:00Z', ['2026-02-06T12:00:00Z', '2026-02-13T12:00:00Z', '2026-02-20T12:00:00Z']],
    ['5/20 * * * *', '2026-01-01T00:00:00Z', ['2026-01-01T00:05:00Z', '2026-01-01T00:25:00Z', '2026-01-01T00:45:00Z']],
    ['0 0 29 2 *', '2026-01-01T00:00:00Z', ['2028-02-29T00:00:00Z', '2032-02-29T00:00:00Z', '2036-02-29T00:00:00Z']],
    ['@hourly', '2026-01-01T00:59:59Z', ['2026-01-01T01:00:00Z', '2026-01-01T02:00:00Z', '2026-01-01T03:00:00Z']],
    ['@daily', '2026-01-01T00:00:00Z', ['2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z']],
    ['@weekly', '2026-01-01T00:00:00Z', ['2026-01-04T00:00:00Z', '2026-01-11T00:00:00Z', '2026-01-18T00:00:00Z']],
    ['@monthly', '2026-01-15T00:00:00Z', ['2026-02-01T00:00:00Z', '2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z']],
    ['@yearly', '2026-01-15T00:00:00Z', ['2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z', '2029-01-01T00:00:00Z']],
    [
      '@every 1h30m',
      '2026-01-01T00:00:00.500Z',
      ['2026-01-01T01:30:00Z', '2026-01-01T03:00:00Z', '2026-01-01T04:30:00Z'],
    ],
    [
      'CRON_TZ=Etc/GMT-5 0 9 * * *',
      '2026-01-01T00:00:00Z',
      ['2026-01-01T04:00:00Z', '2026-01-02T04:00:00Z', '2026-01-03T04:00:00Z'],
    ],
    [
      'TZ=UTC 0 9 * * *',
      '2026-01-01T00:00:00Z',
      ['2026-01-01T09:00:00Z', '2026-01-02T09:00:00Z', '2026-01-03T09:00:00Z'],
    ],
  ])('%s after %s', (spec, from, expected) => {
    expect(nexts(spec, from, 3)).toEqual(expected);
  });

  it('returns the zero time for a date that never comes', () => {
    expect(parseStandardSchedule('0 0 30 2 *').next(at('2026-01-01T00:00:00Z'))).toBe(GO_ZERO_TIME_MS);
  });

  it.each([
    ['', 'empty spec string'],
    ['* * *', 'expected exactly 5 fields, found 3: [* * *]'],
    ['61 * * * *', 'end of range (61) above maximum (59): 61'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['5-2 * * * *', 'beginning of range (5) beyond end of range (2): 5-2'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
    ['TZ=Mars/Olympus * * * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ])('refuses %j: %s', (spec, message) => {
    expect(() => parseStandardSchedule(spec)).toThrow(message);
  });

  it('knows UTC and fixed offsets only', () => {
    expect(loadLocation('Etc/UTC')).toBe(0);
    expect(loadLocation('Etc/GMT+3')).toBe(-180);
    expect(loadLocation('Etc/GMT-14')).toBe(840);
    expect(() => loadLocation('Europe/Berlin')).toThrow('unknown time zone Europe/Berlin');
    expect(parseGoDuration('1.5h')).toBe(5_400_000);
    expect(parseGoDuration('250ms')).toBe(250);
  });
});
