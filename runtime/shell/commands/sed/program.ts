// The compiled form of a sed script: a flat list of commands, blocks and branches as jumps
// (as in GNU sed's struct sed_cmd). All text here is bytes (see bytes.ts).
import type { SedRegex } from './regex';

export type AddrType = 'null' | 'regex' | 'num' | 'numMod' | 'step' | 'stepMod' | 'last';

export interface Addr {
  type: AddrType;
  /** num: the line; numMod: first (of first~step); step/stepMod: the range's end, once started. */
  number: number;
  step: number;
  /** For a regex address; null for `//`, the last regex used. */
  regex: SedRegex | null;
}

export const RANGE_INACTIVE = 0;
export const RANGE_ACTIVE = 1;
export const RANGE_CLOSED = 2;

/** Case conversions in a replacement (GNU's enum replacement_types). */
export const Repl = { asIs: 0, upper: 1, lower: 2, upperFirst: 4, lowerFirst: 8, firstMask: 12 } as const;

/** One piece of a replacement: literal text, then optionally a group (0 is `&`). */
export interface ReplPiece {
  prefix: string;
  group: number;
  type: number;
}

/** Where `w` and `s///w` write: a file, or standard output or error. */
export interface OutputRef {
  name: string;
  /** A `\n` owed before the next write: the last line written had none (GNU's missing_newline). */
  missingNewline: boolean;
}

/** A file `R` reads a line at a time. */
export interface ReadRef {
  name: string;
  /** The file's bytes, or null when it could not be read. */
  data: string | null;
  pos: number;
  /** A directory: opening worked, reading fails. */
  directory?: boolean;
}

export interface Subst {
  regex: SedRegex | null;
  replacement: ReplPiece[];
  /** The highest \N the replacement uses. */
  maxId: number;
  global: boolean;
  /** Bit 1: p before the e flag, bit 2: p after it. */
  print: number;
  /** Replace from the Nth match on (0: the first). */
  numb: number;
  eval: boolean;
  outf: OutputRef | null;
}

export interface Command {
  a1: Addr | null;
  a2: Addr | null;
  rangeState: number;
  bang: boolean;
  /** The command letter. */
  cmd: string;
  /** a, i, c (and e): the text with its final newline; null when there is none at all. */
  text: string | null;
  /** `{`, b, t, T: the index to continue at. */
  jump: number;
  /** q, Q: exit status; l: line length; -1 when not given. */
  intArg: number;
  /** r: the file to read. */
  fname: string;
  /** r: queue the file for the end of the cycle (false for `0r`, printed at once). */
  readAppend: boolean;
  outf: OutputRef | null;
  inf: ReadRef | null;
  subst: Subst | null;
  /** y: each source character's (bytes) replacement. */
  translate: Map<string, string> | null;
}

/** A command with nothing filled in yet. */
export function newCommand(): Command {
  return {
    a1: null,
    a2: null,
    rangeState: RANGE_INACTIVE,
    bang: false,
    cmd: '',
    text: null,
    jump: -1,
    intArg: -1,
    fname: '',
    readAppend: true,
    outf: null,
    inf: null,
    subst: null,
    translate: null,
  };
}
