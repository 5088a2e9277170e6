// mawk's regular expression syntax: ERE without intervals (`{` is literal), `^` and `$`
// anchors anywhere, a `)` without `(` literal, its escapes and bracket expressions, its
// error messages. Parsed into a tree that regex.ts compiles.

/** A malformed expression, with mawk's reason (the caller adds "regular expression compile failed"). */
export class RegexError extends Error {}

export type Node =
  | { t: 'set'; set: Uint8Array }
  | { t: 'str'; s: string }
  | { t: 'bol' }
  | { t: 'eol' }
  | { t: 'empty' }
  | { t: 'cat'; a: Node; b: Node }
  | { t: 'alt'; a: Node; b: Node }
  | { t: 'rep'; a: Node; min: 0 | 1; max1: boolean };

const CLASSES: Record<string, (c: number) => boolean> = {
  alnum: (c) => isAlpha(c) || isDigit(c),
  alpha: (c) => isAlpha(c),
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: (c) => isDigit(c),
  graph: (c) => c > 32 && c < 127,
  lower: (c) => c >= 97 && c <= 122,
  print: (c) => c >= 32 && c < 127,
  punct: (c) => c > 32 && c < 127 && !isAlpha(c) && !isDigit(c),
  space: (c) => (c >= 9 && c <= 13) || c === 32,
  upper: (c) => c >= 65 && c <= 90,
  xdigit: (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
};
function isAlpha(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const HEX = (c: string | undefined): number => (c !== undefined && /^[0-9A-Fa-f]$/.test(c) ? parseInt(c, 16) : -1);

/** mawk's regex escape after a backslash at s[i]: the byte and the index after it. */
export function regexEscape(s: string, i: number): { c: number; end: number } {
  const ch = s[i];
  const simple: Record<string, number> = { n: 10, t: 9, f: 12, b: 8, r: 13, a: 7, v: 11 };
  if (ch === undefined) return { c: 92, end: i };
  if (ch in simple) return { c: simple[ch], end: i + 1 };
  if (ch >= '0' && ch <= '7') {
    let v = 0;
    let j = i;
    while (j < i + 3 && s[j] >= '0' && s[j] <= '7') v = v * 8 + (s.charCodeAt(j++) - 48);
    return { c: v & 0xff, end: j };
  }
  if (ch === 'x') {
    const a = HEX(s[i + 1]);
    if (a < 0) return { c: 120, end: i + 1 };
    const b = HEX(s[i + 2]);
    return b < 0 ? { c: a, end: i + 2 } : { c: a * 16 + b, end: i + 3 };
  }
  return { c: s.charCodeAt(i), end: i + 1 };
}

/** The bracket expression starting at s[i] ('['): its set and the index after ']'. */
function bracket(s: string, i: number): { set: Uint8Array; end: number } {
  let p = i + 1;
  const negate = s[p] === '^';
  if (negate) p++;
  const body = p;
  if (s[p] === ']') p++;
  // Find the closing ']' as mawk does: `[:name:]` nests once, a backslash hides the next char.
  let q = p;
  for (let level = 0; ; q++) {
    if (q >= s.length) throw new RegexError('bad class -- [], [^] or [');
    if (s[q] === '[' && s[q + 1] === ':') {
      if (++level > 1) throw new RegexError('bad class -- [], [^] or [');
    } else if (s[q] === ']') {
      if (level === 0) break;
      if (s[q - 1] !== ':') throw new RegexError('bad class -- [], [^] or [');
      level--;
    } else if (s[q] === '\\') q++;
  }
  const set = new Uint8Array(256);
  let prev = -1;
  for (p = body; p < q;) {
    const ch = s[p];
    if (ch === '\\') {
      const e = regexEscape(s, p + 1);
      prev = e.c;
      set[prev] = 1;
      p = e.end;
    } else if (ch === '[' && s[p + 1] === ':') {
      const m = /^\[:([a-z]+):\]/.exec(s.slice(p, q + 1));
      const test = m ? CLASSES[m[1]] : undefined;
      if (!m || !test) throw new RegexError('bad class -- [], [^] or [');
      for (let c = 0; c < 256; c++) if (test(c)) set[c] = 1;
      p += m[0].length;
    } else if (ch === '-' && prev >= 0 && p + 1 < q) {
      let c: number;
      let next: number;
      if (s[p + 1] === '\\') ({ c, end: next } = regexEscape(s, p + 2));
      else [c, next] = [s.charCodeAt(p + 1), p + 2];
      if (prev <= c) {
        for (let k = prev; k <= c; k++) set[k] = 1;
        prev = -1;
        p = next;
      } else {
        set[45] = 1;
        prev = 45;
        p++;
      }
    } else {
      prev = s.charCodeAt(p++);
      set[prev] = 1;
    }
  }
  if (negate) for (let c = 0; c < 256; c++) set[c] ^= 1;
  return { set, end: q + 1 };
}

/** Recursive descent over mawk's regex syntax. */
export class RegexParser {
  private i = 0;
  private depth = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    if (this.s === '') return { t: 'empty' };
    const node = this.alt();
    if (this.i < this.s.length) throw new RegexError('missing operand');
    return node;
  }

  private alt(): Node {
    let node = this.cat();
    while (this.s[this.i] === '|') {
      this.i++;
      node = { t: 'alt', a: node, b: this.cat() };
    }
    return node;
  }

  private cat(): Node {
    let node: Node | undefined;
    for (;;) {
      const ch = this.s[this.i];
      if (ch === undefined || ch === '|' || (ch === ')' && this.depth > 0)) break;
      const next = this.repeat();
      node = node ? { t: 'cat', a: node, b: next } : next;
    }
    if (!node) throw new RegexError('missing operand');
    return node;
  }

  private repeat(): Node {
    let node = this.atom();
    for (;;) {
      const ch = this.s[this.i];
      if (ch !== '*' && ch !== '+' && ch !== '?') return node;
      if (node.t === 'bol' && ch !== '?') throw new RegexError('syntax error ^* or ^+');
      this.i++;
      node = { t: 'rep', a: node, min: ch === '+' ? 1 : 0, max1: ch === '?' };
    }
  }

  private atom(): Node {
    const s = this.s;
    const ch = s[this.i];
    if (ch === '*' || ch === '+' || ch === '?') throw new RegexError('missing operand');
    this.i++;
    switch (ch) {
      case '(': {
        if (this.i >= s.length) throw new RegexError("missing ')'");
        this.depth++;
        if (s[this.i] === ')') throw new RegexError('missing operand');
        const node = this.alt();
        if (s[this.i] !== ')') throw new RegexError("missing ')'");
        this.i++;
        this.depth--;
        return node;
      }
      case '.': {
        const set = new Uint8Array(256).fill(1);
        return { t: 'set', set };
      }
      case '^':
        return { t: 'bol' };
      case '$':
        return { t: 'eol' };
      case '[': {
        const b = bracket(s, this.i - 1);
        this.i = b.end;
        return { t: 'set', set: b.set };
      }
      case '\\': {
        const e = regexEscape(s, this.i);
        this.i = e.end;
        return { t: 'str', s: String.fromCharCode(e.c) };
      }
      default:
        return { t: 'str', s: ch };
    }
  }
}
