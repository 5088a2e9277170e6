import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { has, last } from './coreutils/options';
import { localeQuote } from './coreutils/quote';

/** Decimal places of a numeric operand as written (`1.50` → 2, `1e3` → 0). */
const places = (text: string): number => /\.(\d*)/.exec(text.replace(/e.*$/i, ''))?.[1].length ?? 0;

const utility = defineUtility({
  name: 'seq',
  summary: 'print a sequence of numbers',
  options: [
    { key: 'f', short: 'f', long: 'format', arg: 'required' },
    { key: 's', short: 's', long: 'separator', arg: 'required' },
    { key: 'w', short: 'w', long: 'equal-width' },
  ],
  async run(ctx, io) {
    // Negative numbers are operands, not options: seq re-reads them.
    const ops = io.args.operands;
    if (ops.length === 0) return io.usage('missing operand');
    if (ops.length > 3) return io.usage(`extra operand ${localeQuote(ops[3])}`);
    for (const op of ops)
      if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(op.trim()) && !/^[-+]?(inf|infinity|nan)$/i.test(op)) {
        return io.usage(`invalid floating point argument: ${localeQuote(op)}`);
      }
    const [first, step, lastText] =
      ops.length === 1 ? ['1', '1', ops[0]] : ops.length === 2 ? [ops[0], '1', ops[1]] : ops;
    const a = Number(first);
    const inc = Number(step);
    const b = Number(lastText);
    if (inc === 0) {
      return io.usage(`invalid Zero increment value: ${localeQuote(step)}`);
    }
    const decimals = Math.max(places(first), places(step));
    const sep = last(io.args, 's') ?? '\n';
    const format = last(io.args, 'f');
    const count = Math.floor((b - a) / inc + 1e-10) + 1;
    let width = 0;
    if (has(io.args, 'w')) {
      const widest = [a, a + (count - 1) * inc, b].map((n) => n.toFixed(decimals).length);
      width = Math.max(...widest);
    }
    const show = (n: number): string => {
      if (format !== undefined) {
        return format.replace(/%(-?\d*)(?:\.(\d+))?([gfe])/, (_, w: string, p: string | undefined, c: string) => {
          const text =
            c === 'f'
              ? n.toFixed(p === undefined ? 6 : Number(p))
              : c === 'e'
                ? n.toExponential(p === undefined ? 6 : Number(p))
                : String(Number(n.toPrecision(p === undefined ? 6 : Number(p) || 1)));
          return w.startsWith('-')
            ? text.padEnd(Number(w.slice(1)))
            : text.padStart(Number(w || 0), w.startsWith('0') ? '0' : ' ');
        });
      }
      let text = n.toFixed(decimals);
      if (text === '-0' || /^-0\.0*$/.test(text)) text = text.slice(1);
      if (width > 0)
        text = text.startsWith('-') ? `-${text.slice(1).padStart(width - 1, '0')}` : text.padStart(width, '0');
      return text;
    };
    let out = '';
    for (let i = 0; i < count; i++) {
      out += (i > 0 ? sep : '') + show(a + i * inc);
      if (out.length > 65536) {
        await io.out(out);
        out = '';
      }
      if (ctx.signal.aborted) return 130;
    }
    if (count > 0) out += '\n';
    await io.out(out);
    return 0;
  },
});

/** GNU `seq`: numbers from FIRST by INCREMENT to LAST; a negative number ends the options. */
export const seq: ShellCommand = {
  ...utility,
  run(ctx) {
    const i = ctx.argv.findIndex((a, n) => n > 0 && /^-[\d.]/.test(a));
    const argv = i < 0 ? ctx.argv : [...ctx.argv.slice(0, i), '--', ...ctx.argv.slice(i)];
    return utility.run({ ...ctx, argv });
  },
};
