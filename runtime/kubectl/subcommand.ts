import type { ApiClient } from '../api/client';
import type { CancelSignal } from '../cancel';
import type { Clock } from '../clock';
import type { HostNetwork } from '../network/host-network';
import type { Volume } from '../shell/fs/volume';
import type { InputStream } from '../shell/process';
import type { CommandContext, OutputStream, Tty } from '../shell/command';
import type { FlagSpec, FlagValue } from './flags';

/** What a kubectl subcommand receives once its flags are parsed. */
export interface KubectlContext {
  /** Positional arguments after the subcommand's name. */
  args: string[];
  /** How many positional arguments came before a `--`, when there was one (cobra's ArgsLenAtDash). */
  dashAt?: number;
  /** Parsed flags, global ones included, by long name. */
  flags: ReadonlyMap<string, FlagValue>;
  stdout: OutputStream;
  stderr: OutputStream;
  api: ApiClient;
  signal: CancelSignal;
  /** The client's clock (ages kubectl computes itself, as in describe's events). */
  clock: Clock;
  /** The filesystem kubectl reads manifests from (`-f`), and the working directory. */
  fs: Volume;
  cwd: string;
  stdin: InputStream;
  /** The process's environment (KUBECONFIG, HOME, KUBE_EDITOR …). */
  env: Readonly<Record<string, string>>;
  /** The terminal, when kubectl runs in the foreground of an interactive session (exec -t, edit). */
  tty?: Tty;
  /** The host's network, where `proxy` and `port-forward` listen; absent when the host is offline. */
  network?: HostNetwork;
  /** kubectl's own process, to run other programs from (the editor of `kubectl edit`). */
  process?: CommandContext;
}

/** One kubectl subcommand: its own flags and its run. */
export interface KubectlSubcommand {
  name: string;
  flags: readonly FlagSpec[];
  /** The flags for these arguments, when they depend on them (`create deployment` has its own). */
  flagsFor?(argv: readonly string[]): readonly FlagSpec[];
  run(ctx: KubectlContext): Promise<number>;
}

/** Prints an error as kubectl's checkErr does (`error: ` prefix, exit code 1). */
export function fail(stderr: OutputStream, message: string): number {
  stderr.write(`error: ${message}${message.endsWith('\n') ? '' : '\n'}`);
  return 1;
}
