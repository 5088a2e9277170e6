import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { countOption } from './coreutils/count';
import { decodeUtf8, encodeUtf8 } from '../../util/utf8';
import { readInput, readLeading, splitLines } from './coreutils/input';
import { has } from './coreutils/options';

/** `-5` and `-5c` (the obsolete forms) as `-n 5` and `-c 5`. */
function rewriteObsolete(argv: string[]): string[] {
  const match = /^-(\d+)([bkmcl]?)([qv]?)$/.exec(argv[1] ?? '');
  if (!match) return argv;
  const [, n, unit, qv] = match;
  const count =
    unit === 'c'
      ? ['-c', n]
      : unit && unit !== 'l'
        ? ['-c', `${n}${unit === 'k' ? 'K' : unit === 'm' ? 'M' : 'b'}`]
        : ['-n', n];
  return [argv[0], ...count, ...(qv ? [`-${qv}`] : []), ...argv.slice(2)];
}

const utility = defineUtility({
  name: 'head',
  summary: 'output the first part of files',
  options: [
    { key: 'c', short: 'c', long: 'bytes', arg: 'required' },
    { key: 'n', short: 'n', long: 'lines', arg: 'required' },
    { key: 'q', short: 'q', long: 'quiet' },
    { key: 'q', long: 'silent' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
  ],
  async run(ctx, io) {
    const counted = countOption(io);
    if (typeof counted === 'number') return counted;
    const { mode, count } = counted;
    const allBut = counted.sign === '-';
    const separator = has(io.args, 'z') ? '\0' : '\n';
    const files = io.args.operands.length ? io.args.operands : ['-'];
    const headers = has(io.args, 'v') || (files.length > 1 && !has(io.args, 'q'));
    let status = 0;
    let first = true;
    for (const name of files) {
      // Standard input is read only as far as it is printed (`yes | head` ends).
      const text =
        name === '-' && !allBut
          ? await readLeading(ctx.stdin, mode === 'bytes' ? 'bytes' : 'lines', count, separator)
          : await readInput(ctx, io, name, 'open');
      if (text === undefined) {
        status = 1;
        continue;
      }
      if (headers) await io.out(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
      first = false;
      if (mode === 'bytes') {
        const bytes = encodeUtf8(text);
        await io.out(decodeUtf8(allBut ? bytes.slice(0, Math.max(0, bytes.length - count)) : bytes.slice(0, count)));
      } else {
        const lines = splitLines(text, separator);
        await io.out((allBut ? lines.slice(0, Math.max(0, lines.length - count)) : lines.slice(0, count)).join(''));
      }
    }
    return status;
  },
});

/** GNU `head`: the first 10 lines (or -n N, -n -N, -c N) of each file. */
export const head: ShellCommand = {
  ...utility,
  run: (ctx) => utility.run({ ...ctx, argv: rewriteObsolete(ctx.argv) }),
};
