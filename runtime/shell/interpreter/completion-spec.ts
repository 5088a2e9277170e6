// Programmable completion specifications, as `complete` records them and `complete -p` prints
// them: options, actions, word lists, functions and commands, kept per command name.
import { encodeUtf8 } from '../../util/utf8';

/** `-o` options, in the order bash prints them. */
export const COMP_OPTIONS = [
  'bashdefault',
  'default',
  'dirnames',
  'filenames',
  'noquote',
  'nosort',
  'nospace',
  'plusdirs',
] as const;

/** The actions with a one-letter flag, in the order bash prints them. */
export const SHORT_ACTIONS: ReadonlyArray<[string, string]> = [
  ['a', 'alias'],
  ['b', 'builtin'],
  ['c', 'command'],
  ['d', 'directory'],
  ['e', 'export'],
  ['f', 'file'],
  ['g', 'group'],
  ['j', 'job'],
  ['k', 'keyword'],
  ['s', 'service'],
  ['u', 'user'],
  ['v', 'variable'],
];

/** The actions only `-A` names, in the order bash prints them. */
export const LONG_ACTIONS = [
  'arrayvar',
  'binding',
  'disabled',
  'enabled',
  'function',
  'helptopic',
  'hostname',
  'running',
  'setopt',
  'shopt',
  'signal',
  'stopped',
];

/** How the words of one command are completed. */
export interface CompletionSpec {
  options: Set<string>;
  actions: Set<string>;
  glob?: string;
  words?: string;
  prefix?: string;
  suffix?: string;
  filter?: string;
  command?: string;
  fn?: string;
}

/** The names bash keeps the `-D`, `-E` and `-I` specifications under. */
export const SPECIAL_NAMES = { D: '_DefaultCmD_', E: '_EmptycmD_', I: '_InitialWorD_' } as const;

/** bash's programmable-completion hash table: 512 buckets, FNV-1 hashed (its `complete -p` order). */
const BUCKETS = 512;

function bucketOf(name: string): number {
  let hash = 2166136261;
  for (const byte of encodeUtf8(name)) hash = (Math.imul(hash, 16777619) ^ byte) >>> 0;
  return hash & (BUCKETS - 1);
}

/** The specifications by command name, listed in the order bash walks its table. */
export class CompletionTable {
  private readonly specs = new Map<string, { spec: CompletionSpec; seq: number }>();
  private seq = 0;
  /** bash makes its table at the first `complete`; before that, removing succeeds silently. */
  private created = false;

  get(name: string): CompletionSpec | undefined {
    return this.specs.get(name)?.spec;
  }

  /** Sets `name`'s specification; a name already there keeps its place. */
  set(name: string, spec: CompletionSpec): void {
    const entry = this.specs.get(name);
    this.created = true;
    if (entry) entry.spec = spec;
    else this.specs.set(name, { spec, seq: this.seq++ });
  }

  /** Removes `name`'s specification; false when there was none to remove. */
  delete(name: string): boolean {
    return this.specs.delete(name) || !this.created;
  }

  clear(): void {
    this.specs.clear();
  }

  /** Every name, bucket by bucket, the newest first within a bucket. */
  names(): string[] {
    return [...this.specs.entries()]
      .map(([name, { seq }]) => ({ name, seq, bucket: bucketOf(name) }))
      .sort((a, b) => a.bucket - b.bucket || b.seq - a.seq)
      .map((e) => e.name);
  }

  clone(): CompletionTable {
    const copy = new CompletionTable();
    for (const name of [...this.specs.keys()].sort((a, b) => this.specs.get(a)!.seq - this.specs.get(b)!.seq)) {
      const spec = this.specs.get(name)!.spec;
      copy.set(name, { ...spec, options: new Set(spec.options), actions: new Set(spec.actions) });
    }
    copy.created = this.created;
    return copy;
  }
}

const quote = (value: string): string => `'${value.replace(/'/g, "'\\''")}'`;

/** `complete -p`'s line for `name`: `complete -o default -F __start_kubectl kubectl`. */
export function specLine(name: string, spec: CompletionSpec): string {
  const parts = ['complete'];
  for (const option of COMP_OPTIONS) if (spec.options.has(option)) parts.push('-o', option);
  for (const [letter, action] of SHORT_ACTIONS) if (spec.actions.has(action)) parts.push(`-${letter}`);
  for (const action of LONG_ACTIONS) if (spec.actions.has(action)) parts.push('-A', action);
  const quoted: Array<[string, string | undefined]> = [
    ['-G', spec.glob],
    ['-W', spec.words],
    ['-P', spec.prefix],
    ['-S', spec.suffix],
    ['-X', spec.filter],
    ['-C', spec.command],
  ];
  for (const [flag, value] of quoted) if (value !== undefined) parts.push(flag, quote(value));
  if (spec.fn !== undefined) parts.push('-F', spec.fn);
  const special = Object.entries(SPECIAL_NAMES).find(([, n]) => n === name);
  parts.push(special ? `-${special[0]}` : name);
  return `${parts.join(' ')}\n`;
}

/** What the options of complete, compgen or compopt said. */
export interface ParsedCompletionArgs {
  spec: CompletionSpec;
  /** `+o` options (compopt). */
  off: Set<string>;
  /** Flags without a value that are not actions: p, r, D, E, I. */
  flags: Set<string>;
  operands: string[];
}

/** Why parsing failed: the message (after `bash: NAME: `) and whether bash adds its usage line. */
export class CompletionUsageError extends Error {
  constructor(
    message: string,
    readonly usage: boolean,
  ) {
    super(message);
  }
}

/**
 * Parses argv (after the name) by `letters`: a letter followed by `:` takes a value, as bash's
 * internal getopt does (`-F fn`, `-Ffn`, clustered flags, `--`). `+o` is allowed with `plusO`.
 */
export function parseCompletionArgs(args: string[], letters: string, plusO = false): ParsedCompletionArgs {
  const parsed: ParsedCompletionArgs = {
    spec: { options: new Set(), actions: new Set() },
    off: new Set(),
    flags: new Set(),
    operands: [],
  };
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      i++;
      break;
    }
    const plus = plusO && arg.startsWith('+') && arg.length > 1;
    if ((!arg.startsWith('-') && !plus) || arg === '-') break;
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j];
      const at = letters.indexOf(letter);
      if (at < 0 || letter === ':' || (plus && letter !== 'o'))
        throw new CompletionUsageError(`${arg[0]}${letter}: invalid option`, true);
      if (letters[at + 1] !== ':') {
        applyFlag(parsed, letter);
        continue;
      }
      let value = arg.slice(j + 1);
      if (value === '') {
        if (i + 1 >= args.length) throw new CompletionUsageError(`-${letter}: option requires an argument`, true);
        value = args[++i];
      }
      applyValue(parsed, letter, value, plus);
      break;
    }
  }
  parsed.operands = args.slice(i);
  return parsed;
}

function applyFlag(parsed: ParsedCompletionArgs, letter: string): void {
  const action = SHORT_ACTIONS.find(([l]) => l === letter)?.[1];
  if (action) parsed.spec.actions.add(action);
  else parsed.flags.add(letter);
}

function applyValue(parsed: ParsedCompletionArgs, letter: string, value: string, plus: boolean): void {
  const spec = parsed.spec;
  switch (letter) {
    case 'o':
      if (!(COMP_OPTIONS as readonly string[]).includes(value))
        throw new CompletionUsageError(`${value}: invalid option name`, false);
      (plus ? parsed.off : spec.options).add(value);
      if (plus) spec.options.delete(value);
      else parsed.off.delete(value);
      return;
    case 'A': {
      const action = SHORT_ACTIONS.find(([, a]) => a === value)?.[1] ?? LONG_ACTIONS.find((a) => a === value);
      if (!action) throw new CompletionUsageError(`${value}: invalid action name`, false);
      spec.actions.add(action);
      return;
    }
    case 'G':
      spec.glob = value;
      return;
    case 'W':
      spec.words = value;
      return;
    case 'P':
      spec.prefix = value;
      return;
    case 'S':
      spec.suffix = value;
      return;
    case 'X':
      spec.filter = value;
      return;
    case 'C':
      spec.command = value;
      return;
    case 'F':
      spec.fn = value;
      return;
  }
}
