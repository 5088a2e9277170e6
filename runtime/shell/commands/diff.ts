import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { formatDate } from './coreutils/dates';
import { splitLines } from './coreutils/input';
import { has, last } from './coreutils/options';
import { readAll } from '../process';

/** One step of an edit script: a line kept, deleted from a or added from b. */
export type Op = { kind: '=' | '-' | '+'; a: number; b: number };

/** The shortest edit script from `a` to `b` (LCS by dynamic programming; small files). */
export function editScript(a: string[], b: string[]): Op[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      table[i][j] =
        a[start + i] === b[start + j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  const ops: Op[] = [];
  for (let k = 0; k < start; k++) ops.push({ kind: '=', a: k, b: k });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      ops.push({ kind: '=', a: start + i++, b: start + j++ });
    } else if (j < m && (i === n || table[i][j + 1] > table[i + 1][j]))
      ops.push({ kind: '+', a: start + i, b: start + j++ });
    else ops.push({ kind: '-', a: start + i++, b: start + j });
  }
  for (let k = 0; k < a.length - endA; k++) ops.push({ kind: '=', a: endA + k, b: endB + k });
  return ops;
}

/** A line as diff shows it, with the marker for a missing final newline. */
const show = (prefix: string, line: string): string =>
  line.endsWith('\n') ? `${prefix}${line}` : `${prefix}${line}\n\\ No newline at end of file\n`;

const range = (first: number, count: number): string => (count === 1 ? `${first}` : `${first},${first + count - 1}`);

function normal(a: string[], b: string[], ops: Op[]): string {
  let out = '';
  for (let i = 0; i < ops.length;) {
    if (ops[i].kind === '=') {
      i++;
      continue;
    }
    const del: Op[] = [];
    const ins: Op[] = [];
    const first = ops[i];
    while (i < ops.length && ops[i].kind !== '=') (ops[i].kind === '-' ? del : ins).push(ops[i++]);
    if (ins.length === 0) out += `${range(first.a + 1, del.length)}d${first.b}\n`;
    else if (del.length === 0) out += `${first.a}a${range(first.b + 1, ins.length)}\n`;
    else out += `${range(first.a + 1, del.length)}c${range(first.b + 1, ins.length)}\n`;
    for (const d of del) out += show('< ', a[d.a]);
    if (del.length && ins.length) out += '---\n';
    for (const n of ins) out += show('> ', b[n.b]);
  }
  return out;
}

/** The hunks of a unified diff (`@@ -a,n +b,m @@` and their lines) with `context` lines around changes. */
export function unified(a: string[], b: string[], ops: Op[], context: number): string {
  let out = '';
  const changes = ops.map((o, i) => (o.kind === '=' ? -1 : i)).filter((i) => i >= 0);
  let h = 0;
  while (h < changes.length) {
    const from = Math.max(0, changes[h] - context);
    let to = changes[h];
    while (h < changes.length && changes[h] - to - 1 <= 2 * context) to = changes[h++];
    to = Math.min(ops.length - 1, to + context);
    const hunk = ops.slice(from, to + 1);
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    const aStart = hunk[0].a + (aCount === 0 ? 0 : 1);
    const bStart = hunk[0].b + (bCount === 0 ? 0 : 1);
    const r = (s: number, c: number): string => (c === 1 ? `${s}` : `${s},${c}`);
    out += `@@ -${r(aStart, aCount)} +${r(bStart, bCount)} @@\n`;
    for (const o of hunk) out += o.kind === '+' ? show('+', b[o.b]) : show(o.kind === '-' ? '-' : ' ', a[o.a]);
  }
  return out;
}

/** GNU `diff` (diffutils 3.8) for two files: normal format, -u/-U N unified, -q brief, -s. */
export const diff: ShellCommand = defineUtility({
  name: 'diff',
  summary: 'compare files line by line',
  usageStatus: 2,
  prefixTry: true,
  options: [
    { key: 'q', short: 'q', long: 'brief' },
    { key: 's', short: 's', long: 'report-identical-files' },
    { key: 'u', short: 'u' },
    { key: 'U', short: 'U', long: 'unified', arg: 'required' },
    { key: 'N', short: 'N', long: 'new-file' },
    { key: 'label', long: 'label', arg: 'required' },
  ],
  async run(ctx, io) {
    const ops = io.args.operands;
    const usage = io.usage;
    if (ops.length < 2) return usage(`missing operand after '${ops[ops.length - 1] ?? 'diff'}'`);
    if (ops.length > 2) return usage(`extra operand '${ops[2]}'`);
    const contextText = last(io.args, 'U');
    if (contextText !== undefined && !/^\d+$/.test(contextText)) {
      return usage(`invalid context length '${contextText}'`);
    }
    const texts: string[] = [];
    const mtimes: number[] = [];
    for (const name of ops) {
      try {
        if (name === '-') {
          texts.push(await readAll(ctx.stdin));
          mtimes.push(ctx.shell.clock.now());
        } else {
          const path = io.resolve(name);
          texts.push(ctx.fs.readFile(path));
          mtimes.push(ctx.fs.stat(path).mtime);
        }
      } catch (error) {
        io.fsError(name, error);
        return 2;
      }
    }
    const [a, b] = texts.map((t) => splitLines(t));
    if (texts[0] === texts[1]) {
      if (has(io.args, 's')) await io.out(`Files ${ops[0]} and ${ops[1]} are identical\n`);
      return 0;
    }
    if (has(io.args, 'q')) {
      await io.out(`Files ${ops[0]} and ${ops[1]} differ\n`);
      return 1;
    }
    const script = editScript(a, b);
    if (has(io.args, 'u') || contextText !== undefined) {
      const stamp = (ms: number): string =>
        `${formatDate('%Y-%m-%d %H:%M:%S', ms)}.${String(ms % 1000).padStart(3, '0')}000000 +0000`;
      const labels = io.args.options.filter((o) => o.key === 'label').map((o) => o.value as string);
      const header = (i: number): string => labels[i] ?? `${ops[i]}\t${stamp(mtimes[i])}`;
      await io.out(
        `--- ${header(0)}\n+++ ${header(1)}\n${unified(a, b, script, contextText === undefined ? 3 : Number(contextText))}`,
      );
    } else await io.out(normal(a, b, script));
    return 1;
  },
});
