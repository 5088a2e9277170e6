// Splitting text into fields by FS as mawk does: " " splits on runs of blanks and newlines
// ignoring the ends, "" splits every byte, one other byte splits on that byte literally, and
// anything longer is a regular expression.
import { compileRegex, type AwkRegex } from './regex';

/** The pieces of `text` separated by `fs` (split() and record fields alike). */
export function splitText(text: string, fs: string): string[] {
  if (text === '') return [];
  if (fs === ' ') {
    const out: string[] = [];
    let i = 0;
    const n = text.length;
    const blank = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
    while (i < n) {
      while (i < n && blank(text.charCodeAt(i))) i++;
      if (i >= n) break;
      const start = i;
      while (i < n && !blank(text.charCodeAt(i))) i++;
      out.push(text.slice(start, i));
    }
    return out;
  }
  if (fs === '') return text.split('');
  if (fs.length === 1 && fs !== '\\') return text.split(fs);
  return splitRegex(text, compileRegex(fs));
}

/** The pieces of `text` between matches of `re`. */
export function splitRegex(text: string, re: AwkRegex): string[] {
  if (text === '') return [];
  const out: string[] = [];
  let start = 0;
  let from = 0;
  while (from <= text.length) {
    const m = re.exec(text, from);
    if (!m) break;
    if (m[1] === m[0]) {
      // An empty match separates nothing; look further on.
      from = m[0] + 1;
      continue;
    }
    out.push(text.slice(start, m[0]));
    start = from = m[1];
  }
  out.push(text.slice(start));
  return out;
}
