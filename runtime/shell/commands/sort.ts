import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { readAll } from '../process';
import { splitLines } from './coreutils/input';
import { has, last } from './coreutils/options';
import { localeQuote, shellQuote } from './coreutils/quote';

interface KeySpec {
  startField: number;
  startChar: number;
  endField: number; // 0: end of line
  endChar: number; // 0: end of field
  flags: string; // of b f n h r g M V d i
  skipStartBlanks: boolean;
  skipEndBlanks: boolean;
}

const GLOBAL_FLAGS = 'bdfghinrMV';

/** Parses a -k POS1[,POS2]; undefined when malformed. */
function parseKey(text: string, global: string): KeySpec | string {
  const match = /^(\d+)(?:\.(\d+))?([bdfghinrMV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinrMV]*))?$/.exec(text);
  if (!match) return `invalid number at field start: invalid count at start of ${localeQuote(text)}`;
  const [, f1, c1, o1, f2, c2, o2] = match;
  if (Number(f1) === 0) return `field number is zero: invalid field specification ${localeQuote(text)}`;
  if (c1 !== undefined && Number(c1) === 0)
    return `character offset is zero: invalid field specification ${localeQuote(text)}`;
  const own = (o1 ?? '') + (o2 ?? '');
  return {
    startField: Number(f1),
    startChar: c1 ? Number(c1) : 1,
    endField: f2 ? Number(f2) : 0,
    endChar: c2 ? Number(c2) : 0,
    flags: own || global,
    skipStartBlanks: own ? (o1 ?? '').includes('b') : global.includes('b'),
    skipEndBlanks: own ? (o2 ?? '').includes('b') : global.includes('b'),
  };
}

const isBlank = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

/** Where each field of `line` starts and ends (without -t, a field keeps its leading blanks). */
function fields(line: string, sep: string | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (sep !== undefined) {
    let start = 0;
    for (let i = line.indexOf(sep); i >= 0; i = line.indexOf(sep, start)) {
      out.push([start, i]);
      start = i + 1;
    }
    out.push([start, line.length]);
    return out;
  }
  let i = 0;
  while (i < line.length) {
    const start = i;
    while (isBlank(line[i])) i++;
    while (i < line.length && !isBlank(line[i])) i++;
    out.push([start, i]);
  }
  return out;
}

function keyText(line: string, key: KeySpec, sep: string | undefined): string {
  const f = fields(line, sep);
  if (key.startField > f.length) return '';
  let begin = f[key.startField - 1][0];
  if (key.skipStartBlanks) while (isBlank(line[begin])) begin++;
  begin = Math.min(begin + key.startChar - 1, f[key.startField - 1][1]);
  let end = line.length;
  if (key.endField > 0) {
    if (key.endField > f.length) end = line.length;
    else if (key.endChar === 0) end = f[key.endField - 1][1];
    else {
      let s = f[key.endField - 1][0];
      if (key.skipEndBlanks) while (isBlank(line[s])) s++;
      end = Math.min(s + key.endChar, f[key.endField - 1][1]);
    }
  }
  return end > begin ? line.slice(begin, end) : '';
}

const numeric = (text: string): number => {
  const m = /^\s*(-?)(\d*(?:\.\d*)?)/.exec(text);
  const n = m && m[2] !== '' && m[2] !== '.' ? Number(m[2]) : 0;
  return m?.[1] ? -n : n;
};

const human = (text: string): number => {
  const m = /^\s*(-?\d*(?:\.\d*)?)([KMGTPEZY]?)/i.exec(text);
  if (!m || m[1] === '' || m[1] === '-') return 0;
  return Number(m[1]) * 1024 ** ('KMGTPEZY'.indexOf(m[2].toUpperCase()) + 1 || 0) * (m[2] ? 1 : 1);
};

const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareKey(a: string, b: string, flags: string): number {
  if (flags.includes('b')) {
    a = a.replace(/^[ \t]+/, '');
    b = b.replace(/^[ \t]+/, '');
  }
  if (flags.includes('n')) return Math.sign(numeric(a) - numeric(b));
  if (flags.includes('h')) {
    const ua = /\d\s*([KMGTPEZY])/i.exec(a)?.[1] ?? '';
    const ub = /\d\s*([KMGTPEZY])/i.exec(b)?.[1] ?? '';
    const ra = ua ? 'KMGTPEZY'.indexOf(ua.toUpperCase()) + 1 : 0;
    const rb = ub ? 'KMGTPEZY'.indexOf(ub.toUpperCase()) + 1 : 0;
    const sa = numeric(a) < 0 ? -1 : 1;
    const sb = numeric(b) < 0 ? -1 : 1;
    if (sa !== sb) return sa - sb;
    if (ra !== rb && numeric(a) !== 0 && numeric(b) !== 0) return sa * (ra - rb);
    return Math.sign(human(a) - human(b)) || Math.sign(numeric(a) - numeric(b));
  }
  if (flags.includes('g')) return Math.sign((parseFloat(a) || 0) - (parseFloat(b) || 0));
  if (flags.includes('f')) return byCodePoint(a.toUpperCase(), b.toUpperCase());
  return byCodePoint(a, b);
}

/** GNU `sort` in the C.UTF-8 locale: lines by code point, or -n -h -k -t -r -u -f -b. */
export const sort: ShellCommand = defineUtility({
  name: 'sort',
  summary: 'sort lines of text files',
  usageStatus: 2,
  options: [
    { key: 'b', short: 'b', long: 'ignore-leading-blanks' },
    { key: 'd', short: 'd', long: 'dictionary-order' },
    { key: 'f', short: 'f', long: 'ignore-case' },
    { key: 'g', short: 'g', long: 'general-numeric-sort' },
    { key: 'h', short: 'h', long: 'human-numeric-sort' },
    { key: 'M', short: 'M', long: 'month-sort' },
    { key: 'n', short: 'n', long: 'numeric-sort' },
    { key: 'r', short: 'r', long: 'reverse' },
    { key: 'V', short: 'V', long: 'version-sort' },
    { key: 'c', short: 'c', long: 'check', arg: 'optional' },
    { key: 'k', short: 'k', long: 'key', arg: 'required' },
    { key: 'm', short: 'm', long: 'merge' },
    { key: 'o', short: 'o', long: 'output', arg: 'required' },
    { key: 's', short: 's', long: 'stable' },
    { key: 't', short: 't', long: 'field-separator', arg: 'required' },
    { key: 'u', short: 'u', long: 'unique' },
    { key: 'z', short: 'z', long: 'zero-terminated' },
    { key: 'S', short: 'S', long: 'buffer-size', arg: 'required' },
    { key: 'T', short: 'T', long: 'temporary-directory', arg: 'required' },
    { key: 'parallel', long: 'parallel', arg: 'required' },
  ],
  async run(ctx, io) {
    const global = [...GLOBAL_FLAGS].filter((f) => has(io.args, f)).join('');
    const sep = last(io.args, 't');
    if (sep !== undefined && [...sep].length !== 1) {
      io.error(sep === '' ? 'empty tab' : `multi-character tab ${localeQuote(sep)}`);
      return 2;
    }
    const keys: KeySpec[] = [];
    for (const o of io.args.options) {
      if (o.key !== 'k') continue;
      const key = parseKey(o.value as string, global);
      if (typeof key === 'string') {
        io.error(key);
        return 2;
      }
      keys.push(key);
    }
    const zero = has(io.args, 'z');
    let text = '';
    for (const name of io.args.operands.length ? io.args.operands : ['-']) {
      let part: string;
      try {
        part = name === '-' ? await readAll(ctx.stdin) : ctx.fs.readFile(io.resolve(name));
      } catch (error) {
        io.fsError(`cannot read: ${shellQuote(name)}`, error);
        return 2;
      }
      text += part;
    }
    const eol = zero ? '\0' : '\n';
    const lines = splitLines(text, eol).map((l) => (l.endsWith(eol) ? l.slice(0, -1) : l));
    const reverse = global.includes('r');
    const unique = has(io.args, 'u');
    const stable = has(io.args, 's') || unique;
    const compareKeys = (a: string, b: string): number => {
      if (keys.length === 0) {
        const c = compareKey(a, b, global);
        return reverse ? -c : c;
      }
      for (const key of keys) {
        const c = compareKey(keyText(a, key, sep), keyText(b, key, sep), key.flags);
        if (c !== 0) return key.flags.includes('r') ? -c : c;
      }
      return 0;
    };
    const compare = (a: string, b: string): number => {
      const c = compareKeys(a, b);
      if (c !== 0 || stable) return c;
      return reverse ? -byCodePoint(a, b) : byCodePoint(a, b);
    };
    const sorted = lines.map((line, i) => ({ line, i })).sort((x, y) => compare(x.line, y.line) || x.i - y.i);
    const out: string[] = [];
    for (const { line } of sorted) {
      if (unique && out.length > 0 && compareKeys(out[out.length - 1], line) === 0) continue;
      out.push(line);
    }
    const result = out.map((l) => l + eol).join('');
    const output = last(io.args, 'o');
    if (output !== undefined) {
      try {
        ctx.fs.writeTo(io.resolve(output), result);
      } catch (error) {
        io.fsError(`open failed: ${output}`, error);
        return 2;
      }
      return 0;
    }
    await io.out(result);
    return 0;
  },
});
