import type { ShellCommand } from '../command';
import { readAll, stringInput } from '../process';
import { defineUtility } from './coreutils/define';
import { has, last } from './coreutils/options';
import { localeQuote } from './coreutils/quote';

/** Input words as xargs reads them: blanks separate, quotes and backslashes group. */
function words(text: string): string[] | string {
  const out: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const end = text.indexOf(ch, i + 1);
      const newline = text.indexOf('\n', i + 1);
      if (end < 0 || (newline >= 0 && newline < end))
        return `unmatched ${ch === "'" ? 'single' : 'double'} quote; by default quotes are special to xargs unless you use the -0 option`;
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (ch === '\\' && i + 1 < text.length) word = (word ?? '') + text[++i];
    else if (/\s/.test(ch)) {
      if (word !== undefined) out.push(word);
      word = undefined;
    } else word = (word ?? '') + ch;
  }
  if (word !== undefined) out.push(word);
  return out;
}

/**
 * GNU `xargs` (findutils 4.9): runs COMMAND (default echo) with words from stdin appended, as
 * many at a time as -n allows, or once per line with -I; only commands this shell has.
 */
export const xargs: ShellCommand = defineUtility({
  name: 'xargs',
  summary: 'build and execute command lines from standard input',
  stopAtOperand: true,
  options: [
    { key: '0', short: '0', long: 'null' },
    { key: 'd', short: 'd', long: 'delimiter', arg: 'required' },
    { key: 'I', short: 'I', arg: 'required' },
    { key: 'L', short: 'L', long: 'max-lines', arg: 'required' },
    { key: 'n', short: 'n', long: 'max-args', arg: 'required' },
    { key: 'P', short: 'P', long: 'max-procs', arg: 'required' },
    { key: 'r', short: 'r', long: 'no-run-if-empty' },
    { key: 't', short: 't', long: 'verbose' },
  ],
  async run(ctx, io) {
    const text = await readAll(ctx.stdin);
    const replace = last(io.args, 'I');
    const delimiter = has(io.args, '0') ? '\0' : last(io.args, 'd');
    let items: string[];
    if (replace !== undefined)
      items = text
        .split('\n')
        .map((l) => l.replace(/^\s+/, ''))
        .filter((l) => l !== '');
    else if (delimiter !== undefined) {
      items = text.split(delimiter);
      if (items[items.length - 1] === '' || (delimiter !== '\n' && items[items.length - 1] === '\n')) items.pop();
    } else {
      const parsed = words(text);
      if (typeof parsed === 'string') {
        io.error(parsed);
        return 1;
      }
      items = parsed;
    }
    const maxText = last(io.args, 'n') ?? last(io.args, 'L');
    if (maxText !== undefined && !/^[1-9]\d*$/.test(maxText)) {
      io.error(`invalid number ${localeQuote(maxText)} for -${has(io.args, 'n') ? 'n' : 'L'} option`);
      return 1;
    }
    const per = replace !== undefined ? 1 : maxText === undefined ? Infinity : Number(maxText);
    const base = io.args.operands.length ? io.args.operands : ['echo'];
    const command = ctx.shell.commands.get(base[0]);
    const batches: string[][] = [];
    for (let i = 0; i < items.length; i += per === Infinity ? Math.max(items.length, 1) : per)
      batches.push(items.slice(i, i + (per === Infinity ? items.length : per)));
    if (batches.length === 0 && !has(io.args, 'r') && replace === undefined) batches.push([]);
    let status = 0;
    for (const batch of batches) {
      const argv = replace !== undefined ? base.map((a) => a.split(replace).join(batch[0])) : [...base, ...batch];
      if (has(io.args, 't')) ctx.stderr.write(`${argv.join(' ')}\n`);
      if (!command) {
        io.error(`${base[0]}: No such file or directory`);
        return 127;
      }
      const code = await command.run({ ...ctx, argv, stdin: stringInput('') });
      if (code === 255) {
        io.error(`${base[0]}: exited with status 255; aborting`);
        return 124;
      }
      if (code !== 0) status = 123;
    }
    return status;
  },
});
