/**
 * Command-line flags as spf13/pflag parses them for kubectl: `--name=value`, `--name value`,
 * `-x value`, `-xvalue`, combined short booleans (`-ti`), `--` ending the flags, and flags mixed
 * freely with positional arguments. Errors carry pflag's own texts.
 */
export interface FlagSpec {
  name: string;
  short?: string;
  /**
   * bool; string; int (strconv.ParseInt, base 0); stringArray (repeatable, each value whole);
   * stringSlice (repeatable, each value split at commas as CSV).
   */
  type: 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice';
}

export type FlagValue = string | boolean | number | string[];

export type ParsedFlags =
  { ok: true; values: Map<string, FlagValue>; args: string[]; dashAt?: number } | { ok: false; error: string };

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Go's strconv.ParseInt(text, 0, 64) as a number, or its error text. */
function parseInt64(text: string): number | string {
  const syntax = `strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`;
  const match = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|0[0-7_]*|[1-9][0-9_]*)$/.exec(text);
  if (!match) return syntax;
  const body = match[2];
  if (body.startsWith('_') || body.endsWith('_') || body.includes('__')) return syntax;
  const digits = body.replace(/_/g, '');
  const value = /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits);
  const signed = match[1] === '-' ? -value : value;
  if (signed > 9223372036854775807n || signed < -9223372036854775808n) {
    return `strconv.ParseInt: parsing ${JSON.stringify(text)}: value out of range`;
  }
  return Number(signed);
}

/** pflag's name for a flag in errors: `-r, --replicas` when it has a shorthand. */
const displayName = (spec: FlagSpec): string => (spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`);

/** Go's encoding/csv reading one line, as pflag's StringSlice does. */
function splitCsv(text: string): string[] {
  if (text === '') return [];
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/** Stores `text` as the value of `spec`, or returns pflag's error. */
function setValue(values: Map<string, FlagValue>, spec: FlagSpec, text: string): string | undefined {
  const invalid = (why: string): string =>
    `invalid argument ${JSON.stringify(text)} for "${displayName(spec)}" flag: ${why}`;
  switch (spec.type) {
    case 'bool':
      if (TRUE.has(text)) values.set(spec.name, true);
      else if (FALSE.has(text)) values.set(spec.name, false);
      else return invalid(`strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
      return undefined;
    case 'int': {
      const parsed = parseInt64(text);
      if (typeof parsed === 'string') return invalid(parsed);
      values.set(spec.name, parsed);
      return undefined;
    }
    case 'stringArray':
    case 'stringSlice': {
      const before = values.get(spec.name);
      const list = Array.isArray(before) ? before : [];
      values.set(spec.name, [...list, ...(spec.type === 'stringSlice' ? splitCsv(text) : [text])]);
      return undefined;
    }
    default:
      values.set(spec.name, text);
      return undefined;
  }
}

/**
 * Parses `argv` (without the command names) against `specs`. `dashAt` is how many positional
 * arguments came before a `--` (cobra's ArgsLenAtDash), when there was one.
 */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const values = new Map<string, FlagValue>();
  const args: string[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      const dashAt = args.length;
      args.push(...argv.slice(i + 1));
      return { ok: true, values, args, dashAt };
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      const spec = byName.get(name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      let text: string;
      if (eq >= 0) text = arg.slice(eq + 1);
      else if (spec.type === 'bool') text = 'true';
      else if (i + 1 < argv.length) text = argv[++i];
      else return { ok: false, error: `flag needs an argument: --${name}` };
      const error = setValue(values, spec, text);
      if (error) return { ok: false, error };
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const short = arg[j];
        const spec = byShort.get(short);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${short}' in ${arg}` };
        let text: string;
        if (arg[j + 1] === '=') text = arg.slice(j + 2);
        else if (spec.type === 'bool') text = 'true';
        else if (j + 1 < arg.length) text = arg.slice(j + 1);
        else if (i + 1 < argv.length) text = argv[++i];
        else return { ok: false, error: `flag needs an argument: '${short}' in -${short}` };
        const error = setValue(values, spec, text);
        if (error) return { ok: false, error };
        if (spec.type !== 'bool' || arg[j + 1] === '=') break;
      }
    } else args.push(arg);
  }
  return { ok: true, values, args };
}
