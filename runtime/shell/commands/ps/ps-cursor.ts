// The cursor ps's option parsers move over its arguments, and what they share: the state they
// fill, the host's accounts and terminal, and procps' ways of taking an option's argument.
import { parseList, type ItemParser } from './ps-lists';
import type { PsState, SelectionType, SfCode } from './ps-state';
import type { Accounts } from './process-snapshot';

/** ps stops early: help, version, a list of specifiers, or an error. */
export class PsExit {
  constructor(
    readonly status: number,
    readonly stdout = '',
    readonly stderr = '',
  ) {}
}

/** What the parser needs from the host. */
export interface ParseEnv {
  accounts: Accounts;
  /** ps's own terminal, as a device number (for T and a bare t). */
  ownTty: number;
  cols: number;
  rows: number;
  /** The specifier list `ps L` prints. */
  specifierList: () => string;
}

export const VERSION = 'ps from procps-ng 4.0.2\n';

/** Where the parser is: the word, and the letter in it. */
export class ArgCursor {
  i = 0;
  at = 0;
  constructor(
    readonly argv: string[],
    readonly st: PsState,
    readonly env: ParseEnv,
  ) {}

  /** The argument of an option: the rest of this word, else the next non-empty word. */
  optArg(): string | null {
    const word = this.argv[this.i];
    if (this.at + 1 < word.length) return word.slice(this.at + 1);
    if (this.i + 1 >= this.argv.length || this.argv[this.i + 1] === '') return null;
    return this.argv[++this.i];
  }

  /** Adds a selection list; its error text if an item is bad. */
  select(type: SelectionType, text: string, parse: ItemParser): string | null {
    const values = parseList(text, parse);
    if (!Array.isArray(values)) return values.error;
    this.st.selections.unshift({ type, values });
    return null;
  }

  /** An option taking a list: `missing` when there is none. */
  listOption(missing: string, type: SelectionType, parse: ItemParser, arg = this.optArg()): string | null {
    return arg === null ? missing : this.select(type, arg, parse);
  }

  /** Keeps a format or sort list for later (procps' defer_sf_option). */
  defer(text: string, code: SfCode): void {
    this.st.sf.unshift({ text, code, formats: [], sorts: [] });
    if (code === 'G_sort') this.st.haveGnuSort = true;
  }

  /** An option that must be ps's only argument. */
  exclusive(x: string): string | null {
    if (this.argv.length !== 2 || this.argv[1] !== x) return `the option is exclusive: ${x}`;
    return null;
  }

  /** Selects ps's own terminal. */
  ownTty(): void {
    this.st.selections.unshift({ type: 'TTY', values: [this.env.ownTty] });
  }

  /** A long option's argument after `=` or `:`, or the next word. */
  gnuArg(rest: string): string | null {
    if (rest.startsWith('=') || rest.startsWith(':')) return rest.length > 1 ? rest.slice(1) : null;
    if (rest !== '') return null;
    if (this.i + 1 >= this.argv.length || this.argv[this.i + 1] === '') return null;
    return this.argv[++this.i];
  }
}
