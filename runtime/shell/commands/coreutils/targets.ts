import type { CommandContext } from '../../command';
import type { Io } from './define';
import { has, last } from './options';
import { shellQuote } from './quote';

/** One source and where it goes: as typed (for messages) and resolved. */
export interface Move {
  src: string;
  from: string;
  destName: string;
  to: string;
}

/**
 * The moves of `cp` and `mv`: SOURCE… DEST, or SOURCE… into DIRECTORY (the last operand, or
 * -t), with GNU's usage errors (missing operands, several sources into something that is not a
 * directory). Returns the exit status when it failed.
 */
export function moves(ctx: CommandContext, io: Io): Move[] | number {
  const q = (s: string): string => shellQuote(s, true);
  const ops = [...io.args.operands];
  const targetDir = last(io.args, 't');
  if (ops.length === 0) return io.usage('missing file operand');
  if (ops.length === 1 && targetDir === undefined)
    return io.usage(`missing destination file operand after ${q(ops[0])}`);
  const target = targetDir ?? (ops.pop() as string);
  const targetIsDir = !has(io.args, 'T') && ctx.fs.isDirectory(io.resolve(target));
  if (ops.length > 1 && !targetIsDir) {
    io.error(
      `target ${q(target)}: ${ctx.fs.exists(io.resolve(target)) ? 'Not a directory' : 'No such file or directory'}`,
    );
    return 1;
  }
  return ops.map((src) => {
    const destName = targetIsDir ? `${target.replace(/\/+$/, '')}/${src.replace(/\/+$/, '').split('/').pop()}` : target;
    return { src, from: io.resolve(src), destName, to: io.resolve(destName) };
  });
}
