import type { CommandContext, ShellCommand } from '../command';
import { defineUtility, type Io } from './coreutils/define';
import { humanSize } from './coreutils/format';
import { has, last } from './coreutils/options';
import { shellQuote } from './coreutils/quote';

/** GNU `du`: 1K blocks used under each FILE (4K blocks as on ext4); -s, -h, -a, -c, -d N. */
export const du: ShellCommand = defineUtility({
  name: 'du',
  summary: 'estimate file space usage',
  options: [
    { key: 'a', short: 'a', long: 'all' },
    { key: 'c', short: 'c', long: 'total' },
    { key: 'd', short: 'd', long: 'max-depth', arg: 'required' },
    { key: 'h', short: 'h', long: 'human-readable' },
    { key: 'k', short: 'k' },
    { key: 's', short: 's', long: 'summarize' },
  ],
  async run(ctx, io) {
    const depthText = last(io.args, 'd');
    const maxDepth = has(io.args, 's') ? 0 : depthText === undefined ? Infinity : Number(depthText);
    const show = (kb: number): string => (has(io.args, 'h') ? (kb === 0 ? '0' : humanSize(kb * 1024)) : String(kb));
    let out = '';
    let status = 0;
    let total = 0;
    const walk = (c: CommandContext, i: Io, path: string, shown: string, depth: number): number => {
      const st = c.fs.lstat(i.resolve(path));
      if (st.kind !== 'directory') {
        const kb = st.kind === 'symlink' ? 0 : Math.ceil(st.size / 4096) * 4;
        if ((has(io.args, 'a') && depth <= maxDepth) || depth === 0) out += `${show(kb)}\t${shown}\n`;
        return kb;
      }
      let kb = 4;
      for (const entry of c.fs.list(i.resolve(path)))
        kb += walk(c, i, `${path}/${entry.name}`, `${shown.replace(/\/$/, '')}/${entry.name}`, depth + 1);
      if (depth <= maxDepth) out += `${show(kb)}\t${shown}\n`;
      return kb;
    };
    for (const name of io.args.operands.length ? io.args.operands : ['.']) {
      try {
        total += walk(ctx, io, name, name, 0);
      } catch (error) {
        io.fsError(`cannot access ${shellQuote(name, true)}`, error);
        status = 1;
      }
    }
    if (has(io.args, 'c')) out += `${show(total)}\ttotal\n`;
    await io.out(out);
    return status;
  },
});
