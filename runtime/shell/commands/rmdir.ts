import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { has } from './coreutils/options';
import { shellQuote } from './coreutils/quote';

/** GNU `rmdir`: removes empty directories (-p also their parents, -v reports). */
export const rmdir: ShellCommand = defineUtility({
  name: 'rmdir',
  summary: 'remove empty directories',
  options: [
    { key: 'ignore', long: 'ignore-fail-on-non-empty' },
    { key: 'p', short: 'p', long: 'parents' },
    { key: 'v', short: 'v', long: 'verbose' },
  ],
  async run(ctx, io) {
    if (io.args.operands.length === 0) return io.usage('missing operand');
    let status = 0;
    for (const op of io.args.operands) {
      const chain = [op];
      if (has(io.args, 'p'))
        for (let p = op.replace(/\/+$/, ''); p.includes('/');) chain.push((p = p.slice(0, p.lastIndexOf('/'))));
      for (const dir of chain) {
        if (dir === '') break;
        if (has(io.args, 'v')) await io.out(`rmdir: removing directory, ${shellQuote(dir, true)}\n`);
        try {
          ctx.fs.rmdir(io.resolve(dir));
        } catch (error) {
          if (!(has(io.args, 'ignore') && (error as Error).message === 'ENOTEMPTY')) {
            io.fsError(`failed to remove ${shellQuote(dir, true)}`, error);
            status = 1;
          }
          break;
        }
      }
    }
    return status;
  },
});
