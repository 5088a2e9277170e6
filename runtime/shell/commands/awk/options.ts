// mawk's command line (init.c): -f progfile, -F fs, -v var=value, -W words, `--`; the first
// operand is the program unless -f gave one; the rest become ARGV.

/** mawk's usage text (printed on stderr, exit status 0). */
export const USAGE = [
  'Usage: mawk [Options] [Program] [file ...]',
  '',
  'Program:',
  '    The -f option value is the name of a file containing program text.',
  '    If no -f option is given, a "--" ends option processing; the following',
  '    parameters are the program text.',
  '',
  'Options:',
  '    -f program-file  Program  text is read from file instead of from the',
  '                     command-line.  Multiple -f options are accepted.',
  '    -F value         sets the field separator, FS, to value.',
  '    -v var=value     assigns value to program variable var.',
  '    --               unambiguous end of options.',
  '',
  '    Implementation-specific options are prefixed with "-W".  They can be',
  '    abbreviated:',
  '',
  '    -W version       show version information and exit.',
  '    -W dump          show assembler-like listing of program and exit.',
  '    -W help          show this message and exit.',
  '    -W interactive   set unbuffered output, line-buffered input.',
  '    -W exec file     use file as program as well as last option.',
  '    -W random=number set initial random seed.',
  '    -W sprintf=number adjust size of sprintf buffer.',
  '    -W posix_space   do not consider "\\n" a space.',
  '    -W usage         show this message and exit.',
  '',
].join('\n');

/** `-W version`: the first part on stdout, the build details on stderr. */
export const VERSION_OUT =
  'mawk 1.3.4 20200120\nCopyright 2008-2019,2020, Thomas E. Dickey\nCopyright 1991-1996,2014, Michael D. Brennan\n\n';
export const VERSION_ERR =
  'random-funcs:       srandom/random\nregex-funcs:        internal\ncompiled limits:\nsprintf buffer      8192\nmaximum-integer     2147483647\n';

export interface Invocation {
  progFiles: string[];
  program?: string;
  fs?: string;
  assigns: string[];
  /** ARGV[1..]. */
  operands: string[];
  randomSeed?: number;
  /** Messages printed before running (vacuous -W options). */
  warnings: string;
}

/** What the command line asks for: a run, or an early exit with messages. */
export type Parsed = { run: Invocation } | { exit: number; stdout?: string; stderr?: string };

const W_WORDS = ['version', 'dump', 'help', 'interactive', 'exec', 'random', 'sprintf', 'posix_space', 'usage'];

export function parseCommandLine(args: string[], progname: string): Parsed {
  const inv: Invocation = { progFiles: [], assigns: [], operands: [], warnings: '' };
  if (args.length === 0) return { exit: 0, stderr: USAGE };
  let warnings = '';
  let i = 0;
  const fail = (message: string): Parsed => ({ exit: 2, stderr: `${warnings}${progname}: ${message}\n` });
  for (; i < args.length && args[i].startsWith('-');) {
    const a = args[i];
    if (a === '-') {
      if (inv.progFiles.length === 0) return { exit: 0, stderr: warnings };
      break;
    }
    if (a.length > 2 && a.startsWith('--')) return fail(`not an option: ${a}`);
    let value: string;
    let next: number;
    if (a.length === 2) {
      if (i === args.length - 1 && a[1] !== '-') {
        if ('WFvf'.includes(a[1])) return fail(`option ${a} lacks argument`);
        return fail(`not an option: ${a}`);
      }
      value = args[i + 1];
      next = i + 2;
    } else {
      value = a.slice(2);
      next = i + 1;
    }
    switch (a[1]) {
      case 'W': {
        for (const word of value.split(',').filter((w) => w !== '')) {
          const name = word.split('=')[0].toLowerCase();
          const match = name === '' ? undefined : W_WORDS.find((w) => w.startsWith(name));
          if (match === 'version') return { exit: 0, stdout: VERSION_OUT, stderr: warnings + VERSION_ERR };
          if (match === 'usage' || match === 'help') return { exit: 0, stderr: warnings + USAGE };
          if (match === 'random') inv.randomSeed = Number.parseInt(word.split('=')[1] ?? '0', 10) || 0;
          if (!match) warnings += `${progname}: vacuous option: -W ${word}\n`;
        }
        break;
      }
      case 'v':
        if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) return fail(`improper assignment: -v ${value}`);
        inv.assigns.push(value);
        break;
      case 'F':
        inv.fs = value;
        break;
      case '-':
        if (a.length > 2) return fail(`not an option: ${a}`);
        i++;
        return finish(inv, args, i, warnings);
      case 'f':
        inv.progFiles.push(value);
        break;
      default:
        return fail(`not an option: ${a}`);
    }
    i = next;
  }
  return finish(inv, args, i, warnings);
}

function finish(inv: Invocation, args: string[], i: number, warnings: string): Parsed {
  if (inv.progFiles.length === 0) {
    if (i >= args.length) return { exit: 0, stderr: warnings };
    inv.program = args[i++];
  }
  inv.operands = args.slice(i);
  inv.warnings = warnings;
  return { run: inv };
}
