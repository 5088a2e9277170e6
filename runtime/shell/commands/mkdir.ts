import type { ShellCommand } from '../command';
import { defineUtility } from './coreutils/define';
import { has, last } from './coreutils/options';
import { parseMode } from './coreutils/mode';
import { localeQuote, shellQuote } from './coreutils/quote';

/** GNU `mkdir`: creates directories (-p with parents, -v reports, -m MODE). */
export const mkdir: ShellCommand = defineUtility({
  name: 'mkdir',
  summary: 'make directories',
  options: [
    { key: 'm', short: 'm', long: 'mode', arg: 'required' },
    { key: 'p', short: 'p', long: 'parents' },
    { key: 'v', short: 'v', long: 'verbose' },
    { key: 'Z', short: 'Z' },
    { key: 'context', long: 'context', arg: 'optional' },
  ],
  async run(ctx, io) {
    if (io.args.operands.length === 0) return io.usage('missing operand');
    const modeText = last(io.args, 'm');
    const mode = modeText === undefined ? 0o755 : parseMode(modeText, 0o777, 0o022);
    if (mode === undefined) {
      io.error(`invalid mode ${localeQuote(modeText as string)}`);
      return 1;
    }
    let status = 0;
    const made = (path: string): void => {
      if (has(io.args, 'v')) void ctx.stdout.write(`mkdir: created directory ${shellQuote(path, true)}\n`);
    };
    for (const op of io.args.operands) {
      let failing = op;
      try {
        if (has(io.args, 'p')) {
          const parts = op.split('/');
          for (let i = 1; i <= parts.length; i++) {
            const prefix = parts.slice(0, i).join('/');
            if (prefix === '' || /^\.*$/.test(parts[i - 1])) continue;
            const path = io.resolve(prefix);
            failing = prefix;
            if (ctx.fs.exists(path)) {
              if (!ctx.fs.isDirectory(path)) throw new Error('ENOTDIR');
              continue;
            }
            ctx.fs.createDirectory(path, i === parts.length ? mode : 0o755);
            made(prefix);
          }
        } else {
          ctx.fs.createDirectory(io.resolve(op), mode);
          made(op);
        }
      } catch (error) {
        io.fsError(`cannot create directory ${localeQuote(failing)}`, error);
        status = 1;
      }
    }
    return status;
  },
});
