// jq 1.6's command line (main.c): its own option matching — a short option counts if its letter
// appears anywhere in the argument, and an argument with letters left over is "Unknown option" —
// the first plain argument is the filter, the rest are files (or $ARGS with --args/--jsonargs).
import { JsonParser, parseJsonText } from './json-parse';
import { JqError, type JqObject, type Value } from './values';

export interface JqOptions {
  program?: string;
  files: string[];
  slurp: boolean;
  rawInput: boolean;
  nullInput: boolean;
  rawOutput: boolean;
  joinOutput: boolean;
  ascii: boolean;
  sortKeys: boolean;
  /** -C / -M, undefined when neither was given (colour follows the terminal). */
  color?: boolean;
  exitStatus: boolean;
  seq: boolean;
  stream: boolean;
  fromFile: boolean;
  indent: number;
  tab: boolean;
  named: JqObject;
  positional: Value[];
}

/** What parsing decided instead of a run: print and exit. */
export interface OptionsExit {
  status: number;
  stdout?: string;
  stderr?: string;
}

export function usageText(progname: string, short: boolean): string {
  const head =
    `jq - commandline JSON processor [version 1.6]\n\nUsage:\t${progname} [options] <jq filter> [file...]\n` +
    `\t${progname} [options] --args <jq filter> [strings...]\n` +
    `\t${progname} [options] --jsonargs <jq filter> [JSON_TEXTS...]\n\n` +
    'jq is a tool for processing JSON inputs, applying the given filter to\n' +
    "its JSON text inputs and producing the filter's results as JSON on\nstandard output.\n\n" +
    "The simplest filter is ., which copies jq's input to its output\n" +
    'unmodified (except for formatting, but note that IEEE754 is used\n' +
    'for number representation internally, with all that that implies).\n\n' +
    'For more advanced filters see the jq(1) manpage ("man jq")\nand/or https://stedolan.github.io/jq\n\n' +
    'Example:\n\n\t$ echo \'{"foo": 0}\' | jq .\n\t{\n\t\t"foo": 0\n\t}\n\n';
  if (short) return `${head}For a listing of options, use ${progname} --help.\n`;
  return (
    head +
    'Some of the options include:\n' +
    '  -c               compact instead of pretty-printed output;\n' +
    '  -n               use `null` as the single input value;\n' +
    '  -e               set the exit status code based on the output;\n' +
    '  -s               read (slurp) all inputs into an array; apply filter to it;\n' +
    '  -r               output raw strings, not JSON texts;\n' +
    '  -R               read raw strings, not JSON texts;\n' +
    '  -C               colorize JSON;\n' +
    "  -M               monochrome (don't colorize JSON);\n" +
    '  -S               sort keys of objects on output;\n' +
    '  --tab            use tabs for indentation;\n' +
    '  --arg a v        set variable $a to value <v>;\n' +
    '  --argjson a v    set variable $a to JSON value <v>;\n' +
    '  --slurpfile a f  set variable $a to an array of JSON texts read from <f>;\n' +
    '  --rawfile a f    set variable $a to a string consisting of the contents of <f>;\n' +
    '  --args           remaining arguments are string arguments, not files;\n' +
    '  --jsonargs       remaining arguments are JSON arguments, not files;\n' +
    '  --               terminates argument processing;\n\n' +
    'Named arguments are also available as $ARGS.named[], while\n' +
    'positional arguments are available as $ARGS.positional[].\n' +
    '\nSee the manpage for more options.\n'
  );
}

/** Reads a file: its text, or the strerror-style reason it cannot be read. */
export type ReadFile = (name: string) => string | { error: string };

/** jv_load_file: a file's text (raw) or the array of its JSON texts, else jq's message. */
export function loadFile(read: ReadFile, name: string, raw: boolean): Value {
  const text = read(name);
  if (typeof text !== 'string') throw new JqError(`Could not open ${name}: ${text.error}`);
  if (raw) return text;
  const parser = new JsonParser();
  parser.feed(text, false);
  const values: Value[] = [];
  for (let step = parser.step(); step; step = parser.step()) {
    if ('error' in step) throw new JqError(step.error);
    values.push(step.value);
  }
  return values;
}

/** A --jsonargs text (jq keeps an invalid one as a value it cannot print; null is kinder). */
function parseOrNull(text: string): Value {
  try {
    return parseJsonText(text);
  } catch {
    return null;
  }
}

const isOptish = (a: string): boolean => a[0] === '-' && (a[1] === '-' || /[a-zA-Z]/.test(a[1] ?? ''));

/** Parses argv (without argv[0]); --slurpfile and --rawfile read their files as they are met. */
export function parseOptions(args: string[], progname: string, read: ReadFile): JqOptions | OptionsExit {
  const o: JqOptions = {
    files: [],
    slurp: false,
    rawInput: false,
    nullInput: false,
    rawOutput: false,
    joinOutput: false,
    ascii: false,
    sortKeys: false,
    exitStatus: false,
    seq: false,
    stream: false,
    fromFile: false,
    indent: 2,
    tab: false,
    named: new Map(),
    positional: [],
  };
  const die = (message: string): OptionsExit => ({
    status: 2,
    stderr: `${message}\nUse ${progname} --help for help with command-line options,\nor see the jq manpage, or online docs  at https://stedolan.github.io/jq\n`,
  });
  let mode: 'files' | 'strings' | 'json' = 'files';
  let done = false;
  const operand = (a: string): void => {
    if (mode === 'strings') o.positional.push(a);
    else if (mode === 'json') o.positional.push(parseOrNull(a));
    else o.files.push(a);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (done) operand(a);
    else if (a === '--') {
      if (o.program === undefined) return { status: 2, stderr: usageText(progname, true) };
      done = true;
    } else if (!isOptish(a)) {
      if (o.program === undefined) o.program = a;
      else operand(a);
    } else if (a[1] === 'L') {
      if (a.length === 2) {
        if (i >= args.length - 1) return die('-L takes a parameter: (e.g. -L /search/path or -L/search/path)');
        i++;
      }
    } else {
      let shorts = 0;
      const is = (letter: string, long: string): boolean => {
        if (a === `--${long}`) return true;
        if (a[1] === '-' || !letter || !a.includes(letter)) return false;
        shorts++;
        return true;
      };
      const flag = (letter: string, long: string, set: () => void): boolean => {
        if (!is(letter, long)) return false;
        set();
        return a[1] === '-';
      };
      if (flag('s', 'slurp', () => (o.slurp = true))) continue;
      if (flag('r', 'raw-output', () => (o.rawOutput = true))) continue;
      if (flag('c', 'compact-output', () => ([o.indent, o.tab] = [0, false]))) continue;
      if (flag('C', 'color-output', () => (o.color = o.color === false ? false : true))) continue;
      if (flag('M', 'monochrome-output', () => (o.color = false))) continue;
      if (flag('a', 'ascii-output', () => (o.ascii = true))) continue;
      if (a === '--unbuffered') continue;
      if (flag('S', 'sort-keys', () => (o.sortKeys = true))) continue;
      if (flag('R', 'raw-input', () => (o.rawInput = true))) continue;
      if (flag('n', 'null-input', () => (o.nullInput = true))) continue;
      if (flag('f', 'from-file', () => (o.fromFile = true))) continue;
      if (flag('j', 'join-output', () => (o.rawOutput = o.joinOutput = true))) continue;
      if (a === '--tab') {
        [o.indent, o.tab] = [0, true];
        continue;
      }
      if (a === '--indent') {
        if (i >= args.length - 1) return die(`${progname}: --indent takes one parameter`);
        const n = parseInt(args[++i], 10) || 0;
        if (n < -1 || n > 7) return die(`${progname}: --indent takes a number between -1 and 7`);
        [o.indent, o.tab] = n === -1 ? [0, true] : [n, false];
        continue;
      }
      if (a === '--seq') {
        o.seq = true;
        continue;
      }
      if (a === '--stream') {
        o.stream = true;
        continue;
      }
      if (a === '--stream-errors') continue;
      if (flag('e', 'exit-status', () => (o.exitStatus = true))) continue;
      if (a === '--args' || a === '--jsonargs') {
        mode = a === '--args' ? 'strings' : 'json';
        continue;
      }
      if (a === '--arg' || a === '--argjson') {
        if (i >= args.length - 2)
          return die(`${progname}: ${a} takes two parameters (e.g. ${a} varname ${a === '--arg' ? 'value' : 'text'})`);
        const [name, text] = [args[i + 1], args[i + 2]];
        i += 2;
        if (o.named.has(name)) continue;
        if (a === '--arg') o.named.set(name, text);
        else {
          try {
            o.named.set(name, parseJsonText(text));
          } catch {
            return die(`${progname}: invalid JSON text passed to --argjson`);
          }
        }
        continue;
      }
      if (a === '--argfile' || a === '--rawfile' || a === '--slurpfile') {
        const which = a.slice(2);
        if (i >= args.length - 2) return die(`${progname}: ${a} takes two parameters (e.g. ${a} varname filename)`);
        const [name, file] = [args[i + 1], args[i + 2]];
        i += 2;
        if (o.named.has(name)) continue;
        let data: Value;
        try {
          data = loadFile(read, file, which === 'rawfile');
        } catch (error) {
          if (!(error instanceof JqError)) throw error;
          return { status: 2, stderr: `${progname}: Bad JSON in --${which} ${name} ${file}: ${String(error.value)}\n` };
        }
        if (which === 'argfile' && Array.isArray(data) && data.length === 1) data = data[0];
        o.named.set(name, data);
        continue;
      }
      if (a === '--debug-dump-disasm' || a === '--debug-trace' || a === '--debug-trace=all') continue;
      if (is('h', 'help')) return { status: 0, stdout: usageText(progname, false) };
      if (is('V', 'version')) return { status: 0, stdout: 'jq-1.6\n' };
      if (a.length !== shorts + 1) return die(`${progname}: Unknown option ${a}`);
    }
  }
  return o;
}
