/**
 * Command-line flags as spf13/pflag parses them for kubectl: `--name=value`, `--name value`,
 * `-x value`, `-xvalue`, combined short booleans (`-ti`), `--` ending the flags, and flags mixed
 * freely with positional arguments. Errors carry pflag's own texts.
 */
export interface FlagSpec {
  name: string;
  short?: string;
  type: 'bool' | 'string';
}

export type ParsedFlags =
  { ok: true; values: Map<string, string | boolean>; args: string[] } | { ok: false; error: string };

/** Parses `argv` (without the command names) against `specs`. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const values = new Map<string, string | boolean>();
  const args: string[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const spec = byName.get(name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      if (spec.type === 'bool') {
        const text = eq < 0 ? 'true' : arg.slice(eq + 1);
        if (text !== 'true' && text !== 'false') {
          return {
            ok: false,
            error: `invalid argument "${text}" for "--${name}" flag: strconv.ParseBool: parsing "${text}": invalid syntax`,
          };
        }
        values.set(name, text === 'true');
      } else if (eq >= 0) values.set(name, arg.slice(eq + 1));
      else if (i + 1 < argv.length) values.set(name, argv[++i]);
      else return { ok: false, error: `flag needs an argument: --${name}` };
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const short = arg[j];
        const spec = byShort.get(short);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${short}' in ${arg}` };
        if (spec.type === 'bool') {
          values.set(spec.name, true);
          continue;
        }
        const rest = arg.slice(j + 1).replace(/^=/, '');
        if (rest !== '') values.set(spec.name, rest);
        else if (i + 1 < argv.length) values.set(spec.name, argv[++i]);
        else return { ok: false, error: `flag needs an argument: '${short}' in -${short}` };
        break;
      }
    } else args.push(arg);
  }
  return { ok: true, values, args };
}
