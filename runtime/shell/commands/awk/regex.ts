// mawk's regular expressions matched as mawk matches them: leftmost-longest, on byte strings.
// The tree from regex-syntax.ts becomes a Thompson NFA run breadth first, so no input can make
// it blow up.
import { RegexParser, type Node } from './regex-syntax';

export { RegexError, regexEscape } from './regex-syntax';

/** NFA states: a byte set to consume, an epsilon fork, an anchor, or the accepting state. */
type State =
  | { k: 'set'; set: Uint8Array; out: number }
  | { k: 'split'; a: number; b: number }
  | { k: 'bol' | 'eol' | 'eps'; out: number }
  | { k: 'match' };

/** Compiles `node` to states; returns its entry, and patches its exit to `next`. */
function build(node: Node, states: State[], next: number): number {
  const add = (st: State): number => states.push(st) - 1;
  switch (node.t) {
    case 'set':
      return add({ k: 'set', set: node.set, out: next });
    case 'str': {
      let entry = next;
      for (let i = node.s.length - 1; i >= 0; i--) {
        const set = new Uint8Array(256);
        set[node.s.charCodeAt(i)] = 1;
        entry = add({ k: 'set', set, out: entry });
      }
      return entry;
    }
    case 'bol':
    case 'eol':
      return add({ k: node.t, out: next });
    case 'empty':
      return add({ k: 'eps', out: next });
    case 'cat':
      return build(node.a, states, build(node.b, states, next));
    case 'alt':
      return add({ k: 'split', a: build(node.a, states, next), b: build(node.b, states, next) });
    case 'rep': {
      if (node.max1) return add({ k: 'split', a: build(node.a, states, next), b: next });
      // A loop: fork -> body -> back to the fork.
      const fork = add({ k: 'split', a: -1, b: next });
      const body = build(node.a, states, fork);
      (states[fork] as { a: number }).a = body;
      return node.min === 1 ? body : fork;
    }
  }
}

/** A compiled awk regular expression. */
export class AwkRegex {
  private readonly states: State[] = [];
  private readonly start: number;
  /** Set when the expression is a plain string (matched with indexOf). */
  private readonly literal: string | undefined;
  private marks: Int32Array;
  private gen = 0;

  constructor(readonly source: string) {
    const node = new RegexParser(source).parse();
    this.literal = node.t === 'str' ? node.s : undefined;
    if (node.t === 'cat') {
      let s = '';
      const walk = (n: Node): boolean =>
        n.t === 'str' ? ((s += n.s), true) : n.t === 'cat' ? walk(n.a) && walk(n.b) : false;
      if (walk(node)) this.literal = s;
    }
    const accept = this.states.push({ k: 'match' }) - 1;
    this.start = build(node, this.states, accept);
    this.marks = new Int32Array(this.states.length);
  }

  /** Whether `s` contains a match. */
  test(s: string): boolean {
    if (this.literal !== undefined) return s.includes(this.literal);
    return this.run(s, 0, true) !== undefined;
  }

  /** The leftmost-longest match at or after `from`: [start, end), or undefined. */
  exec(s: string, from = 0): [number, number] | undefined {
    if (this.literal !== undefined) {
      const at = s.indexOf(this.literal, from);
      return at < 0 ? undefined : [at, at + this.literal.length];
    }
    return this.run(s, from, false);
  }

  private run(s: string, from: number, anyMatch: boolean): [number, number] | undefined {
    const states = this.states;
    const n = s.length;
    let list: number[] = [];
    let starts: number[] = [];
    let best: [number, number] | undefined;
    const marks = this.marks;
    const add = (state: number, start: number, pos: number, into: number[], intoStarts: number[]): void => {
      if (marks[state] === this.gen) return;
      marks[state] = this.gen;
      const st = states[state];
      switch (st.k) {
        case 'split':
          add(st.a, start, pos, into, intoStarts);
          add(st.b, start, pos, into, intoStarts);
          return;
        case 'eps':
          add(st.out, start, pos, into, intoStarts);
          return;
        case 'bol':
          if (pos === 0) add(st.out, start, pos, into, intoStarts);
          return;
        case 'eol':
          if (pos === n) add(st.out, start, pos, into, intoStarts);
          return;
        default:
          into.push(state);
          intoStarts.push(start);
      }
    };
    this.gen++;
    for (let pos = from; ; pos++) {
      if (!best) add(this.start, pos, pos, list, starts);
      for (let t = 0; t < list.length; t++) {
        if (states[list[t]].k !== 'match') continue;
        const start = starts[t];
        if (!best || start < best[0] || (start === best[0] && pos > best[1])) best = [start, pos];
        if (anyMatch) return best;
      }
      if (pos >= n || (best && list.length === 0)) break;
      const c = s.charCodeAt(pos);
      const next: number[] = [];
      const nextStarts: number[] = [];
      this.gen++;
      for (let t = 0; t < list.length; t++) {
        const st = states[list[t]];
        if (best && starts[t] > best[0]) continue;
        if (st.k === 'set' && st.set[c]) add(st.out, starts[t], pos + 1, next, nextStarts);
      }
      list = next;
      starts = nextStarts;
      if (list.length === 0 && best) break;
    }
    if (this.gen > 0x3fffffff) {
      this.gen = 0;
      this.marks = new Int32Array(states.length);
    }
    return best;
  }
}

const cache = new Map<string, AwkRegex>();

/** The compiled form of `source`, cached (programs reuse a few dynamic regexes per record). */
export function compileRegex(source: string): AwkRegex {
  let re = cache.get(source);
  if (!re) {
    re = new AwkRegex(source);
    if (cache.size > 500) cache.clear();
    cache.set(source, re);
  }
  return re;
}
