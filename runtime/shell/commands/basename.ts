import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { has, last } from './coreutils/options';
import { localeQuote } from './coreutils/quote';

/** The last component of `name` without trailing slashes, minus `suffix` (unless all of it). */
export function baseName(name: string, suffix = ''): string {
  if (name === '') return '';
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  const base = trimmed.slice(trimmed.lastIndexOf('/') + 1);
  return suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

/** GNU `basename`: strips directory and an optional suffix (-a many names, -s SUFFIX). */
export const basename: ShellCommand = defineUtility({
  name: 'basename',
  summary: 'strip directory and suffix from filenames',
  options: [
    { key: 'a', short: 'a', long: 'multiple' },
    { key: 's', short: 's', long: 'suffix', arg: 'required' },
    { key: 'z', short: 'z', long: 'zero' },
  ],
  async run(_ctx, io) {
    const ops = io.args.operands;
    if (ops.length === 0) return io.usage('missing operand');
    const suffix = last(io.args, 's');
    const multiple = has(io.args, 'a') || suffix !== undefined;
    if (!multiple && ops.length > 2) return io.usage(`extra operand ${localeQuote(ops[2])}`);
    const end = has(io.args, 'z') ? '\0' : '\n';
    const names = multiple ? ops.map((n) => baseName(n, suffix)) : [baseName(ops[0], ops[1])];
    await io.out(names.map((n) => n + end).join(''));
    return 0;
  },
});
