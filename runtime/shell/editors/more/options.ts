// more's command line as util-linux parses it: -NUM, +NUM and +/PATTERN anywhere, then getopt_long
// with "dflcpsun:eVh" (options may follow file names).
import type { MoreOptions } from './pager';

/** The parsed command line, or what more prints and exits with. */
export type MoreArgs =
  | { files: string[]; options: MoreOptions }
  | { exit: number; stdout?: string; stderr?: string; help?: true; version?: true };

const LONG: Record<string, string> = {
  silent: 'd',
  logical: 'f',
  'no-pause': 'l',
  'print-over': 'c',
  'clean-print': 'p',
  'exit-on-eof': 'e',
  squeeze: 's',
  plain: 'u',
  lines: 'n',
  version: 'V',
  help: 'h',
};

const tryHelp = (message: string): MoreArgs => ({
  exit: 1,
  stderr: `more: ${message}\nTry 'more --help' for more information.\n`,
});

/** Parses `args` (argv without the program's name, after the MORE variable's words). */
export function parseMoreArgs(args: readonly string[]): MoreArgs {
  const options: MoreOptions = {};
  const files: string[] = [];
  const rest: string[] = [];
  for (const arg of args) {
    if (/^-\d+$/.test(arg)) options.lines = Math.abs(Number(arg));
    else if (/^\+\d+$/.test(arg)) options.startLine = Number(arg.slice(1));
    else if (arg.startsWith('+/')) options.startSearch = arg.slice(2);
    else rest.push(arg);
  }
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      files.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      files.push(arg);
      continue;
    }
    let flags: Array<[string, string | undefined]>;
    if (arg.startsWith('--')) {
      const [name, value] = arg.slice(2).split(/=(.*)/s);
      const matches = Object.keys(LONG).filter((long) => long.startsWith(name));
      const exact = matches.find((long) => long === name);
      if (matches.length === 0) return tryHelp(`unrecognized option '${arg}'`);
      if (!exact && matches.length > 1) {
        const possible = matches.map((long) => `'--${long}'`).join(' ');
        return tryHelp(`option '${arg}' is ambiguous; possibilities: ${possible}`);
      }
      flags = [[LONG[exact ?? matches[0]], value]];
    } else flags = [...arg.slice(1)].map((flag) => [flag, undefined]);
    for (let f = 0; f < flags.length; f++) {
      const [flag, inline] = flags[f];
      if (flag === 'h') return { exit: 0, help: true };
      if (flag === 'V') return { exit: 0, version: true };
      if (flag === 'n') {
        // -n takes the rest of its word, or the next argument.
        const short = arg.startsWith('--') ? inline : arg.slice(arg.indexOf('n') + 1) || undefined;
        const value = short ?? rest[++i];
        if (value === undefined) return tryHelp("option requires an argument -- 'n'");
        if (!/^\d+$/.test(value) || Number(value) > 65535)
          return { exit: 1, stderr: `more: argument error: '${value}'\n` };
        options.lines = Number(value);
        break;
      }
      if (flag === 's') options.squeeze = true;
      else if (flag === 'd') options.silent = true;
      else if (!'flcpue'.includes(flag)) return tryHelp(`invalid option -- '${flag}'`);
    }
  }
  return { files, options };
}
