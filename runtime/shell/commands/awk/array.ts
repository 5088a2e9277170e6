// awk arrays laid out as mawk lays them out (array.w), because `for (k in a)` walks mawk's hash
// table and scripts print in that order: a "split" vector for split()'s 1..n, otherwise a table
// of 2^n lists, each entry on an integer list and/or a string list (FNV-1a hashed), found
// entries moved to the front, the table doubled when the lists average more than 12.
import { toInt } from './numbers';

const NOT_AN_IVALUE = -2147483648;
const STARTING_HMASK = 63;
const limitOf = (hmask: number): number => (hmask + 1) * 12;

interface Entry<V> {
  sval: string | null;
  hval: number;
  ival: number;
  value: V;
  slink: Entry<V> | null;
  ilink: Entry<V> | null;
}

/** FNV-1a over the bytes of `s` (mawk's hash2). */
function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h >>> 0;
}

/** A key: a number (looked up by integer value when integral) or a string. */
export type ArrayKey = { num: number } | { str: string };

export class AwkArray<V> {
  private kind: 'null' | 'split' | 'table' = 'null';
  private hasInt = false;
  private hasStr = false;
  private cells: V[] = [];
  private hmask = 0;
  private limit = 0;
  private slist: Array<Entry<V> | null> = [];
  private ilist: Array<Entry<V> | null> = [];
  size = 0;

  constructor(
    private readonly blank: () => V,
    /** A non-integral number key as text (CONVFMT). */
    private readonly numKey: (d: number) => string,
  ) {}

  /** The value at `key`; `create` adds a blank one when missing. */
  get(key: ArrayKey, create: boolean): V | undefined {
    if (this.size === 0 && !create) return undefined;
    const e = this.find(key, create);
    if (!e) return undefined;
    return e === 'split' ? undefined : e.value;
  }

  /** Stores `value` at `key`. */
  set(key: ArrayKey, value: V): void {
    if ('num' in key && this.kind === 'split') {
      const d = key.num;
      const i = toInt(d);
      if (i === d && i >= 1 && i <= this.size) {
        this.cells[i - 1] = value;
        return;
      }
    }
    const e = this.find(key, true) as Entry<V>;
    e.value = value;
  }

  has(key: ArrayKey): boolean {
    return this.get(key, false) !== undefined;
  }

  private find(key: ArrayKey, create: boolean): Entry<V> | undefined | 'split' {
    if ('num' in key) {
      const d = key.num;
      const ival = toInt(d);
      if (ival === d) {
        if (this.kind === 'split') {
          if (ival >= 1 && ival <= this.size) return this.splitEntry(ival);
          if (!create) return undefined;
          this.splitToTable();
        } else if (this.kind === 'null') this.emptyTable(false);
        return this.findInt(ival, create);
      }
      return this.findStr(this.numKey(d), create);
    }
    return this.findStr(key.str, create);
  }

  /** A split cell seen through an Entry (reads and writes go to the vector). */
  private splitEntry(i: number): Entry<V> {
    const cells = this.cells;
    return {
      sval: null,
      hval: 0,
      ival: i,
      get value() {
        return cells[i - 1];
      },
      set value(v: V) {
        cells[i - 1] = v;
      },
      slink: null,
      ilink: null,
    };
  }

  private findInt(ival: number, create: boolean): Entry<V> | undefined {
    const idx = ival & this.hmask;
    let p = this.ilist[idx];
    let q: Entry<V> | null = null;
    while (p) {
      if (p.ival === ival) {
        if (!q) return p;
        q.ilink = p.ilink;
        p.ilink = this.ilist[idx];
        this.ilist[idx] = p;
        return p;
      }
      q = p;
      p = p.ilink;
    }
    let e: Entry<V> | undefined;
    if (this.hasStr) {
      e = this.findStr(String(ival), create);
      if (!e) return undefined;
    } else if (create) {
      e = { sval: null, hval: 0, ival, value: this.blank(), slink: null, ilink: null };
      if (++this.size > this.limit) this.double();
    } else return undefined;
    e.ival = ival;
    this.hasInt = true;
    const at = ival & this.hmask;
    e.ilink = this.ilist[at];
    this.ilist[at] = e;
    return e;
  }

  private findStr(s: string, create: boolean): Entry<V> | undefined {
    const hval = hash(s);
    if (!this.hasStr) this.addStringAssociations();
    let idx = hval & this.hmask;
    let p = this.slist[idx];
    let q: Entry<V> | null = null;
    while (p) {
      if (p.hval === hval && p.sval === s) {
        if (!q) return p;
        q.slink = p.slink;
        p.slink = this.slist[idx];
        this.slist[idx] = p;
        return p;
      }
      q = p;
      p = p.slink;
    }
    if (!create) return undefined;
    const e: Entry<V> = { sval: s, hval, ival: NOT_AN_IVALUE, value: this.blank(), slink: null, ilink: null };
    if (++this.size > this.limit) {
      this.double();
      idx = hval & this.hmask;
    }
    e.slink = this.slist[idx];
    this.slist[idx] = e;
    return e;
  }

  private emptyTable(str: boolean): void {
    this.kind = 'table';
    this.hasInt = false;
    this.hasStr = str;
    this.hmask = STARTING_HMASK;
    this.limit = limitOf(STARTING_HMASK);
    this.slist = new Array(STARTING_HMASK + 1).fill(null);
    this.ilist = new Array(STARTING_HMASK + 1).fill(null);
  }

  private addStringAssociations(): void {
    if (this.kind === 'null') {
      this.emptyTable(true);
      return;
    }
    if (this.kind === 'split') this.splitToTable();
    for (let i = 0; i <= this.hmask; i++) {
      for (let p = this.ilist[i]; p; p = p.ilink) {
        p.sval = String(p.ival);
        p.hval = hash(p.sval);
        const at = p.hval & this.hmask;
        p.slink = this.slist[at];
        this.slist[at] = p;
      }
    }
    this.hasStr = true;
  }

  private splitToTable(): void {
    const cells = this.cells;
    this.hmask = STARTING_HMASK;
    this.limit = limitOf(STARTING_HMASK);
    while (this.size > this.limit) {
      this.hmask = this.hmask * 2 + 1;
      this.limit = limitOf(this.hmask);
    }
    this.slist = new Array(this.hmask + 1).fill(null);
    this.ilist = new Array(this.hmask + 1).fill(null);
    for (let i = 0, j = 1; i < this.size; i++) {
      const e: Entry<V> = { sval: null, hval: 0, ival: i + 1, value: cells[i], slink: null, ilink: this.ilist[j] };
      this.ilist[j] = e;
      j = (j + 1) & this.hmask;
    }
    this.cells = [];
    this.kind = 'table';
    this.hasInt = true;
    this.hasStr = false;
  }

  private double(): void {
    const old = this.hmask;
    const mask = old * 2 + 1;
    for (let i = 0; i <= old; i++) {
      this.slist.push(null);
      this.ilist.push(null);
    }
    // Each old list splits in two, keeping order: entries that move go to list i + old + 1.
    const split = (lists: Array<Entry<V> | null>, link: 'slink' | 'ilink', bucket: (e: Entry<V>) => number): void => {
      for (let i = 0; i <= old; i++) {
        const stay: Entry<V>[] = [];
        const move: Entry<V>[] = [];
        for (let p = lists[i]; p; p = p[link]) (bucket(p) !== i ? move : stay).push(p);
        const relink = (arr: Entry<V>[]): Entry<V> | null => {
          arr.forEach((e, k) => (e[link] = arr[k + 1] ?? null));
          return arr[0] ?? null;
        };
        lists[i] = relink(stay);
        lists[i + old + 1] = relink(move);
      }
    };
    if (this.hasStr) split(this.slist, 'slink', (e) => e.hval & mask);
    if (this.hasInt) split(this.ilist, 'ilink', (e) => e.ival & mask);
    this.hmask = mask;
    this.limit = limitOf(mask);
  }

  /** Removes `key`. */
  delete(key: ArrayKey): void {
    if (this.size === 0) return;
    let e: Entry<V> | undefined;
    if ('num' in key && toInt(key.num) === key.num) {
      const ival = key.num;
      if (this.kind === 'split') {
        if (ival >= 1 && ival <= this.size) this.splitToTable();
        else return;
      }
      e = this.findInt(ival, false);
    } else e = this.findStr('num' in key ? this.numKey(key.num) : key.str, false);
    if (!e) return;
    if (e.sval !== null) this.unlink(this.slist, 'slink', e.hval & this.hmask, e);
    if (e.ival !== NOT_AN_IVALUE) this.unlink(this.ilist, 'ilink', e.ival & this.hmask, e);
    if (--this.size === 0) this.clear();
  }

  private unlink(lists: Array<Entry<V> | null>, link: 'slink' | 'ilink', idx: number, e: Entry<V>): void {
    let q: Entry<V> | null = null;
    for (let p = lists[idx]; p; q = p, p = p[link]) {
      if (p !== e) continue;
      if (q) q[link] = p[link];
      else lists[idx] = p[link];
      return;
    }
  }

  clear(): void {
    this.kind = 'null';
    this.hasInt = this.hasStr = false;
    this.cells = [];
    this.slist = [];
    this.ilist = [];
    this.size = 0;
    this.hmask = this.limit = 0;
  }

  /** Replaces the contents with `values` at 1..n (split()). */
  load(values: V[]): void {
    this.clear();
    this.kind = 'split';
    this.cells = values;
    this.size = values.length;
  }

  /** The keys in mawk's `for (k in a)` order, as strings. */
  keys(): string[] {
    if (this.size === 0) return [];
    if (!this.hasStr) this.addStringAssociations();
    const out: string[] = [];
    for (let i = 0; i <= this.hmask; i++) for (let p = this.slist[i]; p; p = p.slink) out.push(p.sval as string);
    return out;
  }
}
