import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { encodeUtf8 } from '../../util/utf8';
import { readInput } from './coreutils/input';
import { has } from './coreutils/options';
import { shellQuote } from './coreutils/quote';
import { charWidth } from '../char-width';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  longest: number;
}

function count(text: string): Counts {
  const c: Counts = { lines: 0, words: 0, chars: 0, bytes: encodeUtf8(text).length, longest: 0 };
  let inWord = false;
  let column = 0;
  for (const ch of text) {
    c.chars++;
    if (ch === '\n') {
      c.lines++;
      c.longest = Math.max(c.longest, column);
      column = 0;
    } else if (ch === '\t') column += 8 - (column % 8);
    else if (ch !== '\r' && ch !== '\f') column += Math.max(0, charWidth(ch.codePointAt(0) as number));
    if (/\s/.test(ch)) inWord = false;
    else if (!inWord) {
      inWord = true;
      c.words++;
    }
  }
  c.longest = Math.max(c.longest, column);
  return c;
}

/** GNU `wc`: newline, word and byte (or -l -w -c -m -L) counts, in columns GNU sizes. */
export const wc: ShellCommand = defineUtility({
  name: 'wc',
  summary: 'print newline, word, and byte counts for each file',
  options: [
    { key: 'c', short: 'c', long: 'bytes' },
    { key: 'm', short: 'm', long: 'chars' },
    { key: 'l', short: 'l', long: 'lines' },
    { key: 'L', short: 'L', long: 'max-line-length' },
    { key: 'w', short: 'w', long: 'words' },
  ],
  async run(ctx, io) {
    let shown = (['l', 'w', 'm', 'c', 'L'] as const).filter((k) => has(io.args, k));
    if (shown.length === 0) shown = ['l', 'w', 'c'];
    const total: string = 'auto';
    const names = io.args.operands.length ? io.args.operands : ['-'];
    // GNU sizes every column to the digits of the regular files' total size (7 with stdin).
    let width = 1;
    if (!(names.length === 1 && shown.length === 1)) {
      let minimum = 1;
      let regular = 0;
      for (const name of names) {
        if (name === '-') minimum = 7;
        else {
          try {
            const st = ctx.fs.stat(io.resolve(name));
            if (st.kind === 'file') regular += st.size;
            else minimum = 7;
          } catch {
            continue;
          }
        }
      }
      width = Math.max(String(regular).length, minimum);
    }
    if (total === 'only') width = 1;
    const sums: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, longest: 0 };
    const key = { l: 'lines', w: 'words', m: 'chars', c: 'bytes', L: 'longest' } as const;
    const row = (c: Counts, name?: string): string =>
      shown.map((k) => String(c[key[k]]).padStart(width)).join(' ') + (name === undefined ? '' : ` ${name}`) + '\n';
    let status = 0;
    for (const name of names) {
      let text = await readInput(ctx, io, name);
      if (text === undefined) {
        status = 1;
        if (!ctx.fs.isDirectory(io.resolve(name))) continue;
        text = '';
      }
      const c = count(text);
      for (const k of Object.keys(sums) as Array<keyof Counts>)
        sums[k] = k === 'longest' ? Math.max(sums[k], c[k]) : sums[k] + c[k];
      if (total !== 'only')
        await io.out(row(c, name === '-' && io.args.operands.length === 0 ? undefined : shellQuote(name)));
    }
    if (total === 'always' || total === 'only' || (total === 'auto' && names.length > 1))
      await io.out(row(sums, total === 'only' ? undefined : 'total'));
    return status;
  },
});
