// Turns the parsed pattern into instructions for the backtracking matcher (match.ts), and works
// out what lets a search skip ahead: a leading ^, the bytes a match can start with, a literal.
import type { CharSet, Node, Syntax } from './ast';
import { anchored, byteWise, firstBytes, literalOf, nullable } from './analyze';
import { toLower, toUpper } from './classes';

export const Op = {
  match: 0,
  /** a: the byte. */
  byte: 1,
  /** a: the folded code point (I flag). */
  ichar: 2,
  /** a: 1 when a newline does not match (M flag). */
  any: 3,
  /** a: the set's index; b: 1 under the I flag. */
  set: 4,
  /** Try a first, then b. */
  split: 5,
  jump: 6,
  /** a: the register (2n: group n's start, 2n+1: its end). */
  save: 7,
  /** a: the Assert kind. */
  assert: 8,
  /** a: the group; b: 1 under the I flag. */
  backref: 9,
  /** Records where a repetition's iteration starts (register a)... */
  mark: 10,
  /** ...and fails the iteration when it consumed nothing... */
  progress: 11,
  /** ...or, for the last-resort empty iteration, when it consumed something. */
  empty: 12,
} as const;

export interface Program {
  op: number[];
  a: number[];
  b: number[];
  sets: CharSet[];
  /** Per split instruction, its row in the matcher's visited table; -1 elsewhere. */
  splitRow: number[];
  splits: number;
  /** Registers: two per group (group 0 is the whole match), then the loop marks. */
  registers: number;
  groups: number;
  hasBackrefs: boolean;
  /**
   * Whether the matcher may skip (split, position) states it has seen: not when back-references
   * or empty-iteration guards make the outcome depend on more than the position.
   */
  memo: boolean;
  /** A match can only start at offset 0. */
  anchored: boolean;
  /** Bytes a match can start with, or null when any position may do. */
  firstBytes: Uint8Array | null;
  /** The pattern is this plain byte string (no I flag): indexOf finds it. */
  literal: string | null;
  /**
   * A match may start inside a multibyte character: glibc searches byte by byte when nothing in
   * the pattern needs to see whole characters (its optimize_utf8).
   */
  byteStarts: boolean;
}

/** glibc folds case by upper-casing both sides. */
export const fold = (cp: number): number => toUpper(cp);

class Compiler {
  readonly prog: Program;

  constructor(
    private readonly syntax: Syntax,
    groups: number,
    hasBackrefs: boolean,
  ) {
    this.prog = {
      op: [],
      a: [],
      b: [],
      sets: [],
      splitRow: [],
      splits: 0,
      registers: 2 * (groups + 1),
      groups,
      hasBackrefs,
      memo: false,
      anchored: false,
      firstBytes: null,
      literal: null,
      byteStarts: false,
    };
  }

  emit(op: number, a = 0, b = 0): number {
    const p = this.prog;
    p.op.push(op);
    p.a.push(a);
    p.b.push(b);
    p.splitRow.push(op === Op.split ? p.splits++ : -1);
    return p.op.length - 1;
  }

  private char(node: { bytes: string; cp: number }): void {
    const { cp } = node;
    if (this.syntax.icase && cp >= 0 && (toLower(cp) !== cp || toUpper(cp) !== cp)) this.emit(Op.ichar, fold(cp));
    else for (let i = 0; i < node.bytes.length; i++) this.emit(Op.byte, node.bytes.charCodeAt(i));
  }

  node(node: Node | null): void {
    if (!node) return;
    const icase = this.syntax.icase ? 1 : 0;
    switch (node.kind) {
      case 'char':
        return this.char(node);
      case 'any':
        this.emit(Op.any, this.syntax.newline ? 1 : 0);
        return;
      case 'set':
        this.emit(Op.set, this.prog.sets.push(node.set) - 1, icase);
        return;
      case 'cat':
        for (const item of node.items) this.node(item);
        return;
      case 'alt':
        return this.alternatives(node.branches);
      case 'group':
        this.emit(Op.save, 2 * node.index);
        this.node(node.body);
        this.emit(Op.save, 2 * node.index + 1);
        return;
      case 'repeat':
        return this.repeat(node.body, node.min, node.max);
      case 'backref':
        this.emit(Op.backref, node.index, icase);
        return;
      case 'assert':
        this.emit(Op.assert, node.what);
        return;
    }
  }

  private alternatives(branches: Array<Node | null>): void {
    const exits: number[] = [];
    for (let i = 0; i < branches.length; i++) {
      const last = i === branches.length - 1;
      const split = last ? -1 : this.emit(Op.split);
      if (split >= 0) this.prog.a[split] = split + 1;
      this.node(branches[i]);
      if (!last) {
        exits.push(this.emit(Op.jump));
        this.prog.b[split] = this.prog.op.length;
      }
    }
    for (const exit of exits) this.prog.a[exit] = this.prog.op.length;
  }

  /**
   * An iteration that must consume something (when the body could match empty); its exit is the
   * next instruction. Iterations matching empty are glibc's last resort (see emptyIteration).
   */
  private iteration(body: Node, guard: boolean, mark: number): void {
    if (guard) this.emit(Op.mark, mark);
    this.node(body);
    if (guard) this.emit(Op.progress, mark);
  }

  /** One iteration that matches empty, then on to `exit` (patched later). */
  private emptyIteration(body: Node, mark: number): number {
    this.emit(Op.mark, mark);
    this.node(body);
    this.emit(Op.empty, mark);
    return this.emit(Op.jump);
  }

  private repeat(body: Node, min: number, max: number): void {
    for (let i = 0; i < min; i++) this.node(body);
    if (max === -1) return this.star(body);
    if (max === min) return;
    // body{0,k} is glibc's (((body)?body)?body)?: k splits, then k copies; the j-th split skips
    // to the copy after the j-th, the outermost to the end. More copies are tried first; when
    // none can consume, as a last resort one copy matches empty.
    const guard = nullable(body);
    const mark = guard ? this.prog.registers++ : 0;
    const splits: number[] = [];
    for (let i = min; i < max; i++) {
      const split = this.emit(Op.split);
      this.prog.a[split] = split + 1;
      splits.unshift(split);
    }
    for (let i = 0; i < splits.length; i++) {
      this.iteration(body, guard, mark);
      if (i + 1 < splits.length) this.prog.b[splits[i]] = this.prog.op.length;
    }
    const exits = [this.emit(Op.jump)];
    const giveUp = this.prog.op.length;
    this.prog.b[splits[splits.length - 1]] = giveUp;
    if (guard) {
      const split = this.emit(Op.split);
      const exit = this.emit(Op.jump);
      this.prog.b[split] = this.prog.op.length;
      exits.push(exit, this.emptyIteration(body, mark));
      this.prog.a[split] = exit;
    }
    for (const exit of exits) this.prog.a[exit] = this.prog.op.length;
  }

  private star(body: Node): void {
    const guard = nullable(body);
    const mark = guard ? this.prog.registers++ : 0;
    const loop = this.emit(Op.split);
    this.prog.a[loop] = loop + 1;
    this.iteration(body, guard, mark);
    this.emit(Op.jump, loop);
    this.prog.b[loop] = this.prog.op.length;
    if (!guard) return;
    const split = this.emit(Op.split);
    this.prog.b[split] = split + 1;
    const exit = this.emptyIteration(body, mark);
    this.prog.a[split] = this.prog.a[exit] = this.prog.op.length;
  }
}

/** Compiles a parsed pattern. */
export function compile(root: Node | null, groups: number, hasBackrefs: boolean, syntax: Syntax): Program {
  const compiler = new Compiler(syntax, groups, hasBackrefs);
  compiler.node(root);
  compiler.emit(Op.match);
  const prog = compiler.prog;
  prog.anchored = anchored(root, syntax);
  const first = new Uint8Array(256);
  if (firstBytes(root, first, syntax) === false) prog.firstBytes = first;
  prog.literal = syntax.icase ? null : literalOf(root);
  prog.byteStarts = !syntax.icase && byteWise(root);
  prog.memo = !hasBackrefs && prog.registers === 2 * (groups + 1);
  return prog;
}
