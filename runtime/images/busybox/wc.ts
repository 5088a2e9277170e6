// busybox wc: its own columns (each count `%9u` after a space, the first without it; a lone
// count of a lone input bare), counted as wc.c does (words end at ASCII whitespace).
import { errorText } from '../../shell/fs/errors';
import { normalizePath } from '../../shell/fs/volume';
import { encodeUtf8 } from '../../util/utf8';
import type { ProcessContext } from '../types';
import { complain, defineApplet, flags } from './applet';

/** lines, words, chars, bytes, longest line: the order wc prints them in. */
type Counts = [number, number, number, number, number];

function count(text: string): Counts {
  const counts: Counts = [0, 0, 0, 0, 0];
  const bytes = encodeUtf8(text);
  counts[3] = bytes.length;
  let linepos = 0;
  let inWord = false;
  for (const ch of text) {
    counts[2]++;
    const c = ch.codePointAt(0) ?? 0;
    if (c >= 0x20 && c < 0x7f) {
      linepos++;
      if (ch !== ' ') {
        inWord = true;
        continue;
      }
    } else if (c >= 9 && c <= 13) {
      if (ch === '\t') linepos = (linepos | 7) + 1;
      else {
        counts[4] = Math.max(counts[4], linepos);
        if (ch === '\n') counts[0]++;
        if (ch !== '\v') linepos = 0;
      }
    } else continue;
    if (inWord) counts[1]++;
    inWord = false;
  }
  counts[4] = Math.max(counts[4], linepos);
  if (inWord) counts[1]++;
  return counts;
}

async function stdinText(ctx: ProcessContext): Promise<string> {
  let text = '';
  for await (const chunk of ctx.stdin ?? []) text += chunk;
  return text;
}

export const wc = defineApplet({
  name: 'wc',
  options: flags('lwmcL'),
  async run(ctx, args) {
    const letters = ['l', 'w', 'm', 'c', 'L'];
    let shown = letters.map((l) => args.options.some((o) => o.key === l));
    if (!shown.some(Boolean)) shown = [true, true, false, true, false];
    const names = args.operands.length > 0 ? args.operands : ['-'];
    const bare = names.length === 1 && shown.filter(Boolean).length === 1;
    const totals: Counts = [0, 0, 0, 0, 0];
    let status = 0;
    let out = '';
    const line = (counts: Counts, name: string | undefined): string => {
      const cells = counts
        .filter((_, i) => shown[i])
        .map((n, i) => (bare ? String(n) : i === 0 ? String(n).padStart(9) : ` ${String(n).padStart(9)}`));
      return `${cells.join('')}${name === undefined ? '' : ` ${name}`}\n`;
    };
    for (const name of names) {
      let text: string;
      try {
        text = name === '-' ? await stdinText(ctx) : ctx.fs.readFile(normalizePath(name, ctx.cwd));
      } catch (error) {
        complain(ctx, `${name}: ${errorText(error)}`);
        status = 1;
        continue;
      }
      const counts = count(text);
      counts.forEach((n, i) => (totals[i] = i === 4 ? Math.max(totals[i], n) : totals[i] + n));
      out += line(counts, args.operands.length > 0 ? name : undefined);
    }
    if (names.length > 1) out += line(totals, 'total');
    ctx.stdout.write(out);
    return status;
  },
});
