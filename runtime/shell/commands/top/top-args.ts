// top's command line as procps-ng 4.0.2 reads it: getopt_long's short and long options, with
// top's own fix-up that lets an option's argument follow as the next word (`-d 1`, `-w 120`)
// and turns any other stray word into `unknown option`.
import { SORT_FIELDS } from './top-frame';

/** What top was asked to do. */
export interface TopOptions {
  batch: boolean;
  /** Seconds between frames. */
  delay: number;
  /** Frames to show before exiting (0: until q). */
  iterations: number;
  commandLines: boolean;
  hideIdle: boolean;
  sortField: string;
  descending: boolean;
  pids?: number[];
  user?: string;
  /** -w: the width, or -1 for COLUMNS (else the widest). */
  width?: number;
}

/** top stops before its first frame: help, version, or an error. */
export class TopExit {
  constructor(
    readonly status: number,
    readonly stdout = '',
    readonly stderr = '',
  ) {}
}

export const TOP_HELP =
  '\nUsage:\n top [options]\n\nOptions:\n' +
  ' -b, --batch-mode                run in non-interactive batch mode\n' +
  " -c, --cmdline-toggle            reverse last remembered 'c' state\n" +
  ' -d, --delay =SECS [.TENTHS]     iterative delay as SECS [.TENTHS]\n' +
  ' -E, --scale-summary-mem =SCALE  set mem as: k,m,g,t,p,e for SCALE\n' +
  ' -e, --scale-task-mem =SCALE     set mem with: k,m,g,t,p for SCALE\n' +
  ' -H, --threads-show              show tasks plus all their threads\n' +
  " -i, --idle-toggle               reverse last remembered 'i' state\n" +
  ' -n, --iterations =NUMBER        exit on maximum iterations NUMBER\n' +
  ' -O, --list-fields               output all field names, then exit\n' +
  ' -o, --sort-override =FIELD      force sorting on this named FIELD\n' +
  ' -p, --pid =PIDLIST              monitor only the tasks in PIDLIST\n' +
  " -S, --accum-time-toggle         reverse last remembered 'S' state\n" +
  ' -s, --secure-mode               run with secure mode restrictions\n' +
  ' -U, --filter-any-user =USER     show only processes owned by USER\n' +
  ' -u, --filter-only-euser =USER   show only processes owned by USER\n' +
  ' -w, --width [=COLUMNS]          change print width [,use COLUMNS]\n' +
  " -1, --single-cpu-toggle         reverse last remembered '1' state\n\n" +
  ' -h, --help                      display this help text, then exit\n' +
  ' -V, --version                   output version information & exit\n\n' +
  'For more details see top(1).\n';

const LONG: Record<string, string> = {
  'batch-mode': 'b',
  'cmdline-toggle': 'c',
  delay: 'd',
  'scale-summary-mem': 'E',
  'scale-task-mem': 'e',
  'threads-show': 'H',
  help: 'h',
  'idle-toggle': 'i',
  iterations: 'n',
  'list-fields': 'O',
  'sort-override': 'o',
  pid: 'p',
  'accum-time-toggle': 'S',
  'secure-mode': 's',
  'filter-any-user': 'U',
  'filter-only-euser': 'u',
  version: 'V',
  width: 'w',
  'single-cpu-toggle': '1',
};

/** Options taking an argument (w's is optional). */
const WITH_ARG = new Set(['d', 'E', 'e', 'n', 'o', 'p', 'U', 'u']);

/** strtof, whole string, below INT_MAX; `,` and `.` both taken as the decimal point. */
function toFloat(text: string, whole: boolean): number | undefined {
  const pattern = whole ? /^\s*[+-]?(0[xX][0-9a-fA-F]+|\d+)$/ : /^\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
  if (!pattern.test(text)) return undefined;
  const n = whole ? Number(text.trim()) : Number(text.trim().replace(',', '.'));
  return n < 2147483647 ? Math.fround(n) : undefined;
}

const fail = (message: string): TopExit => new TopExit(1, '', `top: ${message}\n`);

/** Parses top's arguments (getopt_long order, with top's fix-ups); throws TopExit. */
export function parseTopArgs(argv: string[]): TopOptions {
  const opts: TopOptions = {
    batch: false,
    delay: 3,
    iterations: 0,
    commandLines: false,
    hideIdle: false,
    sortField: '%CPU',
    descending: true,
  };
  const words = argv.slice(1);
  const stray: string[] = [];
  // getopt stops here with a message and top exits (0, a newline in batch mode).
  const getoptError = (message: string): TopExit => new TopExit(0, opts.batch ? '\n' : '', `top: ${message}\n`);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === '--') {
      stray.push(...words.slice(i + 1));
      break;
    }
    const found: Array<[string, string | undefined]> = [];
    if (word.startsWith('--')) {
      const [name, value] = word.slice(2).split(/=(.*)/s);
      const matches = Object.keys(LONG).filter((long) => long.startsWith(name));
      const exact = matches.find((m) => m === name);
      if (!matches.length) throw getoptError(`unrecognized option '${word}'`);
      if (!exact && matches.length > 1) throw getoptError(`option '${word}' is ambiguous`);
      const long = exact ?? matches[0];
      const c = LONG[long];
      if (value !== undefined && !WITH_ARG.has(c) && c !== 'w')
        throw getoptError(`option '--${long}' doesn't allow an argument`);
      if (value === undefined && WITH_ARG.has(c)) {
        if (i + 1 >= words.length) throw getoptError(`option '--${long}' requires an argument`);
        found.push([c, words[++i]]);
      } else found.push([c, value]);
    } else if (word.startsWith('-') && word.length > 1) {
      for (let j = 1; j < word.length; j++) {
        const c = word[j];
        if (!'bcdEeHhinOopSsUuVw1'.includes(c)) throw getoptError(`invalid option -- '${c}'`);
        if (WITH_ARG.has(c) || c === 'w') {
          let arg: string | undefined = word.slice(j + 1) || undefined;
          if (arg === undefined && WITH_ARG.has(c)) {
            if (i + 1 >= words.length) throw getoptError(`option requires an argument -- '${c}'`);
            arg = words[++i];
          }
          found.push([c, arg]);
          break;
        }
        found.push([c, undefined]);
      }
    } else {
      stray.push(word);
      continue;
    }
    for (const [c, given] of found) {
      // top's fix-up: the next word is the argument, unless it is an option.
      let arg = given;
      if (arg === undefined && i + 1 < words.length && !words[i + 1].startsWith('-')) arg = words[++i];
      if (arg !== undefined) {
        if (arg.startsWith('=')) arg = arg.slice(1);
        if (arg === '') {
          if (i + 1 >= words.length) throw fail(`-${c} argument missing`);
          arg = words[++i];
        }
      }
      if (apply(opts, c, arg)) continue;
      if (arg !== undefined) throw fail(`unknown option '${arg}'`);
    }
  }
  if (stray.length) throw fail(`unknown option '${stray[0]}'`);
  return opts;
}

/** Applies one option; true when it used its argument. */
function apply(opts: TopOptions, c: string, arg: string | undefined): boolean {
  switch (c) {
    case 'b':
      opts.batch = true;
      return false;
    case 'c':
      opts.commandLines = !opts.commandLines;
      return false;
    case 'i':
      opts.hideIdle = !opts.hideIdle;
      return false;
    case 'H':
    case 'S':
    case 's':
    case '1':
      return false;
    case 'h':
      throw new TopExit(0, TOP_HELP + (opts.batch ? '\n' : ''));
    case 'V':
      throw new TopExit(0, `top from procps-ng 4.0.2\n${opts.batch ? '\n' : ''}`);
    case 'O':
      throw new TopExit(0, `${SORT_FIELDS.join('\n')}\n${opts.batch ? '\n' : ''}`);
    case 'd': {
      const n = toFloat(arg ?? '', false);
      if (n === undefined) throw fail(`bad delay interval '${arg}'`);
      if (n < 0) throw fail('-d requires positive argument');
      opts.delay = n;
      return true;
    }
    case 'n': {
      const n = toFloat(arg ?? '', true);
      if (n === undefined || n < 1) throw fail(`bad iterations argument '${arg}'`);
      opts.iterations = Math.trunc(n);
      return true;
    }
    case 'E':
    case 'e':
      if (!arg || arg.length > 1 || !(c === 'E' ? 'kmgtpe' : 'kmgtp').includes(arg.toLowerCase()))
        throw fail(`bad memory scaling arg '${arg}'`);
      return true;
    case 'o': {
      let field = arg ?? '';
      if (field.startsWith('+')) [opts.descending, field] = [true, field.slice(1)];
      else if (field.startsWith('-')) [opts.descending, field] = [false, field.slice(1)];
      if (!SORT_FIELDS.includes(field)) throw fail(`unrecognized field name '${field}'`);
      opts.sortField = field;
      return true;
    }
    case 'p': {
      if (opts.user !== undefined) throw fail('conflicting process selections (U/p/u)');
      // Each item from where the list is: `12x` is 12, a sign or dot anywhere after is an error.
      let rest = arg ?? '';
      const pids = opts.pids ?? [];
      for (;;) {
        const m = /^\s*([+-]?\d+)/.exec(rest);
        if (!m || /[+.-]/.test(rest)) throw fail(`bad pid '${rest}'`);
        if (!pids.includes(Number(m[1]))) pids.push(Number(m[1]));
        const comma = rest.indexOf(',');
        if (comma < 0) break;
        rest = rest.slice(comma + 1);
        if (rest === '') break;
      }
      opts.pids = pids;
      return true;
    }
    case 'u':
    case 'U':
      if (opts.pids || opts.user !== undefined) throw fail('conflicting process selections (U/p/u)');
      opts.user = arg ?? '';
      return true;
    case 'w': {
      if (arg === undefined) {
        opts.width = -1;
        return false;
      }
      const n = toFloat(arg, true);
      if (n === undefined || n < 3 || n > 512) throw fail(`bad width arg '${arg}'`);
      opts.width = n;
      return true;
    }
  }
  return false;
}
