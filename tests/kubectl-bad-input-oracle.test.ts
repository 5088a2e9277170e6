// Replays tests/fixtures/kubectl/bad-input.json and apply-server-side.json (recorded from the real
// kubectl v1.34.5 by scripts/oracle/record-kubectl-bad-input.ts) as
// tests/kubectl-writes-oracle.test.ts replays its cases: setup commands and the follow-up read
// through the shell, the command through kubeplay's subcommand.
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
import badInput from './fixtures/kubectl/bad-input.json';
import serverSide from './fixtures/kubectl/apply-server-side.json';
import { SERVER_SIDE_CASES, type SetupCase } from './kubectl-apply-server-side-cases';
import prune from './fixtures/kubectl/apply-prune.json';
import { PRUNE_CASES } from './kubectl-apply-prune-cases';
import { kubectlScenario } from './kubectl-scenario';
import { BAD_INPUT_CASES } from './kubectl-bad-input-cases';
import * as createFile from '../runtime/kubectl/create-file';
import * as apply from '../runtime/kubectl/apply';

const SUBCOMMANDS = new Map<string, KubectlSubcommand>(
  [deleteCommand, label, annotate, scale, createFile.createFromFiles, apply.apply].map((c) => [c.name, c]),
);

/** Text with klog headers' time and process id (which differ run to run) blanked. */
const klogFree = (text: string): string => text.replace(/^([IWE])\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, '$1<klog> ');

const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

const SUITES: Array<[string, typeof badInput, SetupCase[]]> = [
  ['bad -f input', badInput, BAD_INPUT_CASES],
  ['apply --server-side', serverSide, SERVER_SIDE_CASES],
  ['apply --prune', prune, PRUNE_CASES],
];

describe.each(SUITES)('kubectl %s against the real kubectl v1.34.5', (_name, recorded, cases) => {
  recorded.forEach((expected, index) => {
    const testCase = cases[index];
    it(expected.args.join(' ') || '(no args)', async () => {
      const harness = await kubectlScenario();
      if (testCase.setup) {
        for (const [path, text] of Object.entries(testCase.files ?? {}))
          await harness.run(`cat > ${path} <<'EOF'\n${text}EOF`);
        for (const setup of testCase.setup) await harness.run(`kubectl ${setup.map(quote).join(' ')}`);
      }
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
      const wanted = { stdout: expected.stdout, stderr: klogFree(expected.stderr), exitCode: expected.exitCode };
      const got = { stdout, stderr: klogFree(stderr), exitCode };
      expect(got).toEqual(wanted);
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
