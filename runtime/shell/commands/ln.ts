import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { has, last } from './coreutils/options';
import { shellQuote } from './coreutils/quote';

const q = (s: string): string => shellQuote(s, true);

/** GNU `ln`: symbolic links with -s; hard links are copies sharing nothing (a simplification). */
export const ln: ShellCommand = defineUtility({
  name: 'ln',
  summary: 'make links between files',
  options: [
    { key: 'f', short: 'f', long: 'force' },
    { key: 'i', short: 'i', long: 'interactive' },
    { key: 'n', short: 'n', long: 'no-dereference' },
    { key: 'r', short: 'r', long: 'relative' },
    { key: 's', short: 's', long: 'symbolic' },
    { key: 'T', short: 'T', long: 'no-target-directory' },
    { key: 't', short: 't', long: 'target-directory', arg: 'required' },
    { key: 'v', short: 'v', long: 'verbose' },
  ],
  async run(ctx, io) {
    const ops = [...io.args.operands];
    if (ops.length === 0) return io.usage('missing file operand');
    const targetDir = last(io.args, 't');
    let dir: string | undefined = targetDir;
    if (dir === undefined && ops.length === 1) dir = '.';
    else if (dir === undefined) {
      const lastOp = ops[ops.length - 1];
      const isDir =
        !has(io.args, 'T') &&
        (has(io.args, 'n')
          ? ctx.fs.lstat(io.resolve(lastOp)).kind === 'directory'
          : ctx.fs.isDirectory(io.resolve(lastOp)));
      if (isDir) dir = ops.pop();
      else if (ops.length > 2) {
        io.error(`target ${q(lastOp)} is not a directory`);
        return 1;
      }
    }
    const pairs: Array<[string, string]> =
      dir === undefined
        ? [[ops[0], ops[1]]]
        : ops.map((t) => [
            t,
            `${dir === '.' && targetDir === undefined && ops.length === 1 ? '' : `${(dir as string).replace(/\/+$/, '')}/`}${t.replace(/\/+$/, '').split('/').pop()}`,
          ]);
    const symbolic = has(io.args, 's');
    let status = 0;
    for (const [target, link] of pairs) {
      const linkPath = io.resolve(link);
      const shownLink = dir === '.' && ops.length === 1 && targetDir === undefined ? `./${link}` : link;
      try {
        if (has(io.args, 'f') && ctx.fs.lstat(linkPath).kind !== 'directory') ctx.fs.unlink(linkPath);
      } catch {
        // Nothing to replace.
      }
      try {
        if (symbolic) ctx.fs.symlink(target, linkPath);
        else {
          const st = ctx.fs.stat(io.resolve(target));
          if (st.kind === 'directory') {
            io.error(`${q(target)}: hard link not allowed for directory`);
            status = 1;
            continue;
          }
          if (ctx.fs.exists(linkPath) || ctx.fs.isDirectory(linkPath)) throw new Error('EEXIST');
          ctx.fs.writeTo(linkPath, ctx.fs.readFile(io.resolve(target)), { mode: st.mode });
        }
        if (has(io.args, 'v')) await io.out(`${q(shownLink)} ${symbolic ? '->' : '=>'} ${q(target)}\n`);
      } catch (error) {
        if (!symbolic && (error as Error).message === 'ENOENT' && !ctx.fs.exists(io.resolve(target)))
          io.fsError(`failed to access ${q(target)}`, error);
        else
          io.fsError(
            symbolic
              ? `failed to create symbolic link ${q(shownLink)}`
              : `failed to create hard link ${q(shownLink)} => ${q(target)}`,
            error,
          );
        status = 1;
      }
    }
    return status;
  },
});
