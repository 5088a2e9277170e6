import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { parseDate } from './coreutils/dates';
import { has, last } from './coreutils/options';
import { localeQuote, shellQuote } from './coreutils/quote';

/** GNU `touch`: creates empty files or sets their modification time (-d DATE, -c, -r FILE). */
export const touch: ShellCommand = defineUtility({
  name: 'touch',
  summary: 'change file timestamps',
  options: [
    { key: 'a', short: 'a' },
    { key: 'c', short: 'c', long: 'no-create' },
    { key: 'd', short: 'd', long: 'date', arg: 'required' },
    { key: 'f', short: 'f' },
    { key: 'h', short: 'h', long: 'no-dereference' },
    { key: 'm', short: 'm' },
    { key: 'r', short: 'r', long: 'reference', arg: 'required' },
    { key: 't', short: 't', arg: 'required' },
    { key: 'time', long: 'time', arg: 'required' },
  ],
  async run(ctx, io) {
    if (io.args.operands.length === 0) return io.usage('missing file operand');
    let when = ctx.shell.clock.now();
    const dateText = last(io.args, 'd');
    if (dateText !== undefined) {
      const parsed = parseDate(dateText, when);
      if (parsed === undefined) {
        io.error(`invalid date format ${localeQuote(dateText)}`);
        return 1;
      }
      when = parsed;
    }
    const stamp = last(io.args, 't');
    if (stamp !== undefined) {
      const m = /^(\d{2}|\d{4})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(stamp);
      if (!m) {
        io.error(`invalid date format ${localeQuote(stamp)}`);
        return 1;
      }
      const year =
        m[1] === undefined
          ? new Date(when).getUTCFullYear()
          : m[1].length === 2
            ? 1900 + Number(m[1]) + (Number(m[1]) < 69 ? 100 : 0)
            : Number(m[1]);
      when = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
    }
    const ref = last(io.args, 'r');
    if (ref !== undefined) {
      try {
        when = ctx.fs.stat(io.resolve(ref)).mtime;
      } catch (error) {
        io.fsError(`failed to get attributes of ${shellQuote(ref, true)}`, error);
        return 1;
      }
    }
    let status = 0;
    for (const op of io.args.operands) {
      const path = io.resolve(op);
      try {
        if (!ctx.fs.exists(path)) {
          if (has(io.args, 'c')) continue;
          ctx.fs.writeTo(path, '');
        }
        ctx.fs.utimes(path, when);
      } catch (error) {
        io.fsError(`cannot touch ${shellQuote(op, true)}`, error);
        status = 1;
      }
    }
    return status;
  },
});
