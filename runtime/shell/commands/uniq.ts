import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { readInput, splitLines } from './coreutils/input';
import { has, last } from './coreutils/options';
import { localeQuote } from './coreutils/quote';

/** GNU `uniq`: drops (or with -c counts, -d/-u selects) adjacent repeated lines. */
export const uniq: ShellCommand = defineUtility({
  name: 'uniq',
  summary: 'report or omit repeated lines',
  options: [
    { key: 'c', short: 'c', long: 'count' },
    { key: 'd', short: 'd', long: 'repeated' },
    { key: 'D', short: 'D' },
    { key: 'f', short: 'f', long: 'skip-fields', arg: 'required' },
    { key: 'i', short: 'i', long: 'ignore-case' },
    { key: 's', short: 's', long: 'skip-chars', arg: 'required' },
    { key: 'u', short: 'u', long: 'unique' },
    { key: 'w', short: 'w', long: 'check-chars', arg: 'required' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
  ],
  async run(ctx, io) {
    const [input = '-', output, extra] = io.args.operands;
    if (extra !== undefined) return io.usage(`extra operand ${localeQuote(extra)}`);
    const number = (key: string, what: string): number | undefined => {
      const v = last(io.args, key);
      if (v === undefined) return 0;
      if (!/^\d+$/.test(v)) {
        io.error(`${v}: invalid number of ${what}`);
        return undefined;
      }
      return Number(v);
    };
    const skipFields = number('f', 'fields to skip');
    const skipChars = number('s', 'bytes to skip');
    const check = last(io.args, 'w') === undefined ? Infinity : number('w', 'bytes to compare');
    if (skipFields === undefined || skipChars === undefined || check === undefined) return 1;
    const text = await readInput(ctx, io, input);
    if (text === undefined) return 1;
    const eol = has(io.args, 'z') ? '\0' : '\n';
    const lines = splitLines(text, eol).map((l) => (l.endsWith(eol) ? l.slice(0, -1) : l));
    const keyOf = (line: string): string => {
      let rest = line;
      for (let f = 0; f < skipFields; f++) rest = rest.replace(/^[ \t]*[^ \t]*/, '');
      rest = rest.slice(skipChars).slice(0, check === Infinity ? undefined : check);
      return has(io.args, 'i') ? rest.toLowerCase() : rest;
    };
    const groups: Array<{ lines: string[]; key: string }> = [];
    for (const line of lines) {
      const key = keyOf(line);
      const lastGroup = groups[groups.length - 1];
      if (lastGroup && lastGroup.key === key) lastGroup.lines.push(line);
      else groups.push({ lines: [line], key });
    }
    let out = '';
    for (const g of groups) {
      const n = g.lines.length;
      if (has(io.args, 'd') && n < 2) continue;
      if (has(io.args, 'D') && n < 2) continue;
      if (has(io.args, 'u') && n > 1) continue;
      const shown = has(io.args, 'D') ? g.lines : [g.lines[0]];
      for (const line of shown) out += `${has(io.args, 'c') ? `${String(n).padStart(7)} ` : ''}${line}${eol}`;
    }
    if (output !== undefined) {
      try {
        ctx.fs.writeTo(io.resolve(output), out);
      } catch (error) {
        io.fsError(output, error);
        return 1;
      }
      return 0;
    }
    await io.out(out);
    return 0;
  },
});
