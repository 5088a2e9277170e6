// `read [-r] [-p prompt] [-d delim] [name…]`: one line from stdin, split on IFS into the names.
import type { InputStream } from '../../process';
import type { Builtin } from './types';
import { NAME } from './types';

const USAGE =
  'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n';

/** Text left over after a line, per input stream: the next `read` from the same stream gets it. */
const leftovers = new WeakMap<InputStream, string>();

async function readLine(input: InputStream, delimiter: string): Promise<{ line: string; complete: boolean }> {
  let buffer = leftovers.get(input) ?? '';
  for (;;) {
    const end = buffer.indexOf(delimiter);
    if (end >= 0) {
      leftovers.set(input, buffer.slice(end + 1));
      return { line: buffer.slice(0, end), complete: true };
    }
    const chunk = await input.read();
    if (chunk === null) {
      leftovers.set(input, '');
      return { line: buffer, complete: false };
    }
    buffer += chunk;
  }
}

export const read: Builtin = async ({ argv, stdin, stderr, shell }) => {
  let raw = false;
  let delimiter = '\n';
  let arrayName: string | undefined;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      names.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      names.push(arg);
      continue;
    }
    for (let j = 1; j < arg.length; j++) {
      const flag = arg[j];
      if (flag === 'r' || flag === 's' || flag === 'e') {
        raw ||= flag === 'r';
        continue;
      }
      if ('pdtnNuai'.includes(flag)) {
        const value = arg.length > j + 1 ? arg.slice(j + 1) : argv[++i];
        if (value === undefined) {
          stderr.write(`${shell.errorPrefix()}read: -${flag}: option requires an argument\n${USAGE}`);
          return 2;
        }
        // -p prompts only when reading from a terminal, and kubeplay's stdin never is one.
        if (flag === 'd') delimiter = value[0] ?? '\0';
        if (flag === 'a') arrayName = value;
        break;
      }
      stderr.write(`${shell.errorPrefix()}read: -${flag}: invalid option\n${USAGE}`);
      return 2;
    }
  }
  for (const name of names) {
    if (!NAME.test(name)) {
      stderr.write(`${shell.errorPrefix()}read: \`${name}': not a valid identifier\n`);
      return 1;
    }
  }
  const { line, complete } = await readLine(stdin, delimiter);
  let text = line;
  if (!raw) text = text.replace(/\\(.)/g, '$1').replace(/\\$/, '');
  const ifs = shell.state.get('IFS') ?? ' \t\n';
  if (arrayName !== undefined) {
    // -a: every field of the line, in order, replaces the array.
    const array = shell.state.arrayOf(arrayName);
    if (array) array.items = new Map(splitFields(text, ifs).map((field, i) => [String(i), field]));
    return complete ? 0 : 1;
  }
  const targets = names.length ? names : ['REPLY'];
  if (names.length === 0) {
    shell.state.set('REPLY', text);
  } else {
    const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
    const isWhite = (c: string): boolean => white.includes(c);
    let rest = text;
    const trim = (s: string): string => {
      let a = 0;
      let b = s.length;
      while (a < b && isWhite(s[a])) a++;
      while (b > a && isWhite(s[b - 1])) b--;
      return s.slice(a, b);
    };
    rest = trim(rest);
    targets.forEach((name, k) => {
      if (k === targets.length - 1) {
        shell.state.set(name, rest);
        return;
      }
      let end = 0;
      while (end < rest.length && !ifs.includes(rest[end])) end++;
      shell.state.set(name, rest.slice(0, end));
      let next = end;
      while (next < rest.length && isWhite(rest[next])) next++;
      if (next < rest.length && ifs.includes(rest[next]) && !isWhite(rest[next])) next++;
      while (next < rest.length && isWhite(rest[next])) next++;
      rest = rest.slice(next);
    });
  }
  return complete ? 0 : 1;
};

/** A line split on IFS as word splitting does (runs of IFS white space separate once). */
function splitFields(text: string, ifs: string): string[] {
  const white = [...ifs].filter((c) => ' \t\n'.includes(c));
  const fields: string[] = [];
  let current = '';
  let pending = false;
  for (const ch of text) {
    if (white.includes(ch)) {
      if (current !== '' || pending) fields.push(current);
      current = '';
      pending = false;
    } else if (ifs.includes(ch)) {
      fields.push(current);
      current = '';
      pending = true;
    } else current += ch;
  }
  if (current !== '') fields.push(current);
  return fields;
}
