// Replays tests/fixtures/kubectl/streams.json (recorded from the real kubectl v1.34.5 by
// scripts/oracle/record-kubectl-streams.ts): kubectl logs and exec through kubeplay's
// subcommands on one scenario, the cases in order. Several pods' logs come in Go map order, so
// those cases compare their lines sorted.
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from '../runtime/api/client';
import { CancelController } from '../runtime/cancel';
import { exec } from '../runtime/kubectl/exec';
import { parseFlags } from '../runtime/kubectl/flags';
import { GLOBAL_FLAGS } from '../runtime/kubectl/global-flags';
import { logs } from '../runtime/kubectl/logs';
import type { KubectlSubcommand } from '../runtime/kubectl/subcommand';
import { runOnVirtualTime } from '../runtime/script';
import { Volume } from '../runtime/shell/fs/volume';
import { stringInput } from '../runtime/shell/process';
import recorded from './fixtures/kubectl/streams.json';
import type { Harness } from './harness';
import { kubectlScenario } from './kubectl-scenario';
import { STREAM_CASES } from './kubectl-streams-cases';

const SUBCOMMANDS = new Map<string, KubectlSubcommand>([logs, exec].map((c) => [c.name, c]));
const sortLines = (text: string): string => text.split('\n').sort().join('\n');

describe('kubectl logs and exec against the real kubectl v1.34.5', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await kubectlScenario();
  }, 60_000);

  recorded.forEach((expected, index) => {
    const testCase = STREAM_CASES[index];
    it(expected.args.join(' '), async () => {
      const subcommand = SUBCOMMANDS.get(expected.args[0]) as KubectlSubcommand;
      let stdout = '';
      let stderr = '';
      let exitCode: number;
      const parsed = parseFlags(expected.args.slice(1), [...GLOBAL_FLAGS, ...subcommand.flags]);
      if (!parsed.ok) {
        stderr = `error: ${parsed.error}\nSee 'kubectl ${subcommand.name} --help' for usage.\n`;
        exitCode = 1;
      } else {
        const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
        exitCode = await runOnVirtualTime(
          { clock: harness.clock, settle },
          subcommand.run({
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
            stdin: stringInput(testCase.stdin ?? ''),
          }),
        );
      }
      const normalise = testCase.unordered ? sortLines : (text: string) => text;
      expect({ stdout: normalise(stdout), stderr, exitCode }).toEqual({
        stdout: normalise(expected.stdout),
        stderr: expected.stderr,
        exitCode: expected.exitCode,
      });
    });
  });
});
