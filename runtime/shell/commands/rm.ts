import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { has } from './coreutils/options';
import { shellQuote } from './coreutils/quote';

/** GNU `rm`: removes files (-r directories too, -f ignores missing ones, -v reports). */
export const rm: ShellCommand = defineUtility({
  name: 'rm',
  summary: 'remove files or directories',
  options: [
    { key: 'f', short: 'f', long: 'force' },
    { key: 'i', short: 'i' },
    { key: 'I', short: 'I' },
    { key: 'r', short: 'r', long: 'recursive' },
    { key: 'r', short: 'R' },
    { key: 'd', short: 'd', long: 'dir' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'npr', long: 'no-preserve-root' },
    { key: 'pr', long: 'preserve-root', arg: 'optional' },
    { key: 'one', long: 'one-file-system' },
  ],
  async run(ctx, io) {
    const force = io.args.options.filter((o) => o.key === 'f' || o.key === 'i').pop()?.key === 'f';
    if (io.args.operands.length === 0) return force ? 0 : io.usage('missing operand');
    const recursive = has(io.args, 'r');
    const verbose = has(io.args, 'v');
    let status = 0;
    const removeTree = async (path: string, shown: string): Promise<boolean> => {
      const st = ctx.fs.lstat(path);
      if (st.kind === 'directory') {
        let ok = true;
        for (const child of ctx.fs.list(path))
          ok = (await removeTree(`${path}/${child.name}`, `${shown.replace(/\/$/, '')}/${child.name}`)) && ok;
        if (!ok) return false;
        try {
          ctx.fs.rmdir(path);
        } catch (error) {
          io.fsError(`cannot remove ${shellQuote(shown, true)}`, error);
          return false;
        }
        if (verbose) await io.out(`removed directory ${shellQuote(shown, true)}\n`);
        return true;
      }
      try {
        ctx.fs.unlink(path);
      } catch (error) {
        io.fsError(`cannot remove ${shellQuote(shown, true)}`, error);
        return false;
      }
      if (verbose) await io.out(`removed ${shellQuote(shown, true)}\n`);
      return true;
    };
    for (const op of io.args.operands) {
      const base = op.replace(/\/+$/, '').split('/').pop();
      if (recursive && (base === '.' || base === '..')) {
        io.error(`refusing to remove '.' or '..' directory: skipping ${shellQuote(op, true)}`);
        status = 1;
        continue;
      }
      const path = io.resolve(op);
      let kind;
      try {
        kind = ctx.fs.lstat(path).kind;
      } catch (error) {
        if (!force) {
          io.fsError(`cannot remove ${shellQuote(op, true)}`, error);
          status = 1;
        }
        continue;
      }
      if (kind === 'directory' && !recursive) {
        if (has(io.args, 'd')) {
          try {
            ctx.fs.rmdir(path);
            if (verbose) await io.out(`removed directory ${shellQuote(op, true)}\n`);
          } catch (error) {
            io.fsError(`cannot remove ${shellQuote(op, true)}`, error);
            status = 1;
          }
          continue;
        }
        io.error(`cannot remove ${shellQuote(op, true)}: Is a directory`);
        status = 1;
        continue;
      }
      if (path === '/' || ctx.fs.realpath(path) === '/') {
        io.error(`it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe`);
        status = 1;
        continue;
      }
      if (!(await removeTree(path, op))) status = 1;
    }
    return status;
  },
});
