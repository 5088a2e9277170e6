import type { ShellCommand } from '../command';
import { FsError } from '../fs/errors';
import { normalizePath } from '../fs/path';
import { defineUtility } from './coreutils/define';
import { has } from './coreutils/options';
import { shellQuote } from './coreutils/quote';

/** GNU `realpath`: the resolved absolute path of each FILE (-e all must exist, -m none need). */
export const realpath: ShellCommand = defineUtility({
  name: 'realpath',
  summary: 'print the resolved path',
  options: [
    { key: 'e', short: 'e', long: 'canonicalize-existing' },
    { key: 'm', short: 'm', long: 'canonicalize-missing' },
    { key: 'L', short: 'L', long: 'logical' },
    { key: 'P', short: 'P', long: 'physical' },
    { key: 'q', short: 'q', long: 'quiet' },
    { key: 's', short: 's', long: 'strip' },
    { key: 's', long: 'no-symlinks' },
    { key: 'z', short: 'z', long: 'zero' },
    { key: 'rt', long: 'relative-to', arg: 'required' },
    { key: 'rb', long: 'relative-base', arg: 'required' },
  ],
  async run(ctx, io) {
    if (io.args.operands.length === 0) return io.usage('missing operand');
    const mode = io.args.options.filter((o) => o.key === 'e' || o.key === 'm').pop()?.key;
    const end = has(io.args, 'z') ? '\0' : '\n';
    let status = 0;
    for (const op of io.args.operands) {
      const path = io.resolve(op);
      try {
        let resolved: string;
        if (has(io.args, 's') || mode === 'm')
          resolved = has(io.args, 's') ? normalizePath(path) : resolveMissing(ctx.fs, path);
        else if (mode === 'e') resolved = ctx.fs.realpath(path);
        else {
          // The last component (after following links) may be missing; its directory must exist.
          let target = path;
          for (let links = 0; !ctx.fs.exists(target); links++) {
            const cut = target.lastIndexOf('/');
            const dir = ctx.fs.realpath(target.slice(0, cut) || '/');
            if (!ctx.fs.isDirectory(dir)) throw new FsError('ENOTDIR');
            let link: string;
            try {
              link = ctx.fs.readlink(`${dir}/${target.slice(cut + 1)}`);
            } catch {
              target = `${dir === '/' ? '' : dir}/${target.slice(cut + 1)}`;
              break;
            }
            if (links >= 40) throw new FsError('ELOOP');
            target = link.startsWith('/') ? link : `${dir === '/' ? '' : dir}/${link}`;
          }
          resolved = ctx.fs.exists(target) ? ctx.fs.realpath(target) : normalizePath(target);
        }
        await io.out(resolved + end);
      } catch (error) {
        if (!has(io.args, 'q')) io.fsError(shellQuote(op), error);
        status = 1;
      }
    }
    return status;
  },
});

/** realpath -m: resolves what exists, then appends the rest lexically. */
function resolveMissing(fs: { realpath(p: string): string }, path: string): string {
  const parts = normalizePath(path).split('/').filter(Boolean);
  for (let i = parts.length; i >= 0; i--) {
    try {
      const base = fs.realpath(`/${parts.slice(0, i).join('/')}`);
      return normalizePath([base, ...parts.slice(i)].join('/'));
    } catch {
      continue;
    }
  }
  return normalizePath(path);
}
