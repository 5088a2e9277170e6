import type { ShellCommand } from '../command';
import { errnoOf } from '../fs/errors';
import { defineUtility } from './coreutils/define';
import { copyTree } from './coreutils/copy';
import { has } from './coreutils/options';
import { moves } from './coreutils/targets';
import { shellQuote } from './coreutils/quote';

const q = (s: string): string => shellQuote(s, true);

/** GNU `mv`: renames, or moves into a directory (copying across volumes). */
export const mv: ShellCommand = defineUtility({
  name: 'mv',
  summary: 'move (rename) files',
  options: [
    { key: 'f', short: 'f', long: 'force' },
    { key: 'i', short: 'i', long: 'interactive' },
    { key: 'n', short: 'n', long: 'no-clobber' },
    { key: 'T', short: 'T', long: 'no-target-directory' },
    { key: 't', short: 't', long: 'target-directory', arg: 'required' },
    { key: 'u', short: 'u', long: 'update', arg: 'optional' },
    { key: 'v', short: 'v', long: 'verbose' },
  ],
  async run(ctx, io) {
    const planned = moves(ctx, io);
    if (typeof planned === 'number') return planned;
    let status = 0;
    for (const { src, from, destName, to } of planned) {
      try {
        const st = ctx.fs.lstat(from);
        if (ctx.fs.exists(to) && ctx.fs.realpath(to) === ctx.fs.realpath(from)) {
          io.error(`${q(src)} and ${q(destName)} are the same file`);
          status = 1;
          continue;
        }
        if (has(io.args, 'n') && ctx.fs.exists(to)) continue;
        if (ctx.fs.isDirectory(to) && st.kind !== 'directory') {
          io.error(`cannot overwrite directory ${q(destName)} with non-directory`);
          status = 1;
          continue;
        }
        try {
          ctx.fs.rename(from, to);
        } catch (error) {
          if (errnoOf(error) === 'EINVAL') {
            io.error(`cannot move ${q(src)} to a subdirectory of itself, ${q(destName)}`);
            status = 1;
            continue;
          }
          if (errnoOf(error) !== 'EXDEV') throw error;
          if (ctx.fs.exists(to) && !ctx.fs.isDirectory(to)) ctx.fs.unlink(to);
          copyTree(ctx.fs, from, to, { preserve: true, noDereference: true });
          ctx.fs.remove(from);
        }
        if (has(io.args, 'v')) await io.out(`renamed ${q(src)} -> ${q(destName)}\n`);
      } catch (error) {
        if (errnoOf(error) === 'ENOENT' && !ctx.fs.exists(from)) io.fsError(`cannot stat ${q(src)}`, error);
        else io.fsError(`cannot move ${q(src)} to ${q(destName)}`, error);
        status = 1;
      }
    }
    return status;
  },
});
