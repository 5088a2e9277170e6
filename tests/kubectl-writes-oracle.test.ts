// Replays tests/fixtures/kubectl/writes.json (recorded from the real kubectl v1.34.5 by
// scripts/oracle/record-kubectl-writes.ts): each case on a fresh kubectl scenario, the write
// command run through kubeplay's subcommand, then the follow-up read through the shell, both
// required to print what the real kubectl printed.
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../runtime/api/client';
import { CancelController } from '../runtime/cancel';
import { annotate, label } from '../runtime/kubectl/label';
import { deleteCommand } from '../runtime/kubectl/delete';
import { parseFlags } from '../runtime/kubectl/flags';
import { GLOBAL_FLAGS } from '../runtime/kubectl/global-flags';
import type { FileContext } from '../runtime/kubectl/manifests';
import { scale } from '../runtime/kubectl/scale';
import type { KubectlSubcommand } from '../runtime/kubectl/subcommand';
import { Volume } from '../runtime/shell/fs/volume';
import { stringInput } from '../runtime/shell/process';
import { runOnVirtualTime } from '../runtime/script';
import recorded from './fixtures/kubectl/writes.json';
import { kubectlScenario } from './kubectl-scenario';
import { WRITE_CASES } from './kubectl-writes-cases';
import * as createFile from '../runtime/kubectl/create-file';
import * as apply from '../runtime/kubectl/apply';

const SUBCOMMANDS = new Map<string, KubectlSubcommand>(
  [deleteCommand, label, annotate, scale, createFile.createFromFiles, apply.apply].map((c) => [c.name, c]),
);
const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

describe('kubectl writes against the real kubectl v1.34.5', () => {
  recorded.forEach((expected, index) => {
    const testCase = WRITE_CASES[index];
    it(expected.args.join(' ') || '(no args)', async () => {
      const harness = await kubectlScenario();
      const subcommand = SUBCOMMANDS.get(expected.args[0]) as KubectlSubcommand;
      const fs = new Volume();
      for (const [path, text] of Object.entries(testCase.files ?? {})) fs.writeFile(`/work/${path}`, text);
      fs.mkdir('/work');
      let stdout = '';
      let stderr = '';
      let exitCode: number;
      const parsed = parseFlags(expected.args.slice(1), [...GLOBAL_FLAGS, ...subcommand.flags]);
      if (!parsed.ok) {
        stderr = `error: ${parsed.error}\nSee 'kubectl ${subcommand.name} --help' for usage.\n`;
        exitCode = 1;
      } else {
        const ctx: FileContext = {
          args: parsed.args,
          flags: parsed.values,
          stdout: { write: (t) => void (stdout += t) },
          stderr: { write: (t) => void (stderr += t) },
          api: new ApiClient(harness.playground.cluster.api),
          signal: new CancelController().signal,
          clock: harness.clock,
          env: {},
          fs,
          cwd: '/work',
          stdin: stringInput(testCase.stdin ?? ''),
        };
        const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
        exitCode = await runOnVirtualTime({ clock: harness.clock, settle }, subcommand.run(ctx));
      }
      expect({ stdout, stderr, exitCode }).toEqual({
        stdout: expected.stdout,
        stderr: expected.stderr,
        exitCode: expected.exitCode,
      });
      const followUp = await harness.run(`kubectl ${expected.followUp.args.map(quote).join(' ')}`);
      expect(followUp).toEqual({
        stdout: expected.followUp.stdout,
        stderr: expected.followUp.stderr,
        exitCode: expected.followUp.exitCode,
      });
      await harness.playground.stop();
    });
  });
});
