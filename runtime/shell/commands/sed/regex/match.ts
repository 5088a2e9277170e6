// A backtracking matcher with POSIX's leftmost-longest rule: at the first position where the
// pattern matches at all, every path is explored and the longest match wins; among equally long
// ones the first in priority order (greedy, earlier alternative first) gives the groups, as in
// glibc. Without back-references a table of visited (split, position) pairs keeps the search
// linear in the text, since such a state leads to the same ends whatever the groups hold.
import { charLength, codePointAt, cpLength, previousCharStart } from '../bytes';
import { Assert } from './ast';
import { setHas } from './bracket';
import { isWordChar, toLower, toUpper } from './classes';
import { fold, Op, type Program } from './compile';

const RESTORE = -2;

/**
 * Where matching may start at or after `start` when the pattern works on whole characters:
 * past the rest of a character that began before `start` (glibc's re_string_reconstruct).
 */
function firstCharStart(text: string, start: number): number {
  for (let p = start - 1; p >= 0 && p >= start - 4; p--) {
    const b = text.charCodeAt(p);
    if ((b & 0xc0) === 0x80) continue;
    const len = b < 0x80 ? 1 : charLength(text, p);
    return p + len > start ? p + len : start;
  }
  return start;
}

export class Matcher {
  private caps: Int32Array;
  private best: Int32Array;
  private stack: number[] = [];
  private visited = new Uint32Array(0);
  private generation = 0;

  constructor(
    private readonly prog: Program,
    /** The byte that ends a line for ^ and $ under the M flag (newline, or NUL with -z). */
    private readonly lineEnd: number,
    private readonly multiline: boolean,
  ) {
    this.caps = new Int32Array(prog.registers);
    this.best = new Int32Array(2 * (prog.groups + 1));
  }

  /**
   * The leftmost match in `text` starting at or after `start` (longest when `longest`), as
   * start/end offsets per group (-1 for a group that took no part), or null.
   */
  exec(text: string, start: number, longest: boolean): Int32Array | null {
    const prog = this.prog;
    const n = text.length;
    if (prog.literal !== null) {
      const at = text.indexOf(prog.literal, start);
      if (at < 0) return null;
      this.best.fill(-1);
      this.best[0] = at;
      this.best[1] = at + prog.literal.length;
      return this.best;
    }
    if (prog.memo && prog.splits > 0) {
      const size = prog.splits * (n + 1);
      if (this.visited.length < size) this.visited = new Uint32Array(Math.max(size, this.visited.length * 2));
      if (++this.generation === 0xffffffff) {
        this.visited.fill(0);
        this.generation = 1;
      }
    }
    const first = prog.firstBytes;
    const bytewise = prog.byteStarts;
    for (let p = bytewise ? start : firstCharStart(text, start); p <= n;) {
      if (prog.anchored && p > 0) break;
      if (first === null || (p < n && first[text.charCodeAt(p)])) {
        if (this.run(text, p, longest && prog.splits > 0) >= 0) return this.best;
      }
      if (p >= n) break;
      p += bytewise || text.charCodeAt(p) < 0x80 ? 1 : charLength(text, p);
    }
    return null;
  }

  private wordBefore(text: string, pos: number): boolean {
    if (pos === 0) return false;
    const c = text.charCodeAt(pos - 1);
    return c < 0x80 ? isWordChar(c) : isWordChar(codePointAt(text, previousCharStart(text, pos)));
  }

  private wordAt(text: string, pos: number): boolean {
    if (pos >= text.length) return false;
    const c = text.charCodeAt(pos);
    return isWordChar(c < 0x80 ? c : codePointAt(text, pos));
  }

  private assert(what: number, text: string, pos: number): boolean {
    const n = text.length;
    switch (what) {
      case Assert.lineStart:
        return pos === 0 || (this.multiline && text.charCodeAt(pos - 1) === this.lineEnd);
      case Assert.lineEnd:
        return pos === n || (this.multiline && text.charCodeAt(pos) === this.lineEnd);
      case Assert.bufferStart:
        return pos === 0;
      case Assert.bufferEnd:
        return pos === n;
    }
    const before = this.wordBefore(text, pos);
    const after = this.wordAt(text, pos);
    if (what === Assert.wordStart) return !before && after;
    if (what === Assert.wordEnd) return before && !after;
    if (what === Assert.wordBoundary) return before !== after;
    return before === after;
  }

  /** The end of group `g`'s text repeated at `pos`, or -1. */
  private backref(text: string, pos: number, g: number, icase: boolean): number {
    const from = this.caps[2 * g];
    const to = this.caps[2 * g + 1];
    if (from < 0 || to < 0) return -1;
    if (!icase) {
      for (let i = from; i < to; i++) if (text.charCodeAt(pos++) !== text.charCodeAt(i)) return -1;
      return pos <= text.length ? pos : -1;
    }
    for (let i = from; i < to;) {
      if (pos >= text.length) return -1;
      const want = codePointAt(text, i);
      const got = codePointAt(text, pos);
      if (want < 0 || got < 0 ? text.charCodeAt(i) !== text.charCodeAt(pos) : fold(want) !== fold(got)) return -1;
      i += want < 0 ? 1 : cpLength(want);
      pos += got < 0 ? 1 : cpLength(got);
    }
    return pos;
  }

  /** Explores every path from `start`; returns the longest end found (groups in `best`), or -1. */
  private run(text: string, start: number, longest: boolean): number {
    const { op, a, b, sets, splitRow } = this.prog;
    const memo = this.prog.memo;
    const caps = this.caps;
    const stack = this.stack;
    const n = text.length;
    const width = n + 1;
    const gen = this.generation;
    caps.fill(-1);
    let sp = 0;
    let pc = 0;
    let pos = start;
    let bestEnd = -1;
    for (;;) {
      let ok = true;
      switch (op[pc]) {
        case Op.match:
          if (pos > bestEnd) {
            bestEnd = pos;
            for (let i = 2; i < this.best.length; i++) this.best[i] = caps[i];
            this.best[0] = start;
            this.best[1] = pos;
          }
          if (!longest || pos === n) return bestEnd;
          ok = false;
          break;
        case Op.byte:
          if (pos < n && text.charCodeAt(pos) === a[pc]) {
            pos++;
            pc++;
          } else ok = false;
          break;
        case Op.ichar:
        case Op.any:
        case Op.set: {
          if (pos >= n) {
            ok = false;
            break;
          }
          const c = text.charCodeAt(pos);
          const cp = c < 0x80 ? c : codePointAt(text, pos);
          if (cp < 0) ok = false;
          else if (op[pc] === Op.ichar) ok = fold(cp) === a[pc];
          else if (op[pc] === Op.any) ok = !(a[pc] && cp === 10);
          else {
            const set = sets[a[pc]];
            const has = setHas(set, cp) || (b[pc] === 1 && (setHas(set, toLower(cp)) || setHas(set, toUpper(cp))));
            ok = set.negated ? !has && !(set.notNewline && cp === 10) : has;
          }
          if (ok) {
            pos += cp < 0x80 ? 1 : cpLength(cp);
            pc++;
          }
          break;
        }
        case Op.split:
          if (memo) {
            const slot = splitRow[pc] * width + pos;
            if (this.visited[slot] === gen) {
              ok = false;
              break;
            }
            this.visited[slot] = gen;
          }
          stack[sp++] = b[pc];
          stack[sp++] = pos;
          stack[sp++] = -1;
          pc = a[pc];
          break;
        case Op.jump:
          pc = a[pc];
          break;
        case Op.save:
        case Op.mark:
          stack[sp++] = a[pc];
          stack[sp++] = caps[a[pc]];
          stack[sp++] = RESTORE;
          caps[a[pc]] = pos;
          pc++;
          break;
        case Op.progress:
          if (caps[a[pc]] === pos) ok = false;
          else pc++;
          break;
        case Op.empty:
          if (caps[a[pc]] !== pos) ok = false;
          else pc++;
          break;
        case Op.assert:
          if (this.assert(a[pc], text, pos)) pc++;
          else ok = false;
          break;
        case Op.backref: {
          const end = this.backref(text, pos, a[pc], b[pc] === 1);
          if (end < 0) ok = false;
          else {
            pos = end;
            pc++;
          }
          break;
        }
      }
      while (!ok) {
        if (sp === 0) return bestEnd;
        const kind = stack[--sp];
        const second = stack[--sp];
        const first = stack[--sp];
        if (kind === RESTORE) caps[first] = second;
        else {
          pc = first;
          pos = second;
          ok = true;
        }
      }
    }
  }
}
