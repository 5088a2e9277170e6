// watch's command line as procps-ng 4.0.2 reads it: options up to the first word that is not one
// (getopt with `+`), then the command and its arguments; WATCH_INTERVAL as the default interval.

/** What watch was asked to do. */
export interface WatchOptions {
  /** Seconds between runs (at least 0.1). */
  interval: number;
  beep: boolean;
  color: boolean;
  /** -d: highlight changes; `permanent` keeps what ever changed highlighted. */
  differences: false | 'once' | 'permanent';
  errexit: boolean;
  chgexit: boolean;
  /** -q N: exit once the output stays the same N cycles. */
  equexit?: number;
  exec: boolean;
  precise: boolean;
  title: boolean;
  wrap: boolean;
  /** The command's words (with -x, its argv; else joined for `sh -c`). */
  command: string[];
}

/** watch stops before its first screen: help, version, or an error. */
export class WatchExit {
  constructor(
    readonly status: number,
    readonly stdout = '',
    readonly stderr = '',
  ) {}
}

export const WATCH_USAGE =
  '\nUsage:\n watch [options] command\n\nOptions:\n' +
  '  -b, --beep             beep if command has a non-zero exit\n' +
  '  -c, --color            interpret ANSI color and style sequences\n' +
  '  -d, --differences[=<permanent>]\n' +
  '                         highlight changes between updates\n' +
  '  -e, --errexit          exit if command has a non-zero exit\n' +
  '  -g, --chgexit          exit when output from command changes\n' +
  '  -q, --equexit <cycles>\n' +
  '                         exit when output from command does not change\n' +
  '  -n, --interval <secs>  seconds to wait between updates\n' +
  '  -p, --precise          attempt run command in precise intervals\n' +
  '  -t, --no-title         turn off header\n' +
  '  -w, --no-wrap          turn off line wrapping\n' +
  '  -x, --exec             pass command to exec instead of "sh -c"\n\n' +
  ' -h, --help     display this help and exit\n' +
  ' -v, --version  output version information and exit\n\n' +
  'For more details see watch(1).\n';

const LONG: Record<string, string> = {
  color: 'c',
  differences: 'd',
  help: 'h',
  interval: 'n',
  beep: 'b',
  errexit: 'e',
  chgexit: 'g',
  equexit: 'q',
  exec: 'x',
  precise: 'p',
  'no-title': 't',
  'no-wrap': 'w',
  version: 'v',
};

/**
 * procps' strtod_nol_or_err: digits with `.` or `,` as the point, no exponent; the error names
 * the errno procps happens to have (EINVAL for a bad character, else a leftover ENOENT).
 */
export function parseSeconds(text: string, what: string): number {
  const m = /^\s*([+-]?)(\d*)(?:([.,])(\d*))?(.*)$/s.exec(text) as RegExpExecArray;
  if (text !== '' && m[5] === '') return Number(`${m[2] || '0'}.${m[4] || '0'}`) * (m[1] === '-' ? -1 : 1);
  const invalid = text !== '' && m[3] === undefined;
  throw new WatchExit(
    1,
    '',
    `watch: ${what}: '${text}': ${invalid ? 'Invalid argument' : 'No such file or directory'}\n`,
  );
}

/** Parses watch's arguments; throws WatchExit for help, version and errors. */
export function parseWatchArgs(argv: string[], env: Readonly<Record<string, string>>): WatchOptions {
  const opts: WatchOptions = {
    interval: 2,
    beep: false,
    color: false,
    differences: false,
    errexit: false,
    chgexit: false,
    exec: false,
    precise: false,
    title: true,
    wrap: true,
    command: [],
  };
  if (env.WATCH_INTERVAL !== undefined)
    opts.interval = parseSeconds(env.WATCH_INTERVAL, 'Could not parse interval from WATCH_INTERVAL');
  const usage = new WatchExit(1, '', WATCH_USAGE);
  const getopt = (message: string): WatchExit => new WatchExit(1, '', `watch: ${message}\n${WATCH_USAGE}`);
  let i = 1;
  for (; i < argv.length; i++) {
    const word = argv[i];
    if (word === '--') {
      i++;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    const found: Array<[string, string | undefined]> = [];
    if (word.startsWith('--')) {
      const [name, value] = word.slice(2).split(/=(.*)/s);
      const matches = Object.keys(LONG).filter((long) => long.startsWith(name));
      const long = matches.find((m) => m === name) ?? (matches.length === 1 ? matches[0] : undefined);
      if (!long) throw getopt(matches.length ? `option '${word}' is ambiguous` : `unrecognized option '${word}'`);
      const c = LONG[long];
      if (value !== undefined && !'dnq'.includes(c)) throw getopt(`option '--${long}' doesn't allow an argument`);
      if (value === undefined && 'nq'.includes(c)) {
        if (i + 1 >= argv.length) throw getopt(`option '--${long}' requires an argument`);
        found.push([c, argv[++i]]);
      } else found.push([c, value]);
    } else {
      for (let j = 1; j < word.length; j++) {
        const c = word[j];
        if (!'bcdeghnpqtvwx'.includes(c)) throw getopt(`invalid option -- '${c}'`);
        if ('nq'.includes(c)) {
          const rest = word.slice(j + 1);
          if (!rest && i + 1 >= argv.length) throw getopt(`option requires an argument -- '${c}'`);
          found.push([c, rest || argv[++i]]);
          break;
        }
        if (c === 'd') {
          found.push([c, word.slice(j + 1) || undefined]);
          break;
        }
        found.push([c, undefined]);
      }
    }
    for (const [c, arg] of found) apply(opts, c, arg);
  }
  opts.interval = Math.min(Math.max(opts.interval, 0.1), 4294967295);
  if (i >= argv.length) throw usage;
  opts.command = argv.slice(i);
  return opts;
}

function apply(opts: WatchOptions, c: string, arg: string | undefined): void {
  switch (c) {
    case 'b':
      opts.beep = true;
      break;
    case 'c':
      opts.color = true;
      break;
    case 'd':
      opts.differences = arg === undefined ? 'once' : 'permanent';
      break;
    case 'e':
      opts.errexit = true;
      break;
    case 'g':
      opts.chgexit = true;
      break;
    case 'q':
      opts.equexit = Math.trunc(parseSeconds(arg ?? '', 'failed to parse argument'));
      break;
    case 'n':
      opts.interval = parseSeconds(arg ?? '', 'failed to parse argument');
      break;
    case 'p':
      opts.precise = true;
      break;
    case 't':
      opts.title = false;
      break;
    case 'w':
      opts.wrap = false;
      break;
    case 'x':
      opts.exec = true;
      break;
    case 'h':
      throw new WatchExit(0, WATCH_USAGE);
    case 'v':
      throw new WatchExit(0, 'watch from procps-ng 4.0.2\n');
  }
}
