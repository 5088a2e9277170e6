import type { ShellCommand } from '../command';
import type { Stat } from '../fs/inode';
import { defineUtility } from './coreutils/define';
import { humanSize, lsDate, modeString, userName } from './coreutils/format';
import { has, last } from './coreutils/options';
import { localeQuote, shellQuote } from './coreutils/quote';
import { textWidth } from '../char-width';

interface Entry {
  name: string;
  path: string;
  st: Stat;
  /** lstat, for symlinks shown as links. */
  link?: string;
}

const byName = (a: Entry, b: Entry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** 1K blocks an entry occupies on an ext4 filesystem (4K blocks). */
const blocks = (st: Stat): number => (st.kind === 'symlink' ? 0 : Math.ceil(st.size / 4096) * 4);

/** GNU ls's padding from column `from` to `to`: tabs (every 8 columns) where they fit, then spaces. */
function indent(from: number, to: number): string {
  let out = '';
  while (from < to) {
    if (Math.floor(to / 8) > Math.floor((from + 1) / 8)) {
      out += '\t';
      from += 8 - (from % 8);
    } else {
      out += ' ';
      from++;
    }
  }
  return out;
}

/**
 * Lays names out in columns as GNU ls -C (down then across) or -x (across): the most columns
 * whose widths (each name + 2, the last without) stay under `width`.
 */
export function columns(names: string[], width: number, across: boolean): string {
  const n = names.length;
  if (n === 0) return '';
  const widths = names.map(textWidth);
  let best = { cols: 1, colWidths: [Math.max(...widths)] };
  for (let cols = Math.min(n, Math.max(1, Math.floor(width / 3))); cols > 1; cols--) {
    const rows = Math.ceil(n / cols);
    if (!across && Math.ceil(n / rows) !== cols) continue;
    const colWidths = new Array<number>(cols).fill(0);
    names.forEach((_, i) => {
      const c = across ? i % cols : Math.floor(i / rows);
      colWidths[c] = Math.max(colWidths[c], widths[i] + (c === cols - 1 ? 0 : 2));
    });
    if (colWidths.reduce((a, b) => a + b, 0) < width) {
      best = { cols, colWidths };
      break;
    }
  }
  const cols = best.cols;
  const rows = Math.ceil(n / cols);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let pos = 0;
    for (let c = 0; c < cols; c++) {
      const i = across ? r * cols + c : c * rows + r;
      if (i >= n) break;
      const next = across ? i + 1 : i + rows;
      const isLast = c === cols - 1 || next >= n;
      out += names[i];
      if (!isLast) {
        out += indent(pos + widths[i], pos + best.colWidths[c]);
        pos += best.colWidths[c];
      }
    }
    out += '\n';
  }
  return out;
}

/** GNU `ls`: lists directories and files; -l long format, -a, -h, -R, -t, -S, -r, -d, -1, -C. */
export const ls: ShellCommand = defineUtility({
  name: 'ls',
  summary: 'list directory contents',
  usageStatus: 2,
  options: [
    { key: 'a', short: 'a', long: 'all' },
    { key: 'A', short: 'A', long: 'almost-all' },
    { key: 'd', short: 'd', long: 'directory' },
    { key: 'F', short: 'F', long: 'classify', arg: 'optional' },
    { key: 'p', short: 'p', long: 'indicator-style=slash' },
    { key: 'h', short: 'h', long: 'human-readable' },
    { key: 'l', short: 'l' },
    { key: 'n', short: 'n', long: 'numeric-uid-gid' },
    { key: 'g', short: 'g' },
    { key: 'o', short: 'o' },
    { key: 'G', short: 'G', long: 'no-group' },
    { key: 'r', short: 'r', long: 'reverse' },
    { key: 'R', short: 'R', long: 'recursive' },
    { key: 'S', short: 'S' },
    { key: 't', short: 't' },
    { key: 'U', short: 'U' },
    { key: '1', short: '1' },
    { key: 'C', short: 'C' },
    { key: 'x', short: 'x' },
    { key: 'color', long: 'color', arg: 'optional' },
    { key: 'width', short: 'w', long: 'width', arg: 'required' },
    { key: 'format', long: 'format', arg: 'required' },
  ],
  async run(ctx, io) {
    const formats: Record<string, string> = {
      long: 'l',
      verbose: 'l',
      'single-column': '1',
      vertical: 'C',
      across: 'x',
      horizontal: 'x',
      commas: 'C',
    };
    for (const o of io.args.options) {
      if (o.key !== 'format') continue;
      const match = Object.keys(formats).filter((k) => k.startsWith(o.value as string));
      if (match.length !== 1 && !((o.value as string) in formats))
        return io.usage(
          `invalid argument ${localeQuote(o.value as string)} for '--format'\nValid arguments are:\n  - 'verbose', 'long'\n  - 'commas'\n  - 'horizontal', 'across'\n  - 'vertical'\n  - 'single-column'`,
        );
      o.key = formats[(o.value as string) in formats ? (o.value as string) : match[0]];
    }
    const f = (k: string): boolean => has(io.args, k);
    const long = f('l') || f('n') || f('g') || f('o');
    const showAll = f('a');
    const almostAll = f('A') && !showAll;
    const layoutFlag = io.args.options.filter((o) => ['1', 'C', 'x', 'l', 'n', 'g', 'o'].includes(o.key)).pop()?.key;
    const widthArg = last(io.args, 'width');
    let width = ctx.tty?.cols ?? (Number(ctx.env.COLUMNS) || 80);
    if (widthArg !== undefined) {
      if (!/^\d+$/.test(widthArg)) {
        io.error(`invalid line width: ${localeQuote(widthArg)}`);
        return 2;
      }
      width = Number(widthArg) || Infinity;
    }
    const layout = long
      ? 'long'
      : layoutFlag === 'C' || layoutFlag === 'x'
        ? layoutFlag
        : layoutFlag === '1'
          ? '1'
          : ctx.tty
            ? 'C'
            : '1';
    const quoteNames = ctx.tty !== undefined;
    const now = ctx.shell.clock.now();
    const sortBy = f('U') ? 'none' : f('S') ? 'size' : f('t') ? 'time' : 'name';
    const order = (entries: Entry[]): Entry[] => {
      if (sortBy === 'none') return entries;
      const sorted = [...entries].sort((a, b) => {
        if (sortBy === 'size') return b.st.size - a.st.size || byName(a, b);
        if (sortBy === 'time') return b.st.mtime - a.st.mtime || byName(a, b);
        return byName(a, b);
      });
      return f('r') ? sorted.reverse() : sorted;
    };
    const indicator = (e: Entry): string => {
      if (!f('F') && !f('p')) return '';
      if (e.st.kind === 'directory') return '/';
      if (!f('F')) return '';
      if (e.st.kind === 'symlink') return '@';
      return e.st.mode & 0o111 ? '*' : '';
    };
    const shownName = (e: Entry): string => (quoteNames ? shellQuote(e.name) : e.name);
    const render = (entries: Entry[]): string => {
      if (layout !== 'long') {
        const names = entries.map((e) => shownName(e) + indicator(e));
        if (layout === '1') return names.map((n) => `${n}\n`).join('');
        return columns(names, width, layout === 'x');
      }
      const rows = entries.map((e) => {
        const owner = f('n') ? String(e.st.uid) : userName(e.st.uid);
        const group = f('n') ? String(e.st.gid) : userName(e.st.gid);
        const size = f('h') ? humanSize(e.st.size) : String(e.st.size);
        let name = shownName(e);
        if (e.link !== undefined) name += ` -> ${quoteNames ? shellQuote(e.link) : e.link}`;
        else name += indicator(e);
        return {
          mode: modeString(e.st),
          nlink: String(e.st.nlink),
          owner,
          group,
          size,
          date: lsDate(e.st.mtime, now),
          name,
        };
      });
      const w = (k: 'nlink' | 'owner' | 'group' | 'size'): number => Math.max(0, ...rows.map((r) => r[k].length));
      return rows
        .map((r) => {
          const cols = [r.mode, r.nlink.padStart(w('nlink'))];
          if (!f('g')) cols.push(r.owner.padEnd(w('owner')));
          if (!f('o') && !f('G')) cols.push(r.group.padEnd(w('group')));
          cols.push(r.size.padStart(w('size')), r.date, r.name);
          return `${cols.join(' ')}\n`;
        })
        .join('');
    };
    const entryOf = (path: string, name: string, follow: boolean): Entry => {
      const lst = ctx.fs.lstat(path);
      if (lst.kind === 'symlink' && !follow) return { name, path, st: lst, link: ctx.fs.readlink(path) };
      let st = lst;
      try {
        st = ctx.fs.stat(path);
      } catch {
        // A dangling link is listed as the link.
      }
      return { name, path, st };
    };
    const listDir = (dir: Entry): Entry[] => {
      const entries: Entry[] = [];
      if (showAll) {
        entries.push({ name: '.', path: dir.path, st: ctx.fs.stat(dir.path) });
        const parent = `${dir.path}/..`;
        entries.push({ name: '..', path: parent, st: ctx.fs.stat(parent) });
      }
      for (const child of ctx.fs.list(dir.path)) {
        if (child.name.startsWith('.') && !showAll && !almostAll) continue;
        entries.push(entryOf(`${dir.path === '/' ? '' : dir.path}/${child.name}`, child.name, false));
      }
      return order(entries);
    };
    let status = 0;
    const operands = io.args.operands.length ? io.args.operands : ['.'];
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const op of operands) {
      try {
        const e = entryOf(io.resolve(op), op, !long || op.endsWith('/'));
        if (e.link === undefined && e.st.kind === 'directory' && !f('d')) dirs.push(e);
        else files.push(e);
      } catch (error) {
        io.fsError(`cannot access ${shellQuote(op, true)}`, error);
        status = 2;
      }
    }
    let out = render(order(files));
    const headers = operands.length > 1 || f('R');
    let first = files.length === 0;
    const visit = (dir: Entry, label: string): void => {
      let entries: Entry[];
      try {
        entries = listDir(dir);
      } catch (error) {
        io.fsError(`cannot open directory ${shellQuote(label, true)}`, error);
        status = 2;
        return;
      }
      if (headers) out += `${first ? '' : '\n'}${quoteNames ? shellQuote(label) : label}:\n`;
      first = false;
      if (long)
        out += `total ${f('h') ? humanSize(entries.reduce((s, e) => s + blocks(e.st), 0) * 1024) : entries.reduce((s, e) => s + blocks(e.st), 0)}\n`;
      out += render(entries);
      if (f('R'))
        for (const e of entries)
          if (e.st.kind === 'directory' && e.link === undefined && e.name !== '.' && e.name !== '..')
            visit(e, `${label === '/' ? '' : label.replace(/\/$/, '')}/${e.name}`);
    };
    for (const dir of order(dirs)) visit(dir, dir.name);
    await io.out(out);
    return status;
  },
});
