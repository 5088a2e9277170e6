// sed's command line as glibc's getopt_long reads it with sed's option table: options in the
// order given (sed compiles each -e and -f as it meets it), operands permuted to the end, and
// getopt's own complaints.

/** One option as given: its key (the short letter, or a name for long-only ones) and argument. */
export interface GivenOption {
  key: string;
  value?: string;
}

export interface ParsedArgs {
  /** Options in order; an entry with key `error` is getopt's complaint at that point. */
  options: GivenOption[];
  operands: string[];
}

/** sed's SHORTOPTS "bsnrzuEe:f:l:i::V:": the argument each letter takes. */
const SHORT: Record<string, 'none' | 'required' | 'optional'> = {
  b: 'none',
  s: 'none',
  n: 'none',
  r: 'none',
  z: 'none',
  u: 'none',
  E: 'none',
  e: 'required',
  f: 'required',
  l: 'required',
  i: 'optional',
  V: 'required',
};

/** sed's long options, in its table's order (which ambiguity messages follow). */
const LONG: Array<{ name: string; key: string; arg: 'none' | 'required' | 'optional' }> = [
  { name: 'binary', key: 'b', arg: 'none' },
  { name: 'regexp-extended', key: 'r', arg: 'none' },
  { name: 'debug', key: 'debug', arg: 'none' },
  { name: 'expression', key: 'e', arg: 'required' },
  { name: 'file', key: 'f', arg: 'required' },
  { name: 'in-place', key: 'i', arg: 'optional' },
  { name: 'line-length', key: 'l', arg: 'required' },
  { name: 'null-data', key: 'z', arg: 'none' },
  { name: 'zero-terminated', key: 'z', arg: 'none' },
  { name: 'quiet', key: 'n', arg: 'none' },
  { name: 'posix', key: 'posix', arg: 'none' },
  { name: 'silent', key: 'n', arg: 'none' },
  { name: 'sandbox', key: 'sandbox', arg: 'none' },
  { name: 'separate', key: 's', arg: 'none' },
  { name: 'unbuffered', key: 'u', arg: 'none' },
  { name: 'version', key: 'version', arg: 'none' },
  { name: 'help', key: 'help', arg: 'none' },
  { name: 'follow-symlinks', key: 'F', arg: 'none' },
];

/** Parses `args` (argv without argv[0]); stops at the first error, which ends the options. */
export function parseArgs(args: readonly string[]): ParsedArgs {
  const options: GivenOption[] = [];
  const operands: string[] = [];
  const fail = (message: string): ParsedArgs => {
    options.push({ key: 'error', value: message });
    return { options, operands };
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const exact = LONG.find((o) => o.name === name);
      const matches = exact ? [exact] : LONG.filter((o) => o.name.startsWith(name));
      if (matches.length === 0) return fail(`unrecognized option '${arg}'`);
      const differ = matches.some((o) => o.key !== matches[0].key || o.arg !== matches[0].arg);
      if (differ)
        return fail(
          `option '${arg.slice(0, eq < 0 ? undefined : eq)}' is ambiguous; possibilities:${matches.map((o) => ` '--${o.name}'`).join('')}`,
        );
      const spec = matches[0];
      if (eq >= 0) {
        if (spec.arg === 'none') return fail(`option '--${spec.name}' doesn't allow an argument`);
        options.push({ key: spec.key, value: arg.slice(eq + 1) });
      } else if (spec.arg === 'required') {
        if (i + 1 >= args.length) return fail(`option '--${spec.name}' requires an argument`);
        options.push({ key: spec.key, value: args[++i] });
      } else options.push({ key: spec.key });
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const letter = arg[j];
        const kind = Object.hasOwn(SHORT, letter) ? SHORT[letter] : undefined;
        if (!kind) return fail(`invalid option -- '${letter}'`);
        if (kind === 'none') {
          options.push({ key: letter });
          continue;
        }
        const rest = arg.slice(j + 1);
        if (rest !== '') options.push({ key: letter, value: rest });
        else if (kind === 'optional') options.push({ key: letter });
        else if (i + 1 < args.length) options.push({ key: letter, value: args[++i] });
        else return fail(`option requires an argument -- '${letter}'`);
        break;
      }
      continue;
    }
    operands.push(arg);
  }
  return { options, operands };
}

/** C's atoi: optional blanks and sign, then digits; anything else stops it (0 when none). */
export function atoi(text: string): number {
  const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text);
  return m ? Number.parseInt(m[1], 10) : 0;
}
