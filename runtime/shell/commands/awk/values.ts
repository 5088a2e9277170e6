// awk values: numbers, strings, "strnums" (input text that looks numeric: it compares as a
// number but keeps its text) and the uninitialized value (null), which is both "" and 0.
import { numericValue, strtod } from './numbers';

/** Input text that looks like a number (mawk's C_STRNUM). */
export class StrNum {
  constructor(
    readonly s: string,
    readonly n: number,
  ) {}
}

export type Cell = number | string | StrNum | null;

/** A value that came from input (fields, getline, split, ARGV, ENVIRON, -v): strnum if numeric. */
export function inputCell(s: string): Cell {
  const n = numericValue(s);
  return n === undefined ? s : new StrNum(s, n);
}

export function toNum(c: Cell): number {
  if (typeof c === 'number') return c;
  if (c === null) return 0;
  if (typeof c === 'string') return strtod(c).value;
  return c.n;
}

export function toBool(c: Cell): boolean {
  if (typeof c === 'number') return c !== 0;
  if (c === null) return false;
  if (typeof c === 'string') return c !== '';
  return c.n !== 0;
}

/** Whether a value compares numerically (number, strnum or uninitialized). */
const numeric = (c: Cell): boolean => typeof c === 'number' || c === null || c instanceof StrNum;

/** mawk's compare(): numeric when both sides are, else by bytes; NaN compares equal. */
export function compare(a: Cell, b: Cell, str: (c: Cell) => string): number {
  if (numeric(a) && numeric(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x > y ? 1 : x < y ? -1 : 0;
  }
  const s = str(a);
  const t = str(b);
  return s < t ? -1 : s > t ? 1 : 0;
}
