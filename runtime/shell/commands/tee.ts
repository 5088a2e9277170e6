import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { has } from './coreutils/options';
import { shellQuote } from './coreutils/quote';

/** GNU `tee`: copies stdin to stdout and to each FILE (-a appends). */
export const tee: ShellCommand = defineUtility({
  name: 'tee',
  summary: 'read from standard input and write to standard output and files',
  options: [
    { key: 'a', short: 'a', long: 'append' },
    { key: 'i', short: 'i', long: 'ignore-interrupts' },
    { key: 'p', short: 'p' },
    { key: 'op', long: 'output-error', arg: 'optional' },
  ],
  async run(ctx, io) {
    let status = 0;
    const files: string[] = [];
    for (const name of io.args.operands) {
      try {
        if (has(io.args, 'a')) ctx.fs.appendFile(io.resolve(name), '');
        else ctx.fs.writeTo(io.resolve(name), '');
        files.push(name);
      } catch (error) {
        io.fsError(shellQuote(name), error);
        status = 1;
      }
    }
    for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
      for (const name of files) {
        try {
          ctx.fs.appendFile(io.resolve(name), chunk);
        } catch (error) {
          io.fsError(shellQuote(name), error);
          status = 1;
        }
      }
      await io.out(chunk);
    }
    return status;
  },
});
