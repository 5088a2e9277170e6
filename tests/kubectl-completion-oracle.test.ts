// Replays tests/fixtures/kubectl/completion.json (recorded from the real kubectl v1.34.5 by
// scripts/oracle/record-kubectl-completion.ts) through kubeplay's `kubectl completion`: the same
// script (by its SHA-256), the same errors, the same exit codes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { completion } from '../runtime/kubectl/completion';
import { Volume } from '../runtime/shell/fs/volume';
import recorded from './fixtures/kubectl/completion.json';
import { runSubcommand } from './kubectl-run-subcommand';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The dispatcher's view: the global flags before the subcommand's name go after it. */
function subcommandArgs(args: readonly string[]): string[] {
  const at = args.indexOf('completion');
  return ['completion', ...args.slice(0, at), ...args.slice(at + 1)];
}

describe('kubectl completion matches the real kubectl', () => {
  it.each(recorded.map((c) => [c.args.join(' '), c] as const))('kubectl %s', async (_name, c) => {
    const ran = await runSubcommand(completion, subcommandArgs(c.args), { fs: new Volume(), env: {} });
    const stdout = 'stdoutSha256' in c ? { stdoutSha256: sha256(ran.stdout) } : { stdout: ran.stdout };
    expect({ ...stdout, stderr: ran.stderr, exitCode: ran.exitCode }).toEqual({
      ...('stdoutSha256' in c ? { stdoutSha256: c.stdoutSha256 } : { stdout: c.stdout }),
      stderr: c.stderr,
      exitCode: c.exitCode,
    });
  });
});
