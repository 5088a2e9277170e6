/** The flags of one minikube subcommand: their values by long name, and the arguments left. */
export interface ParsedFlags {
  values: Map<string, string>;
  args: string[];
  /** The first flag the subcommand does not have, as typed. */
  unknown?: string;
}

/**
 * Parses cobra-style flags: `--name value`, `--name=value`, `-n value`, `-nvalue`; `booleans`
 * take no value. `short` maps a shorthand to its long name. Everything after `--` is an argument.
 */
export function parseFlags(
  argv: string[],
  spec: { values?: string[]; booleans?: string[]; short?: Record<string, string> },
): ParsedFlags {
  const values = new Map<string, string>();
  const args: string[] = [];
  const takesValue = new Set(spec.values ?? []);
  const booleans = new Set(spec.booleans ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      [name, inline] = arg.slice(2).includes('=') ? splitOnce(arg.slice(2)) : [arg.slice(2), undefined];
    } else if (arg.startsWith('-') && arg.length > 1) {
      const long = spec.short?.[arg[1]];
      if (!long) return { values, args, unknown: arg };
      name = long;
      const rest = arg.slice(2).replace(/^=/, '');
      inline = rest === '' ? undefined : rest;
    } else {
      args.push(arg);
      continue;
    }
    if (booleans.has(name)) values.set(name, inline ?? 'true');
    else if (takesValue.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) return { values, args, unknown: arg };
      values.set(name, value);
    } else return { values, args, unknown: arg };
  }
  return { values, args };
}

function splitOnce(text: string): [string, string] {
  const at = text.indexOf('=');
  return [text.slice(0, at), text.slice(at + 1)];
}
