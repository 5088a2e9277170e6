import type { InputStream, OutputStream } from '../../process';
import type { Interpreter } from '../interpreter';
import type { Fds } from '../streams';

/** What a builtin gets: its arguments, its streams, and the shell it acts on. */
export interface BuiltinContext {
  argv: string[];
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  shell: Interpreter;
  fds: Fds;
}

/** A builtin: runs in the shell's own process and may change its state. */
export type Builtin = (ctx: BuiltinContext) => Promise<number>;

/** A valid shell variable name. */
export const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
