import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { decodeUtf8, encodeUtf8 } from '../../util/utf8';
import { readInput, splitLines } from './coreutils/input';
import { has, last } from './coreutils/options';
import { localeQuote } from './coreutils/quote';

type Ranges = Array<[number, number]>;

/** Parses LIST (N, N-, N-M, -M, comma separated); a string is GNU's complaint. */
function parseList(list: string, what: string): Ranges | string {
  const ranges: Ranges = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) {
      if (part === '-') return 'invalid range with no endpoint: -';
      return `invalid ${what} value ${localeQuote(part.replace(/^\d*-?/, '') || part)}`.replace(
        /value ‘(.*)’/,
        (_, v: string) => `value ${localeQuote(/\d/.test(v) ? v : part)}`,
      );
    }
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] ? (m[3] === '' ? Infinity : Number(m[3])) : from;
    if (from === 0 || (m[3] !== '' && Number(m[3]) === 0 && m[2]))
      return `${what === 'field' ? 'fields' : 'byte/character positions'} are numbered from 1`;
    if (to < from) return 'invalid decreasing range';
    ranges.push([from, to]);
  }
  return ranges;
}

const inRanges = (ranges: Ranges, n: number): boolean => ranges.some(([a, b]) => n >= a && n <= b);

/** GNU `cut`: selected bytes (-b, -c as bytes) or fields (-f, split by -d, TAB by default). */
export const cut: ShellCommand = defineUtility({
  name: 'cut',
  summary: 'remove sections from each line of files',
  options: [
    { key: 'b', short: 'b', long: 'bytes', arg: 'required' },
    { key: 'c', short: 'c', long: 'characters', arg: 'required' },
    { key: 'd', short: 'd', long: 'delimiter', arg: 'required' },
    { key: 'f', short: 'f', long: 'fields', arg: 'required' },
    { key: 'n', short: 'n' },
    { key: 'complement', long: 'complement' },
    { key: 's', short: 's', long: 'only-delimited' },
    { key: 'od', long: 'output-delimiter', arg: 'required' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
  ],
  async run(ctx, io) {
    const modes = io.args.options.filter((o) => ['b', 'c', 'f'].includes(o.key));
    if (new Set(modes.map((m) => m.key)).size > 1 || modes.length > 1)
      return io.usage('only one list may be specified');
    if (modes.length === 0) return io.usage('you must specify a list of bytes, characters, or fields');
    const mode = modes[0];
    const fieldMode = mode.key === 'f';
    const delim = last(io.args, 'd');
    if (delim !== undefined && !fieldMode)
      return io.usage('an input delimiter may be specified only when operating on fields');
    if (has(io.args, 's') && !fieldMode)
      return io.usage('suppressing non-delimited lines makes sense\n\tonly when operating on fields');
    if (delim !== undefined && [...delim].length > 1) return io.usage('the delimiter must be a single character');
    const ranges = parseList(mode.value as string, fieldMode ? 'field' : 'byte/character position');
    if (typeof ranges === 'string') return io.usage(ranges);
    const complement = has(io.args, 'complement');
    const pick = (n: number): boolean => inRanges(ranges, n) !== complement;
    const sep = delim === undefined || delim === '' ? (delim === '' ? '\0' : '\t') : delim;
    const outSep = last(io.args, 'od');
    const eol = has(io.args, 'z') ? '\0' : '\n';
    let status = 0;
    for (const name of io.args.operands.length ? io.args.operands : ['-']) {
      const text = await readInput(ctx, io, name);
      if (text === undefined) {
        status = 1;
        continue;
      }
      let out = '';
      for (const raw of splitLines(text, eol)) {
        const line = raw.endsWith(eol) ? raw.slice(0, -1) : raw;
        if (fieldMode) {
          if (!line.includes(sep)) {
            if (!has(io.args, 's')) out += line + eol;
            continue;
          }
          out +=
            line
              .split(sep)
              .filter((_, i) => pick(i + 1))
              .join(outSep ?? sep) + eol;
        } else {
          const bytes = encodeUtf8(line);
          if (outSep === undefined) out += decodeUtf8(bytes.filter((_, i) => pick(i + 1))) + eol;
          else {
            const pieces: number[][] = [];
            bytes.forEach((b, i) => {
              if (!pick(i + 1)) return;
              if (i > 0 && pick(i)) pieces[pieces.length - 1].push(b);
              else pieces.push([b]);
            });
            out += pieces.map((piece) => decodeUtf8(piece)).join(outSep) + eol;
          }
        }
      }
      await io.out(out);
    }
    return status;
  },
});
