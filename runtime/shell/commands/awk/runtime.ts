// The interpreter's state: variables, arrays and the current record with its fields (split
// on first use, $0 rebuilt with OFS when a field or NF is assigned).
import { AwkArray, type ArrayKey } from './array';
import { splitText } from './fields';
import { numberToString, toInt } from './numbers';
import { awkSprintf } from './printf';
import { inputCell, StrNum, toNum, type Cell } from './values';

/** A run time error: mawk prints "run time error: MESSAGE" and where, and exits 2. */
export class AwkRuntimeError extends Error {}

/** An error printed as `mawk: MESSAGE` that ends the run with status 2. */
export class AwkFatalError extends Error {}

export class Runtime {
  readonly globals = new Map<string, Cell>();
  readonly arrays = new Map<string, AwkArray<Cell>>();
  private recordCell: Cell = '';
  private fields: Cell[] = [];
  private nf = 0;
  private isSplit = true;
  /** FS when the record was read: a change to FS applies from the next record on. */
  private splitFS = ' ';

  constructor() {
    const g = this.globals;
    g.set('FS', ' ');
    g.set('OFS', ' ');
    g.set('ORS', '\n');
    g.set('RS', '\n');
    g.set('SUBSEP', '\x1c');
    g.set('CONVFMT', '%.6g');
    g.set('OFMT', '%.6g');
    g.set('NR', 0);
    g.set('FNR', 0);
    g.set('RSTART', 0);
    g.set('RLENGTH', -1);
    g.set('FILENAME', '');
  }

  /** A value as a string, numbers through CONVFMT. */
  str = (c: Cell): string => {
    if (typeof c === 'string') return c;
    if (typeof c === 'number') return numberToString(c, this.fmt('CONVFMT'), this.sprintfNumber);
    if (c === null) return '';
    return c.s;
  };

  /** A value as print writes it: numbers through OFMT. */
  outStr(c: Cell): string {
    if (typeof c === 'number') return numberToString(c, this.fmt('OFMT'), this.sprintfNumber);
    return this.str(c);
  }

  private fmt(name: 'CONVFMT' | 'OFMT'): string {
    const v = this.globals.get(name);
    return typeof v === 'string' ? v : v instanceof StrNum ? v.s : '%.6g';
  }

  private sprintfNumber = (fmt: string, d: number): string => awkSprintf(fmt, [d], (c) => String(c));

  /** An array key from a value (integral numbers stay numbers: mawk looks them up by value). */
  key(c: Cell): ArrayKey {
    if (typeof c === 'number') return { num: c };
    return { str: this.str(c) };
  }

  /** A subscript list joined with SUBSEP. */
  subscript(values: Cell[]): ArrayKey {
    if (values.length === 1) return this.key(values[0]);
    return { str: values.map(this.str).join(this.str(this.get('SUBSEP'))) };
  }

  array(name: string): AwkArray<Cell> {
    let a = this.arrays.get(name);
    if (!a) {
      a = this.newArray();
      this.arrays.set(name, a);
    }
    return a;
  }

  newArray(): AwkArray<Cell> {
    return new AwkArray<Cell>(
      () => null,
      (d) => this.str(d),
    );
  }

  get(name: string): Cell {
    if (name === 'NF') {
      this.split();
      return this.nf;
    }
    return this.globals.get(name) ?? null;
  }

  set(name: string, v: Cell): void {
    if (name === 'NF') this.setNF(v);
    else this.globals.set(name, v);
  }

  /** Reads a new record: $0 from input text. */
  setRecord(text: string): void {
    this.recordCell = inputCell(text);
    this.isSplit = false;
    this.splitFS = this.str(this.get('FS'));
  }

  record(): string {
    return this.str(this.recordCell);
  }

  private split(): void {
    if (this.isSplit) return;
    const parts = splitText(this.record(), this.splitFS);
    this.fields = [null, ...parts.map(inputCell)];
    this.nf = parts.length;
    this.isSplit = true;
  }

  field(i: number): Cell {
    if (i === 0) return this.recordCell;
    this.split();
    return i <= this.nf ? this.fields[i] : null;
  }

  setField(i: number, v: Cell): void {
    if (i === 0) {
      this.recordCell = v;
      this.isSplit = false;
      this.splitFS = this.str(this.get('FS'));
      return;
    }
    this.split();
    while (this.nf < i) this.fields[++this.nf] = null;
    this.fields[i] = v;
    this.rebuild();
  }

  private setNF(v: Cell): void {
    this.split();
    const n = toInt(toNum(v));
    if (n < 0) throw new AwkRuntimeError('negative value assigned to NF');
    while (this.nf < n) this.fields[++this.nf] = null;
    this.nf = n;
    this.fields.length = n + 1;
    this.rebuild();
  }

  private rebuild(): void {
    const ofs = this.str(this.get('OFS'));
    let text = '';
    for (let k = 1; k <= this.nf; k++) text += (k > 1 ? ofs : '') + this.str(this.fields[k]);
    this.recordCell = text;
  }
}
