// busybox ls: one name a line when stdout is not a terminal, columns (down, then across; each
// as wide as the longest name + 2, the terminal's width less one) and colours when it is; -l as
// `drwxr-xr-x    2 root     root          4096 Nov 29 07:21 name`; directories after files, each
// under `NAME:` when several are named; names sorted bytewise.
import type { Stat } from '../../shell/fs/inode';
import { humanSize, lsDate, modeString } from '../../shell/commands/coreutils/format';
import { has, last, type ParsedArgs } from '../../shell/commands/coreutils/options';
import { normalizePath } from '../../shell/fs/volume';
import { errorText } from '../../shell/fs/errors';
import type { ProcessContext } from '../types';
import { complain, defineApplet, flags } from './applet';
import { accountNames } from './accounts';

interface Entry {
  name: string;
  path: string;
  st: Stat;
}

/** The escape ls colours a name with (COLOR and ATTR of ls.c): bold blue directories, … */
function colour(st: Stat): string {
  if (st.kind === 'directory') return '\x1b[1;34m';
  if (st.kind === 'symlink') return '\x1b[1;36m';
  if (st.mode & 0o111) return '\x1b[1;32m';
  return '\x1b[0;0m';
}

/** `/` after directories (-p, -F), `*` after executables and `@` after links (-F). */
function suffix(args: ParsedArgs, st: Stat): string {
  if (!has(args, 'F') && !has(args, 'p')) return '';
  if (st.kind === 'directory') return '/';
  if (!has(args, 'F')) return '';
  if (st.kind === 'symlink') return '@';
  return st.mode & 0o111 ? '*' : '';
}

class Lister {
  private readonly names: ReturnType<typeof accountNames>;
  private readonly long: boolean;
  private readonly colours: boolean;
  status = 0;

  constructor(
    private readonly ctx: ProcessContext,
    private readonly args: ParsedArgs,
  ) {
    this.names = accountNames(ctx.fs);
    this.long = has(args, 'l') || has(args, 'n') || has(args, 'full-time');
    const color = last(args, 'color');
    this.colours = ctx.tty && color !== 'never' && color !== 'no' && color !== 'none';
  }

  private stat(path: string, follow: boolean): Stat {
    return follow ? this.ctx.fs.stat(path) : this.ctx.fs.lstat(path);
  }

  /** One entry as display_single prints it (without the newline). */
  private single(entry: Entry): string {
    const { st } = entry;
    let line = '';
    if (this.long) {
      const owner = has(this.args, 'n')
        ? `${String(st.uid).padEnd(8)} ${String(st.gid).padEnd(8)}`
        : `${this.names.user(st.uid).slice(0, 8).padEnd(8)} ${this.names.group(st.gid).slice(0, 8).padEnd(8)}`;
      const size = has(this.args, 'h') ? humanSize(st.size).padStart(7) : String(st.size).padStart(9);
      line += `${modeString(st).padEnd(10)} ${String(st.nlink).padStart(4)} ${owner} ${size} ${lsDate(st.mtime, this.ctx.clock.now())} `;
    }
    line += this.colours ? `${colour(st)}${entry.name}\x1b[m` : entry.name;
    if (this.long && st.kind === 'symlink') line += ` -> ${this.ctx.fs.readlink(entry.path)}`;
    return line + suffix(this.args, st);
  }

  private sorted(entries: Entry[]): Entry[] {
    const sorted = [...entries];
    if (has(this.args, 'S')) sorted.sort((a, b) => b.st.size - a.st.size || byName(a, b));
    else if (has(this.args, 't')) sorted.sort((a, b) => b.st.mtime - a.st.mtime || byName(a, b));
    else sorted.sort(byName);
    if (has(this.args, 'r')) sorted.reverse();
    if (has(this.args, 'group-directories-first'))
      sorted.sort((a, b) => Number(b.st.kind === 'directory') - Number(a.st.kind === 'directory'));
    return sorted;
  }

  /** display_files: one a line, or columns on a terminal (-C, -x). */
  display(entries: Entry[]): string {
    const cells = this.sorted(entries);
    const oneColumn =
      this.long || has(this.args, '1') || (!this.ctx.tty && !has(this.args, 'C') && !has(this.args, 'x'));
    if (oneColumn) return cells.map((e) => `${this.single(e)}\n`).join('');
    const width = Number(last(this.args, 'w') ?? 80) - 1;
    const columnWidth = Math.max(...cells.map((e) => e.name.length + suffix(this.args, e.st).length), 0) + 2;
    const cols = Math.max(1, Math.floor(width / columnWidth));
    const rows = Math.ceil(cells.length / cols);
    let out = '';
    for (let row = 0; row < rows; row++) {
      let column = 0;
      let nextTab = 0;
      for (let c = 0; c < cols; c++) {
        const i = has(this.args, 'x') ? row * cols + c : c * rows + row;
        if (i >= cells.length) continue;
        if (column > 0) {
          out += ' '.repeat(nextTab - column);
          column = nextTab;
        }
        nextTab = column + columnWidth;
        out += this.single(cells[i]);
        column += cells[i].name.length + suffix(this.args, cells[i].st).length;
      }
      out += '\n';
    }
    return out;
  }

  /** The entries of directory `path` (-a: with . and ..; -A: all but them). */
  entriesOf(path: string): Entry[] {
    const all = has(this.args, 'a');
    const names = this.ctx.fs
      .list(path)
      .map((e) => e.name)
      .filter((name) => all || has(this.args, 'A') || !name.startsWith('.'));
    if (all) names.push('.', '..');
    return names.map((name) => {
      const child = normalizePath(name, path);
      return { name, path: child, st: this.stat(child, false) };
    });
  }

  /** A directory's listing: `total` with -l, then its entries; -R recurses. */
  directory(path: string, label: string | undefined): string {
    let out = label === undefined ? '' : `${label}:\n`;
    const entries = this.entriesOf(path);
    if (this.long) {
      const blocks = entries.reduce(
        (sum, e) => sum + (e.st.kind === 'file' ? Math.ceil(e.st.size / 4096) * 4 : e.st.kind === 'directory' ? 4 : 0),
        0,
      );
      out += has(this.args, 'h') ? `total ${humanSize(blocks * 1024).padEnd(7)}\n` : `total ${blocks}\n`;
    }
    out += this.display(entries);
    if (has(this.args, 'R'))
      for (const e of this.sorted(entries))
        if (e.st.kind === 'directory' && e.name !== '.' && e.name !== '..')
          out += `\n${this.directory(e.path, `${label ?? '.'}/${e.name}`.replace(/^\.\/\//, '/'))}`;
    return out;
  }
}

const byName = (a: Entry, b: Entry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export const ls = defineApplet({
  name: 'ls',
  options: [
    ...flags('1AaCxdLHRFplinshrSXvctuw:'),
    { key: 'full-time', long: 'full-time' },
    { key: 'group-directories-first', long: 'group-directories-first' },
    { key: 'color', long: 'color', arg: 'optional' },
  ],
  async run(ctx, args) {
    const lister = new Lister(ctx, args);
    const operands = args.operands.length > 0 ? args.operands : ['.'];
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    const follow = !has(args, 'l') && !has(args, 'F');
    for (const operand of operands) {
      const path = normalizePath(operand, ctx.cwd);
      try {
        const st = follow ? ctx.fs.stat(path) : ctx.fs.lstat(path);
        (st.kind === 'directory' && !has(args, 'd') ? dirs : files).push({ name: operand, path, st });
      } catch (error) {
        complain(ctx, `${operand}: ${errorText(error)}`);
        lister.status = 1;
      }
    }
    let out = files.length > 0 ? lister.display(files) : '';
    const label = operands.length > 1 || has(args, 'R');
    [...dirs].sort(byName).forEach((dir, i) => {
      if (files.length > 0 || i > 0) out += '\n';
      out += lister.directory(dir.path, label ? dir.name : undefined);
    });
    ctx.stdout.write(out);
    return lister.status;
  },
});
