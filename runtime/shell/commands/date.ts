import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { formatDate, parseDate } from './coreutils/dates';
import { has, last } from './coreutils/options';
import { localeQuote, shellQuote } from './coreutils/quote';

const ISO_FORMATS: Record<string, string> = {
  date: '%Y-%m-%d',
  hours: '%Y-%m-%dT%H%:z',
  minutes: '%Y-%m-%dT%H:%M%:z',
  seconds: '%Y-%m-%dT%H:%M:%S%:z',
  ns: '%Y-%m-%dT%H:%M:%S,%N%:z',
};

/** GNU `date` in UTC: now (or -d DATE, -r FILE) as `Sun Nov 29 07:21:11 UTC 2026` or +FORMAT. */
export const date: ShellCommand = defineUtility({
  name: 'date',
  summary: 'print or set the system date and time',
  options: [
    { key: 'd', short: 'd', long: 'date', arg: 'required' },
    { key: 'f', short: 'f', long: 'file', arg: 'required' },
    { key: 'I', short: 'I', long: 'iso-8601', arg: 'optional' },
    { key: 'R', short: 'R', long: 'rfc-email' },
    { key: 'rfc3339', long: 'rfc-3339', arg: 'required' },
    { key: 'r', short: 'r', long: 'reference', arg: 'required' },
    { key: 's', short: 's', long: 'set', arg: 'required' },
    { key: 'u', short: 'u', long: 'utc' },
    { key: 'u', long: 'universal' },
    { key: 'debug', long: 'debug' },
  ],
  async run(ctx, io) {
    let when = ctx.shell.clock.now();
    const dateText = last(io.args, 'd');
    if (dateText !== undefined) {
      const parsed = parseDate(dateText, when);
      if (parsed === undefined) {
        io.error(`invalid date ${localeQuote(dateText)}`);
        return 1;
      }
      when = parsed;
    }
    const ref = last(io.args, 'r');
    if (ref !== undefined) {
      try {
        when = ctx.fs.stat(io.resolve(ref)).mtime;
      } catch (error) {
        io.fsError(shellQuote(ref), error);
        return 1;
      }
    }
    if (has(io.args, 's')) {
      io.error('cannot set date: Operation not permitted');
      return 1;
    }
    const ops = io.args.operands;
    if (ops.length > 1) return io.usage(`extra operand ${localeQuote(ops[1])}`);
    let format = '%a %b %e %H:%M:%S %Z %Y';
    if (ops.length === 1) {
      if (!ops[0].startsWith('+')) {
        if (['d', 'f', 'r', 's'].some((k) => has(io.args, k)))
          return io.usage(
            `the argument ${localeQuote(ops[0])} lacks a leading '+';\nwhen using an option to specify date(s), any non-option\nargument must be a format string beginning with '+'`,
          );
        io.error(`invalid date ${localeQuote(ops[0])}`);
        return 1;
      }
      format = ops[0].slice(1);
    } else if (has(io.args, 'R')) format = '%a, %d %b %Y %H:%M:%S %z';
    else if (has(io.args, 'I')) {
      const spec = last(io.args, 'I') ?? 'date';
      const match = Object.keys(ISO_FORMATS).find((k) => k.startsWith(spec));
      if (!match)
        return io.usage(
          `invalid argument ${localeQuote(spec)} for '--iso-8601'\nValid arguments are:\n  - 'hours'\n  - 'minutes'\n  - 'date'\n  - 'seconds'\n  - 'ns'`,
        );
      format = ISO_FORMATS[match];
    } else if (has(io.args, 'rfc3339')) {
      const spec = last(io.args, 'rfc3339') as string;
      format = spec === 'date' ? '%Y-%m-%d' : spec === 'ns' ? '%Y-%m-%d %H:%M:%S.%N%:z' : '%Y-%m-%d %H:%M:%S%:z';
    }
    await io.out(`${formatDate(format, when)}\n`);
    return 0;
  },
});
