import type { ApiClient } from '../api/client';
import type { CancelSignal } from '../cancel';
import type { OutputStream } from '../shell/command';
import type { FlagSpec } from './flags';

/** What a kubectl subcommand receives once its flags are parsed. */
export interface KubectlContext {
  /** Positional arguments after the subcommand's name. */
  args: string[];
  /** Parsed flags, global ones included, by long name. */
  flags: ReadonlyMap<string, string | boolean>;
  stdout: OutputStream;
  stderr: OutputStream;
  api: ApiClient;
  signal: CancelSignal;
}

/** One kubectl subcommand: its own flags and its run. */
export interface KubectlSubcommand {
  name: string;
  flags: readonly FlagSpec[];
  run(ctx: KubectlContext): Promise<number>;
}

/** Prints an error as kubectl's checkErr does (`error: ` prefix, exit code 1). */
export function fail(stderr: OutputStream, message: string): number {
  stderr.write(`error: ${message}${message.endsWith('\n') ? '' : '\n'}`);
  return 1;
}
