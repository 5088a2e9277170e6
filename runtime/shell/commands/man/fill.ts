// groff's filling and adjusting, as nroff does it for a man page: words go on a line while they
// fit; every full line but a paragraph's last is stretched to the margin.
import { overstrike, type Word } from './styled';

/**
 * groff spreads a line's extra spaces over its gaps, one more for the first gaps in the
 * direction it goes, and goes the other way on each line it adjusts (one switch for the whole
 * page: troff keeps it in a static).
 */
export class Adjuster {
  private fromLeft = true;

  /** The widths of the gaps between `count` words so that `extra` more columns fill the line. */
  gaps(count: number, extra: number): number[] {
    const gaps = Math.max(0, count - 1);
    const widths = new Array<number>(gaps).fill(1);
    if (gaps > 0) {
      for (let i = 0; i < gaps; i++) widths[i] += Math.floor(extra / gaps);
      for (let i = 0; i < extra % gaps; i++) widths[this.fromLeft ? i : gaps - 1 - i]++;
    }
    this.fromLeft = !this.fromLeft;
    return widths;
  }
}

const widthOf = (word: Word): number => word.chars.length;

/** Words broken into lines of at most `width` columns (a longer word takes a line of its own). */
export function breakLines(words: Word[], width: number): Word[][] {
  const lines: Word[][] = [];
  let line: Word[] = [];
  let used = 0;
  for (const word of words) {
    if (line.length > 0 && used + 1 + widthOf(word) > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length > 0 ? 1 : 0) + widthOf(word);
    line.push(word);
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

/** A filled paragraph: its lines, overstruck, each but the last adjusted to `width`. */
export function fill(words: Word[], width: number, adjuster: Adjuster): string[] {
  const lines = breakLines(words, width);
  return lines.map((line, i) => {
    const natural = line.reduce((sum, word) => sum + widthOf(word), 0) + line.length - 1;
    const gaps = i < lines.length - 1 ? adjuster.gaps(line.length, Math.max(0, width - natural)) : null;
    return line.map((word, j) => (j === 0 ? '' : ' '.repeat(gaps ? gaps[j - 1] : 1)) + overstrike(word)).join('');
  });
}
