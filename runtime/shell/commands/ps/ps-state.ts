// What ps's options decide, as procps keeps it in globals: selection, format and sort requests,
// width and headers. The parser fills it; the format, selection and output stages read it.
import type { FormatSpec } from './format-specs';

/** procps' format_flags: the format options given. */
export const FF = { Uf: 1, Ul: 2, Uj: 4, Bj: 8, Bl: 16, Bs: 32, Bu: 64, Bv: 128, LX: 256, Lm: 512, Fc: 1024 };
/** procps' format_modifiers. */
export const FM = { c: 1, j: 2, y: 4, L: 8, P: 16, M: 32, T: 64, F: 128 };
/** procps' simple_select bits. */
export const SS = { Ua: 1, Ud: 2, Ba: 4, Bg: 8, Bx: 16 };
/** procps' thread_flags. */
export const TF = {
  BH: 1,
  Bm: 2,
  Um: 4,
  UT: 8,
  UL: 16,
  showProc: 32,
  looseTasks: 64,
  showTask: 128,
  showBoth: 256,
  noSort: 512,
  mustUse: 1024,
};

/** What a selection list matches. */
export type SelectionType =
  'RUID' | 'EUID' | 'RGID' | 'EGID' | 'PGRP' | 'PID' | 'PID_QUICK' | 'PPID' | 'TTY' | 'SESS' | 'COMM';

export interface Selection {
  type: SelectionType;
  /** Numbers (ids, device numbers) or command names. */
  values: Array<number | string>;
}

/** Where a deferred format or sort option came from (procps' SF_* codes). */
export type SfCode = 'B_o' | 'G_format' | 'U_o' | 'U_O' | 'B_O' | 'G_sort' | 'B_m';

/** One column of the output: a specifier's printer, or AIX literal text. */
export interface FormatNode {
  name: string;
  width: number;
  spec?: FormatSpec;
}

/** One sort key; order 0 is a key procps fails to sort by (a bare second O code). */
export interface SortNode {
  spec: FormatSpec;
  order: 1 | -1 | 0;
}

export interface SfNode {
  text: string;
  code: SfCode;
  formats: FormatNode[];
  sorts: SortNode[];
}

export interface PsState {
  allProcesses: boolean;
  bsdC: boolean;
  bsdE: boolean;
  /** '' none, 'b' BSD f, 'g' --forest, 'u' -H. */
  forest: '' | 'b' | 'g' | 'u';
  formatFlags: number;
  formatModifiers: number;
  header: 'single' | 'none' | 'multi';
  includeDead: boolean;
  negate: boolean;
  runningOnly: boolean;
  simpleSelect: number;
  selections: Selection[];
  threadFlags: number;
  unixF: boolean;
  numericUser: boolean;
  numericWchan: boolean;
  wCount: number;
  screenCols: number;
  screenRows: number;
  preferBsd: boolean;
  forceBsd: boolean;
  /** Deferred -o/O/--sort arguments, newest first, as procps keeps them. */
  sf: SfNode[];
  haveGnuSort: boolean;
  formats: FormatNode[];
  sorts: SortNode[];
  /** The selection table's bits (select_bits_setup). */
  selectBits: number;
}

/** The initial state for a terminal `cols` × `rows` (procps' reset_global). */
export function freshState(cols: number, rows: number): PsState {
  return {
    allProcesses: false,
    bsdC: false,
    bsdE: false,
    forest: '',
    formatFlags: 0,
    formatModifiers: 0,
    header: 'single',
    includeDead: false,
    negate: false,
    runningOnly: false,
    simpleSelect: 0,
    selections: [],
    threadFlags: 0,
    unixF: false,
    numericUser: false,
    numericWchan: false,
    wCount: 0,
    screenCols: cols,
    screenRows: rows,
    preferBsd: false,
    forceBsd: false,
    sf: [],
    haveGnuSort: false,
    formats: [],
    sorts: [],
    selectBits: 0,
  };
}

/** procps' OUTBUF_SIZE: the width when output is not a terminal. */
export const OUTBUF_SIZE = 2 * 64 * 1024;
