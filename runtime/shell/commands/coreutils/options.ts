/** One option a command accepts, as getopt_long declares it. */
export interface OptionSpec {
  /** The key the parsed value is stored under. */
  key: string;
  short?: string;
  long?: string;
  /** Whether the option takes an argument; default none. */
  arg?: 'required' | 'optional';
}

/** One option as given, in order. */
export interface GivenOption {
  key: string;
  /** The argument, or undefined for a flag (or an optional argument left out). */
  value?: string;
}

/** What parseOptions found. */
export interface ParsedArgs {
  options: GivenOption[];
  operands: string[];
}

/** getopt_long's complaint, without the `NAME: ` prefix and the Try line. */
export class UsageError extends Error {}

/**
 * Parses `args` (argv without argv[0]) as GNU getopt_long does: bundled short flags (`-la`),
 * `-nVALUE` and `-n VALUE`, `--long`, `--long=VALUE`, unambiguous prefixes of long names,
 * operands anywhere (permuted) unless `stopAtOperand`, `--` ends options, `-` is an operand.
 * Throws UsageError with GNU's text.
 */
export function parseOptions(args: readonly string[], specs: readonly OptionSpec[], stopAtOperand = false): ParsedArgs {
  const options: GivenOption[] = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const exact = specs.find((s) => s.long === name);
      const candidates = exact ? [exact] : specs.filter((s) => s.long?.startsWith(name));
      const distinct = candidates.filter(
        (s, n) => candidates.findIndex((t) => t.key === s.key && t.arg === s.arg) === n,
      );
      if (distinct.length === 0) throw new UsageError(`unrecognized option '${arg}'`);
      if (distinct.length > 1)
        throw new UsageError(
          `option '${arg.slice(0, eq < 0 ? undefined : eq)}' is ambiguous; possibilities:${distinct.map((s) => ` '--${s.long}'`).join('')}`,
        );
      const spec = distinct[0];
      if (eq >= 0) {
        if (!spec.arg) throw new UsageError(`option '--${spec.long}' doesn't allow an argument`);
        options.push({ key: spec.key, value: arg.slice(eq + 1) });
      } else if (spec.arg === 'required') {
        if (i + 1 >= args.length) throw new UsageError(`option '--${spec.long}' requires an argument`);
        options.push({ key: spec.key, value: args[++i] });
      } else options.push({ key: spec.key });
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const spec = specs.find((s) => s.short === arg[j]);
        if (!spec) throw new UsageError(`invalid option -- '${arg[j]}'`);
        if (!spec.arg) {
          options.push({ key: spec.key });
          continue;
        }
        const rest = arg.slice(j + 1);
        if (rest !== '') options.push({ key: spec.key, value: rest });
        else if (spec.arg === 'optional') options.push({ key: spec.key });
        else if (i + 1 < args.length) options.push({ key: spec.key, value: args[++i] });
        else throw new UsageError(`option requires an argument -- '${arg[j]}'`);
        break;
      }
      continue;
    }
    if (stopAtOperand) {
      operands.push(...args.slice(i));
      break;
    }
    operands.push(arg);
  }
  return { options, operands };
}

/** Whether option `key` was given. */
export const has = (parsed: ParsedArgs, key: string): boolean => parsed.options.some((o) => o.key === key);

/** The value of the last `key` given, or undefined. */
export function last(parsed: ParsedArgs, key: string): string | undefined {
  for (let i = parsed.options.length - 1; i >= 0; i--)
    if (parsed.options[i].key === key) return parsed.options[i].value;
  return undefined;
}
