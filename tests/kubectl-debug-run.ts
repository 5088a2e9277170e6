// Runs `kubectl debug …` through kubeplay's subcommand on a harness, on virtual time, as
// kubectl.ts would once it is registered.
import { ApiClient } from '../runtime/api/client';
import { CancelController } from '../runtime/cancel';
import { debug } from '../runtime/kubectl/debug';
import { parseFlags } from '../runtime/kubectl/flags';
import { GLOBAL_FLAGS } from '../runtime/kubectl/global-flags';
import { runOnVirtualTime } from '../runtime/script';
import { Volume } from '../runtime/shell/fs/volume';
import { stringInput } from '../runtime/shell/process';
import type { Harness } from './harness';

/** What a command printed and its exit code. */
export interface Ran {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs `kubectl debug …` through kubeplay's subcommand, as kubectl.ts would once registered. */
export async function runDebug(harness: Harness, args: string[]): Promise<Ran> {
  const parsed = parseFlags(args.slice(1), [...GLOBAL_FLAGS, ...debug.flags]);
  if (!parsed.ok) throw new Error(parsed.error);
  let stdout = '';
  let stderr = '';
  const exitCode = await runOnVirtualTime(
    { clock: harness.clock, settle },
    debug.run({
      args: parsed.args,
      dashAt: parsed.dashAt,
      flags: parsed.values,
      stdout: { write: (t) => void (stdout += t) },
      stderr: { write: (t) => void (stderr += t) },
      api: new ApiClient(harness.playground.cluster.api),
      signal: new CancelController().signal,
      clock: harness.clock,
      env: {},
      fs: new Volume(),
      cwd: '/',
      stdin: stringInput(''),
    }),
  );
  return { stdout, stderr, exitCode };
}
