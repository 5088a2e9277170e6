import type { Io } from './define';
import { localeQuote } from './quote';
import { parseSize } from './input';

/**
 * head's and tail's -n/-c: whether they count lines or bytes, how many (10 lines by default),
 * and the sign written before the number (`-` for head's "all but", `+` for tail's "from").
 * Returns the exit status after GNU's error for a number it cannot read.
 */
export function countOption(io: Io): { mode: 'lines' | 'bytes'; count: number; sign: string } | number {
  const given = io.args.options.filter((o) => o.key === 'c' || o.key === 'n').pop();
  const mode = given?.key === 'c' ? 'bytes' : 'lines';
  if (given?.value === undefined) return { mode, count: 10, sign: '' };
  const size = parseSize(given.value.replace(/^[-+]/, ''));
  if (size === undefined) {
    io.error(`invalid number of ${mode}: ${localeQuote(given.value)}`);
    return 1;
  }
  return { mode, count: size, sign: /^[-+]/.test(given.value) ? given.value[0] : '' };
}
