import type { CommandContext, ShellCommand } from '../command';
import { errorText } from '../fs/errors';
import { readAll } from '../process';
import { defineUtility, type Io } from './coreutils/define';
import { splitLines } from './coreutils/input';
import { has, last } from './coreutils/options';
import { escapeRegExp, PatternError, posixToJs } from './coreutils/regex';

/** GNU grep's default GREP_COLORS (ms=01;31, fn=35, ln=32, se=36). */
const paint = (sgr: string, text: string): string => `\x1b[${sgr}m\x1b[K${text}\x1b[m\x1b[K`;

interface Options {
  regex: RegExp;
  invert: boolean;
  count: boolean;
  only: boolean;
  quiet: boolean;
  filesWith: boolean;
  filesWithout: boolean;
  lineNumbers: boolean;
  withName: boolean;
  max: number;
  before: number;
  after: number;
  color: boolean;
  noMessages: boolean;
  /** The line terminator: newline, or NUL with -z. */
  eol: string;
}

/** What one input produced: output text and whether a line was selected. */
function search(text: string, name: string, o: Options): { out: string; matched: boolean } {
  const lines = splitLines(text, o.eol).map((l) => (l.endsWith(o.eol) ? l.slice(0, -1) : l));
  const sep = (s: string): string => (o.color ? paint('36', s) : s);
  const prefix = (n: number, s: string): string =>
    (o.withName ? (o.color ? paint('35', name) : name) + sep(s) : '') +
    (o.lineNumbers ? (o.color ? paint('32', String(n)) : String(n)) + sep(s) : '');
  let out = '';
  let selected = 0;
  let lastPrinted = -1;
  let afterLeft = 0;
  const context = o.before > 0 || o.after > 0;
  for (let i = 0; i < lines.length; i++) {
    if (selected >= o.max) {
      if (afterLeft > 0 && !o.count && !o.only) {
        // GNU prints trailing context after the last match even with -m.
        const line = lines[i];
        o.regex.lastIndex = 0;
        if (o.regex.test(line) !== o.invert) break;
        out += `${prefix(i + 1, '-')}${line}${o.eol}`;
        lastPrinted = i;
        afterLeft--;
        continue;
      }
      break;
    }
    const line = lines[i];
    o.regex.lastIndex = 0;
    const hit = o.regex.test(line) !== o.invert;
    if (!hit) {
      if (afterLeft > 0 && !o.count && !o.only && !o.filesWith && !o.filesWithout) {
        out += `${prefix(i + 1, '-')}${line}${o.eol}`;
        lastPrinted = i;
        afterLeft--;
      }
      continue;
    }
    selected++;
    if (o.quiet || o.filesWith || o.filesWithout) {
      if (o.quiet || o.filesWith) break;
      continue;
    }
    if (o.count) continue;
    if (context) {
      const from = Math.max(lastPrinted + 1, i - o.before);
      if (lastPrinted >= 0 && from > lastPrinted + 1) out += `${sep('--')}\n`;
      for (let j = from; j < i; j++) out += `${prefix(j + 1, '-')}${lines[j]}${o.eol}`;
      afterLeft = o.after;
    }
    lastPrinted = i;
    if (o.only) {
      if (o.invert) continue;
      o.regex.lastIndex = 0;
      for (const m of line.matchAll(o.regex)) {
        if (m[0] === '') continue;
        out += `${prefix(i + 1, ':')}${o.color ? paint('01;31', m[0]) : m[0]}${o.eol}`;
      }
    } else if (o.color && !o.invert) {
      o.regex.lastIndex = 0;
      const shown = line.replace(o.regex, (m) => (m === '' ? m : paint('01;31', m)));
      out += `${prefix(i + 1, ':')}${shown}${o.eol}`;
    } else out += `${prefix(i + 1, ':')}${line}${o.eol}`;
  }
  const label = o.color ? paint('35', name) : name;
  if (o.count) out = `${o.withName ? label + (o.color ? paint('36', ':') : ':') : ''}${selected}\n`;
  if (o.filesWith) out = selected > 0 ? `${label}\n` : '';
  if (o.filesWithout) out = selected === 0 ? `${label}\n` : '';
  if (o.quiet) out = '';
  return { out, matched: o.filesWithout ? selected === 0 : selected > 0 };
}

/** Every file under `dir` (sorted, depth first), as paths spelled from `shown`. */
function walk(
  ctx: CommandContext,
  io: Io,
  dir: string,
  shown: string,
  into: Array<{ path: string; name: string }>,
): void {
  for (const entry of ctx.fs.list(io.resolve(dir))) {
    const path = `${dir}/${entry.name}`;
    const name = shown === '' ? entry.name : `${shown.replace(/\/$/, '')}/${entry.name}`;
    if (entry.kind === 'directory') walk(ctx, io, path, name, into);
    else if (entry.kind === 'file') into.push({ path, name });
  }
}

/** GNU grep 3.8: lines matching PATTERNS (BRE, -E, -F) with its output forms and exit statuses. */
export const grep: ShellCommand = defineUtility({
  name: 'grep',
  summary: 'print lines that match patterns',
  usageStatus: 2,
  options: [
    { key: 'E', short: 'E', long: 'extended-regexp' },
    { key: 'F', short: 'F', long: 'fixed-strings' },
    { key: 'G', short: 'G', long: 'basic-regexp' },
    { key: 'e', short: 'e', long: 'regexp', arg: 'required' },
    { key: 'f', short: 'f', long: 'file', arg: 'required' },
    { key: 'i', short: 'i', long: 'ignore-case' },
    { key: 'i', short: 'y' },
    { key: 'noi', long: 'no-ignore-case' },
    { key: 'w', short: 'w', long: 'word-regexp' },
    { key: 'x', short: 'x', long: 'line-regexp' },
    { key: 's', short: 's', long: 'no-messages' },
    { key: 'v', short: 'v', long: 'invert-match' },
    { key: 'm', short: 'm', long: 'max-count', arg: 'required' },
    { key: 'n', short: 'n', long: 'line-number' },
    { key: 'H', short: 'H', long: 'with-filename' },
    { key: 'h', short: 'h', long: 'no-filename' },
    { key: 'label', long: 'label', arg: 'required' },
    { key: 'o', short: 'o', long: 'only-matching' },
    { key: 'q', short: 'q', long: 'quiet' },
    { key: 'q', long: 'silent' },
    { key: 'r', short: 'r', long: 'recursive' },
    { key: 'r', short: 'R', long: 'dereference-recursive' },
    { key: 'L', short: 'L', long: 'files-without-match' },
    { key: 'l', short: 'l', long: 'files-with-matches' },
    { key: 'c', short: 'c', long: 'count' },
    { key: 'A', short: 'A', long: 'after-context', arg: 'required' },
    { key: 'B', short: 'B', long: 'before-context', arg: 'required' },
    { key: 'C', short: 'C', long: 'context', arg: 'required' },
    { key: 'color', long: 'color', arg: 'optional' },
    { key: 'color', long: 'colour', arg: 'optional' },
    { key: 'a', short: 'a', long: 'text' },
    { key: 'I', short: 'I' },
    { key: 'z', short: 'z', long: 'null-data' },
  ],
  async run(ctx, io) {
    const args = io.args;
    const patterns: string[] = [];
    for (const o of args.options) {
      if (o.key === 'e') patterns.push(...(o.value as string).split('\n'));
      if (o.key === 'f') {
        try {
          const text = ctx.fs.readFile(io.resolve(o.value as string));
          patterns.push(...splitLines(text).map((l) => l.replace(/\n$/, '')));
        } catch (error) {
          io.error(`${o.value}: ${errorText(error)}`);
          return 2;
        }
      }
    }
    const operands = [...args.operands];
    if (!has(args, 'e') && !has(args, 'f')) {
      if (operands.length === 0) {
        ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
        return 2;
      }
      patterns.push(...(operands.shift() as string).split('\n'));
    }
    const number = (key: string): number | undefined => {
      const v = last(args, key);
      if (v === undefined) return undefined;
      if (!/^\d+$/.test(v)) {
        io.error(`${v}: invalid ${key === 'm' ? 'max count' : 'context length argument'}`);
        return NaN;
      }
      return Number(v);
    };
    const max = number('m');
    const contextAll = number('C');
    const after = number('A') ?? contextAll ?? 0;
    const before = number('B') ?? contextAll ?? 0;
    if ([max, after, before].some((n) => Number.isNaN(n))) return 2;
    const colorWhen = args.options.filter((o) => o.key === 'color').pop();
    const colorValue = colorWhen ? (colorWhen.value ?? 'auto') : 'never';
    if (!['always', 'yes', 'force', 'never', 'no', 'none', 'auto', 'tty', 'if-tty'].includes(colorValue)) {
      ctx.stderr.write(
        `grep: invalid argument ‘${colorValue}’ for ‘--color’\nValid arguments are:\n  - ‘always’, ‘yes’, ‘force’\n  - ‘never’, ‘no’, ‘none’\n  - ‘auto’, ‘tty’, ‘if-tty’\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`,
      );
      return 2;
    }
    const color =
      ['always', 'yes', 'force'].includes(colorValue) ||
      (['auto', 'tty', 'if-tty'].includes(colorValue) && ctx.tty !== undefined);
    const mode = args.options.filter((o) => ['E', 'F', 'G'].includes(o.key)).pop()?.key ?? 'G';
    let source: string;
    try {
      const parts = patterns.map((p) => (mode === 'F' ? escapeRegExp(p) : posixToJs(p, mode === 'E')));
      source = parts
        .map((p) => (has(args, 'x') ? `^(?:${p})$` : has(args, 'w') ? `(?<!\\w)(?:${p})(?!\\w)` : p))
        .join('|');
    } catch (error) {
      if (error instanceof PatternError) {
        io.error(error.message);
        return 2;
      }
      throw error;
    }
    const ignoreCase = args.options.filter((o) => o.key === 'i' || o.key === 'noi').pop()?.key === 'i';
    let regex: RegExp;
    try {
      regex = new RegExp(source, `g${ignoreCase ? 'i' : ''}u`);
    } catch {
      try {
        regex = new RegExp(source, `g${ignoreCase ? 'i' : ''}`);
      } catch {
        io.error('Invalid regular expression');
        return 2;
      }
    }
    const recursive = has(args, 'r');
    if (operands.length === 0) operands.push(recursive ? '' : '-');
    const inputs: Array<{ path: string; name: string; error?: unknown }> = [];
    for (const op of operands) {
      if (op === '-') inputs.push({ path: '-', name: last(args, 'label') ?? '(standard input)' });
      else if (recursive && ctx.fs.isDirectory(io.resolve(op || '.'))) walk(ctx, io, op || '.', op, inputs);
      else inputs.push({ path: op, name: op });
    }
    const withNameFlag = args.options.filter((o) => o.key === 'H' || o.key === 'h').pop()?.key;
    const withName = withNameFlag
      ? withNameFlag === 'H'
      : inputs.length > 1 ||
        (recursive && !(operands.length === 1 && !ctx.fs.isDirectory(io.resolve(operands[0] || '.'))));
    const o: Options = {
      regex,
      invert: has(args, 'v'),
      count: has(args, 'c'),
      only: has(args, 'o'),
      quiet: has(args, 'q'),
      filesWith: has(args, 'l'),
      filesWithout: has(args, 'L'),
      lineNumbers: has(args, 'n'),
      withName,
      max: max ?? Infinity,
      before,
      after,
      color,
      noMessages: has(args, 's'),
      eol: has(args, 'z') ? '\0' : '\n',
    };
    let matched = false;
    let failed = false;
    for (const input of inputs) {
      let text: string;
      if (input.path === '-') text = await readAll(ctx.stdin);
      else {
        try {
          text = ctx.fs.readFile(io.resolve(input.path));
        } catch (error) {
          if (!o.noMessages) io.error(`${input.name}: ${errorText(error)}`);
          failed = true;
          continue;
        }
      }
      const result = search(text, input.name, o);
      if (result.matched) {
        matched = true;
        if (o.quiet) return 0;
      }
      await io.out(result.out);
    }
    return failed && !(o.quiet && matched) ? 2 : matched ? 0 : 1;
  },
});
