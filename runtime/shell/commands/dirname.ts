import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { has } from './coreutils/options';

/** The directory part of `name`, as dirname(1) prints it (`.` when there is none). */
export function dirName(name: string): string {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return name.startsWith('/') ? '/' : '.';
  const cut = trimmed.lastIndexOf('/');
  if (cut < 0) return '.';
  const dir = trimmed.slice(0, cut).replace(/\/+$/, '');
  return dir === '' ? '/' : dir;
}

/** GNU `dirname`: strips the last component of each NAME. */
export const dirname: ShellCommand = defineUtility({
  name: 'dirname',
  summary: 'strip last component from file name',
  options: [{ key: 'z', short: 'z', long: 'zero' }],
  async run(_ctx, io) {
    if (io.args.operands.length === 0) return io.usage('missing operand');
    const end = has(io.args, 'z') ? '\0' : '\n';
    await io.out(io.args.operands.map((n) => dirName(n) + end).join(''));
    return 0;
  },
});
