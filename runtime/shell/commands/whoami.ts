import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { localeQuote } from './coreutils/quote';

/** GNU `whoami`: the learner. */
export const whoami: ShellCommand = defineUtility({
  name: 'whoami',
  summary: 'print effective user name',
  options: [],
  async run(ctx, io) {
    if (io.args.operands.length > 0) return io.usage(`extra operand ${localeQuote(io.args.operands[0])}`);
    await io.out(`${ctx.env.USER ?? 'learner'}\n`);
    return 0;
  },
});
