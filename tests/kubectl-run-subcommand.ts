// Runs one kubectl subcommand as runtime/kubectl/kubectl.ts dispatches it (flags parsed with the
// global ones and --help), for oracle tests of subcommands not yet registered there.
import { ApiClient } from '../runtime/api/client';
import type { ApiHandler } from '../runtime/api/types';
import { CancelController } from '../runtime/cancel';
import { VirtualClock } from '../runtime/clock';
import { parseFlags } from '../runtime/kubectl/flags';
import { GLOBAL_FLAGS } from '../runtime/kubectl/global-flags';
import { HELP_FLAG, printHelp } from '../runtime/kubectl/help/help-request';
import { commandPath } from '../runtime/kubectl/help/help-texts';
import type { KubectlSubcommand } from '../runtime/kubectl/subcommand';
import type { Volume } from '../runtime/shell/fs/volume';
import { stringInput } from '../runtime/shell/process';
import type { CommandResult } from './harness';

/** Where the subcommand runs: its files, environment and (when it talks to one) API server. */
export interface SubcommandWorld {
  fs: Volume;
  env: Record<string, string>;
  api?: ApiHandler;
  clock?: VirtualClock;
}

/** Runs `kubectl <args…>` with `subcommand` (args[0] is its name). */
export async function runSubcommand(
  subcommand: KubectlSubcommand,
  args: readonly string[],
  world: SubcommandWorld,
): Promise<CommandResult> {
  let stdout = '';
  let stderr = '';
  const out = { write: (t: string): void => void (stdout += t) };
  const err = { write: (t: string): void => void (stderr += t) };
  const argv = args.slice(1);
  const parsed = parseFlags(argv, [...GLOBAL_FLAGS, ...(subcommand.flagsFor?.(argv) ?? subcommand.flags), HELP_FLAG]);
  if (!parsed.ok) {
    err.write(`error: ${parsed.error}\nSee 'kubectl ${commandPath(args) || args[0]} --help' for usage.\n`);
    return { stdout, stderr, exitCode: 1 };
  }
  if (parsed.values.get('help') === true) return { stdout, stderr, exitCode: printHelp(args, out) };
  const exitCode = await subcommand.run({
    args: parsed.args,
    dashAt: parsed.dashAt,
    flags: parsed.values,
    stdout: out,
    stderr: err,
    api: new ApiClient(world.api ?? (() => Promise.reject(new Error('no API server')))),
    signal: new CancelController().signal,
    clock: world.clock ?? new VirtualClock(0),
    fs: world.fs,
    cwd: world.env.HOME ?? '/',
    stdin: stringInput(''),
    env: world.env,
  });
  return { stdout, stderr, exitCode };
}
