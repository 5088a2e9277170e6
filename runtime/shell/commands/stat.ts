import type { ShellCommand } from '../command';
import type { Stat } from '../fs/inode';
import { defineUtility } from './coreutils/define';
import { formatDate } from './coreutils/dates';
import { modeString, userName } from './coreutils/format';
import { has, last } from './coreutils/options';
import { shellQuote } from './coreutils/quote';

const TYPE_NAMES = (st: Stat): string =>
  st.kind === 'directory'
    ? 'directory'
    : st.kind === 'symlink'
      ? 'symbolic link'
      : st.size === 0
        ? 'regular empty file'
        : 'regular file';

/** A stable inode number for `path` (the host has no real ones). */
function inodeOf(path: string): number {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619) >>> 0;
  return 1_000_000 + (h % 8_000_000);
}

const time = (ms: number): string =>
  `${formatDate('%Y-%m-%d %H:%M:%S', ms)}.${String(ms % 1000).padStart(3, '0')}000000 +0000`;

/** GNU `stat`: the default report, or -c FORMAT (%n %s %a %A %U %G %u %g %F %y %Y %i %h %b). */
export const stat: ShellCommand = defineUtility({
  name: 'stat',
  summary: 'display file or file system status',
  options: [
    { key: 'L', short: 'L', long: 'dereference' },
    { key: 'f', short: 'f', long: 'file-system' },
    { key: 'c', short: 'c', long: 'format', arg: 'required' },
    { key: 'printf', long: 'printf', arg: 'required' },
    { key: 't', short: 't', long: 'terse' },
  ],
  async run(ctx, io) {
    if (io.args.operands.length === 0) return io.usage('missing operand');
    const format = last(io.args, 'c');
    let status = 0;
    for (const name of io.args.operands) {
      const path = io.resolve(name);
      let st: Stat;
      try {
        st = has(io.args, 'L') ? ctx.fs.stat(path) : ctx.fs.lstat(path);
      } catch (error) {
        io.fsError(`cannot statx ${shellQuote(name, true)}`, error);
        status = 1;
        continue;
      }
      const blocks = st.kind === 'symlink' ? 0 : Math.ceil(st.size / 4096) * 8;
      const shownName = st.kind === 'symlink' && !has(io.args, 'L') ? `${name} -> ${ctx.fs.readlink(path)}` : name;
      if (format !== undefined) {
        const codes: Record<string, () => string> = {
          n: () => name,
          N: () => (st.kind === 'symlink' ? `'${name}' -> '${ctx.fs.readlink(path)}'` : `'${name}'`),
          s: () => String(st.size),
          a: () => st.mode.toString(8),
          A: () => modeString(st),
          U: () => userName(st.uid),
          G: () => userName(st.gid),
          u: () => String(st.uid),
          g: () => String(st.gid),
          F: () => TYPE_NAMES(st),
          y: () => time(st.mtime),
          Y: () => String(Math.floor(st.mtime / 1000)),
          i: () => String(inodeOf(path)),
          h: () => String(st.nlink),
          b: () => String(blocks),
          B: () => '512',
          o: () => '4096',
          '%': () => '%',
        };
        await io.out(`${format.replace(/%(.)/g, (whole, c: string) => (codes[c] ? codes[c]() : whole))}\n`);
        continue;
      }
      const uid = `(${String(st.uid).padStart(5)}/${userName(st.uid).padStart(8)})`;
      const gid = `(${String(st.gid).padStart(5)}/${userName(st.gid).padStart(8)})`;
      await io.out(
        `  File: ${shownName}\n` +
          `  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(blocks).padEnd(10)} IO Block: 4096   ${TYPE_NAMES(st)}\n` +
          `Device: 8,1\tInode: ${String(inodeOf(path)).padEnd(11)} Links: ${st.nlink}\n` +
          `Access: (${st.mode.toString(8).padStart(4, '0')}/${modeString(st)})  Uid: ${uid}   Gid: ${gid}\n` +
          `Access: ${time(st.mtime)}\nModify: ${time(st.mtime)}\nChange: ${time(st.mtime)}\n Birth: ${time(st.mtime)}\n`,
      );
    }
    return status;
  },
});
