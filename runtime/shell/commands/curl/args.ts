import { OPTIONS, type OptionEntry } from './option-table';

// curl's own command-line syntax (src/tool_getparam.c): long options match exactly or by a
// unique prefix, `--no-` turns a switch off, single letters cluster (`-sSL`) and the last one
// may take its value glued on (`-ofile`) or from the next word; `--` ends the options. No
// `--name=value`. Every word that is no option is a URL.

/** One option as met on the command line. */
export interface OptionUse {
  /** The option's long name (`output`). */
  name: string;
  /** Its value, for options that take one. */
  value?: string;
  /** False for `--no-NAME`. */
  on: boolean;
}

/** What curl says of a bad option, after `curl: option WORD: `. */
export class ParamError extends Error {}

/** What happens to each option and URL as it is read: it may refuse it with a ParamError. */
export interface ArgsVisitor {
  option(use: OptionUse): void;
  url(url: string): void;
}

const BY_LETTER = new Map(OPTIONS.filter(([, letter]) => letter).map((entry) => [entry[1], entry]));

/** The option a long name (without its dashes) means: exact, else the one it abbreviates. */
function lookupLong(word: string): OptionEntry {
  let hit: OptionEntry | undefined;
  let hits = 0;
  for (const entry of OPTIONS) {
    if (entry[0] === word) return entry;
    if (entry[0].startsWith(word)) {
      hit = entry;
      hits++;
    }
  }
  if (hits > 1) throw new ParamError('is ambiguous');
  if (!hit) throw new ParamError('is unknown');
  return hit;
}

/**
 * Reads `argv` (without the program name), handing each option and URL to `visitor` in order.
 * Stops at `--help`/`-h` (which takes the next word, if any, as its category) and `--version`.
 * Throws ParamError with the word it is about: `option WORD: REASON`.
 */
export function readArgs(argv: readonly string[], visitor: ArgsVisitor): void {
  let flags = true;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    if (!flags || !word.startsWith('-') || word === '-') {
      visitor.url(word);
      continue;
    }
    if (word === '--') {
      flags = false;
      continue;
    }
    const next = argv[i + 1];
    try {
      if (word.startsWith('--')) {
        let name = word.slice(2);
        const negated = name.startsWith('no-');
        if (negated) name = name.slice(3);
        const [long, , kind] = lookupLong(name);
        if (negated && kind !== 'bool') throw new ParamError("used '--no-' for option that isn't a boolean");
        if (kind === 'string' || kind === 'file') {
          if (next === undefined) throw new ParamError('requires parameter');
          i++;
          visitor.option({ name: long, value: next, on: true });
        } else {
          if (long === 'help' && next !== undefined) i++;
          visitor.option({
            name: long,
            ...(long === 'help' && next !== undefined ? { value: next } : {}),
            on: !negated,
          });
        }
        if (long === 'help' || long === 'version' || long === 'manual') return;
        continue;
      }
      for (let j = 1; j < word.length; j++) {
        const entry = BY_LETTER.get(word[j]);
        if (!entry) throw new ParamError('is unknown');
        const [long, , kind] = entry;
        if (kind === 'string' || kind === 'file') {
          const glued = word.slice(j + 1);
          if (glued) visitor.option({ name: long, value: glued, on: true });
          else if (next === undefined) throw new ParamError('requires parameter');
          else {
            i++;
            visitor.option({ name: long, value: next, on: true });
          }
          break;
        }
        if (long === 'help') {
          if (next !== undefined) i++;
          visitor.option({ name: long, ...(next !== undefined ? { value: next } : {}), on: true });
        } else visitor.option({ name: long, on: true });
        if (long === 'help' || long === 'version' || long === 'manual') return;
      }
    } catch (error) {
      if (error instanceof ParamError) throw new ParamError(`option ${word}: ${error.message}`);
      throw error;
    }
  }
}
