import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { has, last } from './coreutils/options';
import { localeQuote } from './coreutils/quote';

/** GNU `env`: prints the environment, or runs COMMAND (a shell command) with NAME=VALUE set. */
export const env: ShellCommand = defineUtility({
  name: 'env',
  summary: 'run a program in a modified environment',
  usageStatus: 125,
  stopAtOperand: true,
  options: [
    { key: 'i', short: 'i', long: 'ignore-environment' },
    { key: '0', short: '0', long: 'null' },
    { key: 'u', short: 'u', long: 'unset', arg: 'required' },
    { key: 'C', short: 'C', long: 'chdir', arg: 'required' },
  ],
  async run(ctx, io) {
    const vars: Record<string, string> = has(io.args, 'i') ? {} : { ...ctx.env };
    for (const o of io.args.options) if (o.key === 'u') delete vars[o.value as string];
    const ops = [...io.args.operands];
    if (ops[0] === '-') {
      ops.shift();
      for (const k of Object.keys(vars)) delete vars[k];
    }
    while (ops.length > 0 && /^[^=]+=/.test(ops[0])) {
      const assignment = ops.shift() as string;
      const eq = assignment.indexOf('=');
      vars[assignment.slice(0, eq)] = assignment.slice(eq + 1);
    }
    const cwd = last(io.args, 'C');
    if (ops.length === 0) {
      if (cwd !== undefined) {
        return io.usage('must specify command with --chdir (-C)');
      }
      const end = has(io.args, '0') ? '\0' : '\n';
      await io.out(
        Object.entries(vars)
          .map(([k, v]) => `${k}=${v}${end}`)
          .join(''),
      );
      return 0;
    }
    const command = ctx.shell.commands.get(ops[0]);
    if (!command) {
      io.error(`${localeQuote(ops[0])}: No such file or directory`);
      return 127;
    }
    return command.run({ ...ctx, argv: ops, env: vars, cwd: cwd === undefined ? ctx.cwd : io.resolve(cwd) });
  },
});
