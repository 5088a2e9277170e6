import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { has } from './coreutils/options';
import { localeQuote } from './coreutils/quote';

/** What Ubuntu 24.04's `uname` reports on a x86_64 machine. */
export const KERNEL = {
  sysname: 'Linux',
  release: '6.8.0-49-generic',
  version: '#49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024',
  machine: 'x86_64',
  os: 'GNU/Linux',
};

/** GNU `uname` as Ubuntu patches it (-p and -i report the machine): -a -s -n -r -v -m -p -i -o. */
export const uname: ShellCommand = defineUtility({
  name: 'uname',
  summary: 'print system information',
  options: [
    { key: 'a', short: 'a', long: 'all' },
    { key: 's', short: 's', long: 'kernel-name' },
    { key: 'n', short: 'n', long: 'nodename' },
    { key: 'r', short: 'r', long: 'kernel-release' },
    { key: 'v', short: 'v', long: 'kernel-version' },
    { key: 'm', short: 'm', long: 'machine' },
    { key: 'p', short: 'p', long: 'processor' },
    { key: 'i', short: 'i', long: 'hardware-platform' },
    { key: 'o', short: 'o', long: 'operating-system' },
  ],
  async run(ctx, io) {
    if (io.args.operands.length > 0) return io.usage(`extra operand ${localeQuote(io.args.operands[0])}`);
    const all = has(io.args, 'a');
    const fields: Array<[string, string]> = [
      ['s', KERNEL.sysname],
      ['n', ctx.env.HOSTNAME ?? 'kubeplay'],
      ['r', KERNEL.release],
      ['v', KERNEL.version],
      ['m', KERNEL.machine],
      ['p', KERNEL.machine],
      ['i', KERNEL.machine],
      ['o', KERNEL.os],
    ];
    const any = fields.some(([k]) => has(io.args, k));
    const shown = fields.filter(([k]) => all || has(io.args, k) || (!any && k === 's')).map(([, v]) => v);
    await io.out(`${shown.join(' ')}\n`);
    return 0;
  },
});
