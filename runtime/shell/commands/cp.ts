import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { copyTree } from './coreutils/copy';
import { has } from './coreutils/options';
import { moves } from './coreutils/targets';
import { shellQuote } from './coreutils/quote';

const q = (s: string): string => shellQuote(s, true);

/** GNU `cp`: copies files, and directories with -r/-a, into a file or a directory. */
export const cp: ShellCommand = defineUtility({
  name: 'cp',
  summary: 'copy files and directories',
  options: [
    { key: 'a', short: 'a', long: 'archive' },
    { key: 'f', short: 'f', long: 'force' },
    { key: 'i', short: 'i', long: 'interactive' },
    { key: 'n', short: 'n', long: 'no-clobber' },
    { key: 'P', short: 'P', long: 'no-dereference' },
    { key: 'p', short: 'p' },
    { key: 'r', short: 'r', long: 'recursive' },
    { key: 'r', short: 'R' },
    { key: 'T', short: 'T', long: 'no-target-directory' },
    { key: 't', short: 't', long: 'target-directory', arg: 'required' },
    { key: 'u', short: 'u', long: 'update', arg: 'optional' },
    { key: 'v', short: 'v', long: 'verbose' },
  ],
  async run(ctx, io) {
    const planned = moves(ctx, io);
    if (typeof planned === 'number') return planned;
    const recursive = has(io.args, 'r') || has(io.args, 'a');
    const preserve = has(io.args, 'a') || has(io.args, 'p');
    let status = 0;
    for (const { src, from, destName, to } of planned) {
      try {
        const st = ctx.fs.stat(from);
        if (st.kind === 'directory' && !recursive) {
          io.error(`-r not specified; omitting directory ${q(src)}`);
          status = 1;
          continue;
        }
        if (ctx.fs.exists(to) && ctx.fs.realpath(to) === ctx.fs.realpath(from)) {
          io.error(`${q(src)} and ${q(destName)} are the same file`);
          status = 1;
          continue;
        }
        if (
          st.kind === 'directory' &&
          `${ctx.fs.realpath(io.resolve(destName.includes('/') ? destName.slice(0, destName.lastIndexOf('/')) || '/' : '.'))}/`.startsWith(
            `${ctx.fs.realpath(from)}/`,
          )
        ) {
          io.error(`cannot copy a directory, ${q(src)}, into itself, ${q(destName)}`);
          status = 1;
          continue;
        }
        if (st.kind !== 'directory' && ctx.fs.isDirectory(to)) {
          io.error(`cannot overwrite directory ${q(destName)} with non-directory`);
          status = 1;
          continue;
        }
        if (has(io.args, 'n') && ctx.fs.exists(to)) continue;
        copyTree(ctx.fs, from, to, { preserve, noDereference: has(io.args, 'a') || has(io.args, 'P') });
        if (has(io.args, 'v')) await io.out(`${q(src)} -> ${q(destName)}\n`);
      } catch (error) {
        const msg = (error as Error).message;
        if (msg === 'ENOENT' && !ctx.fs.exists(from)) io.fsError(`cannot stat ${q(src)}`, error);
        else io.fsError(`cannot create regular file ${q(destName)}`, error);
        status = 1;
      }
    }
    return status;
  },
});
