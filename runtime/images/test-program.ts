import { sh } from './container-shell';
import type { Program } from './types';

/**
 * busybox's `test` and `[` applets as programs of their own (`kubectl cp` execs `test -d DIR`):
 * the shell's builtin, run by a child `sh` so both read files and expressions alike.
 */
export const testProgram: Program = (ctx) => {
  const name = ctx.argv[0].split('/').pop() ?? 'test';
  return ctx.spawn(sh, ['sh', '-c', `${name} "$@"`, name, ...ctx.argv.slice(1)]);
};
