import { CancelledError } from '../../cancel';
import { sleep } from '../../clock';
import type { CommandContext, ShellCommand } from '../command';
import { defineUtility, type Io } from './coreutils/define';
import { countOption } from './coreutils/count';
import { decodeUtf8, encodeUtf8 } from '../../util/utf8';
import { readInput, splitLines } from './coreutils/input';
import { has } from './coreutils/options';
import { shellQuote } from './coreutils/quote';

/** `-5`, `+5`, `-5c`, `-f5`… (the obsolete forms) as -n/-c options. */
function rewriteObsolete(argv: string[]): string[] {
  const match = /^([-+])(\d*)([bcl]?)(f?)$/.exec(argv[1] ?? '');
  if (!match || (match[1] === '-' && match[2] === '')) return argv;
  const [, sign, digits, unit, follow] = match;
  if (sign === '+' && argv.length > 3) return argv;
  const n = `${sign === '+' ? '+' : ''}${digits || '10'}${unit === 'b' ? 'b' : ''}`;
  return [argv[0], unit === 'c' || unit === 'b' ? '-c' : '-n', n, ...(follow ? ['-f'] : []), ...argv.slice(2)];
}

/** The part of `text` tail prints: the last `count` lines/bytes, or from the `count`th on. */
function tailOf(text: string, mode: 'bytes' | 'lines', count: number, fromStart: boolean, sep: string): string {
  if (mode === 'bytes') {
    const bytes = encodeUtf8(text);
    return decodeUtf8(fromStart ? bytes.slice(Math.max(0, count - 1)) : bytes.slice(Math.max(0, bytes.length - count)));
  }
  const lines = splitLines(text, sep);
  return (fromStart ? lines.slice(Math.max(0, count - 1)) : count === 0 ? [] : lines.slice(-count)).join('');
}

/** Follows `names` (`tail -f`): every second, prints what was appended, until Ctrl-C. */
async function follow(ctx: CommandContext, io: Io, names: string[], seen: Map<string, string>, headers: boolean) {
  let current = names[names.length - 1];
  try {
    for (;;) {
      await sleep(ctx.shell.clock, 1000, ctx.signal);
      for (const name of names) {
        if (name === '-' || !seen.has(name)) continue;
        let text: string;
        try {
          text = ctx.fs.readFile(io.resolve(name));
        } catch {
          continue;
        }
        const before = seen.get(name) as string;
        if (text === before) continue;
        let added = text.startsWith(before) ? text.slice(before.length) : text;
        if (!text.startsWith(before)) io.error(`${shellQuote(name)}: file truncated`);
        seen.set(name, text);
        if (headers && name !== current) {
          added = `\n==> ${name} <==\n${added}`;
          current = name;
        }
        await io.out(added);
      }
    }
  } catch (error) {
    if (error instanceof CancelledError) return 130;
    throw error;
  }
}

const utility = defineUtility({
  name: 'tail',
  summary: 'output the last part of files',
  options: [
    { key: 'c', short: 'c', long: 'bytes', arg: 'required' },
    { key: 'f', short: 'f', long: 'follow', arg: 'optional' },
    { key: 'F', short: 'F' },
    { key: 'n', short: 'n', long: 'lines', arg: 'required' },
    { key: 'pid', long: 'pid', arg: 'required' },
    { key: 'q', short: 'q', long: 'quiet' },
    { key: 'q', long: 'silent' },
    { key: 'retry', long: 'retry' },
    { key: 's', short: 's', long: 'sleep-interval', arg: 'required' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
  ],
  async run(ctx, io) {
    const counted = countOption(io);
    if (typeof counted === 'number') return counted;
    const { mode, count } = counted;
    const fromStart = counted.sign === '+';
    const sep = has(io.args, 'z') ? '\0' : '\n';
    const files = io.args.operands.length ? io.args.operands : ['-'];
    const headers = has(io.args, 'v') || (files.length > 1 && !has(io.args, 'q'));
    const seen = new Map<string, string>();
    let status = 0;
    let first = true;
    for (const name of files) {
      const text = await readInput(ctx, io, name, 'open');
      if (text === undefined) {
        status = 1;
        continue;
      }
      seen.set(name, text);
      if (headers) await io.out(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
      first = false;
      await io.out(tailOf(text, mode, count, fromStart, sep));
    }
    const following = has(io.args, 'f') || has(io.args, 'F');
    if (following && [...seen.keys()].some((n) => n !== '-')) return follow(ctx, io, files, seen, headers);
    return status;
  },
});

/** GNU `tail`: the last 10 lines (or -n N, -n +N, -c N) of each file; -f follows appends. */
export const tail: ShellCommand = {
  ...utility,
  run: (ctx) => utility.run({ ...ctx, argv: rewriteObsolete(ctx.argv) }),
};
