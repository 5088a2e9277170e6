// Replays tests/fixtures/kubectl/workloads.json (recorded from the real kubectl v1.34.5 by
// scripts/oracle/record-kubectl-workloads.ts): each case on a fresh kubectl scenario, its
// commands run one after another through kubeplay's subcommands on virtual time, then the
// follow-up read through the shell, all required to print what the real kubectl printed.
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../runtime/api/client';
import { CancelController } from '../runtime/cancel';
import { create } from '../runtime/kubectl/create';
import { deleteCommand } from '../runtime/kubectl/delete';
import { parseFlags } from '../runtime/kubectl/flags';
import { GLOBAL_FLAGS } from '../runtime/kubectl/global-flags';
import type { FileContext } from '../runtime/kubectl/manifests';
import { patch } from '../runtime/kubectl/patch';
import { replace } from '../runtime/kubectl/replace';
import { rollout } from '../runtime/kubectl/rollout';
import { set } from '../runtime/kubectl/set';
import type { KubectlSubcommand } from '../runtime/kubectl/subcommand';
import { wait } from '../runtime/kubectl/wait';
import { Volume } from '../runtime/shell/fs/volume';
import { stringInput } from '../runtime/shell/process';
import { runOnVirtualTime } from '../runtime/script';
import recorded from './fixtures/kubectl/workloads.json';
import { kubectlScenario } from './kubectl-scenario';
import { WORKLOAD_CASES } from './kubectl-workloads-cases';
import type { Harness } from './harness';

const SUBCOMMANDS = new Map<string, KubectlSubcommand>(
  [create, deleteCommand, patch, replace, rollout, set, wait].map((c) => [c.name, c]),
);
/**
 * client-go's klog lines (`E1129 13:01:41.207817 11524 reflector.go:205] "Failed to watch" …`,
 * when a timeout cancels an informer's watch) carry the wall time and pid: the one run-to-run
 * text dropped from what the real kubectl printed.
 */
const withoutKlog = (text: string): string => text.replace(/^[EWI]\d{4} \d\d:\d\d:\d\d\.\d+ +\d+ [^\n]*\n/gm, '');
const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

/** Runs one kubectl command line through its subcommand, as kubectl.ts dispatches it. */
async function runStep(harness: Harness, fs: Volume, argv: string[]) {
  const subcommand = SUBCOMMANDS.get(argv[0]) as KubectlSubcommand;
  const rest = argv.slice(1);
  let stdout = '';
  let stderr = '';
  const parsed = parseFlags(rest, [...GLOBAL_FLAGS, ...(subcommand.flagsFor?.(rest) ?? subcommand.flags)]);
  if (!parsed.ok) {
    return {
      stdout,
      stderr: `error: ${parsed.error}\nSee 'kubectl ${subcommand.name} --help' for usage.\n`,
      exitCode: 1,
    };
  }
  const ctx: FileContext = {
    args: parsed.args,
    dashAt: parsed.dashAt,
    flags: parsed.values,
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
    api: new ApiClient(harness.playground.cluster.api),
    signal: new CancelController().signal,
    clock: harness.clock,
    env: {},
    fs,
    cwd: '/work',
    stdin: stringInput(''),
  };
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const exitCode = await runOnVirtualTime({ clock: harness.clock, settle }, subcommand.run(ctx));
  return { stdout, stderr, exitCode };
}

describe('kubectl rollout, set, patch, replace, wait against the real kubectl v1.34.5', () => {
  recorded.forEach((expected, index) => {
    const testCase = WORKLOAD_CASES[index];
    it(`${index}: ${expected.steps.map((s) => s.args.join(' ')).join('; ')}`, async () => {
      const harness = await kubectlScenario();
      const fs = new Volume();
      fs.mkdir('/work');
      for (const [path, text] of Object.entries(testCase.files ?? {})) fs.writeFile(`/work/${path}`, text);
      for (const step of expected.steps) {
        const ran = await runStep(harness, fs, step.args);
        expect({ args: step.args, ...ran }).toEqual({ ...step, stderr: withoutKlog(step.stderr) });
      }
      const followUp = await harness.run(`kubectl ${expected.followUp.args.map(quote).join(' ')}`);
      expect({ args: expected.followUp.args, ...followUp }).toEqual(expected.followUp);
      await harness.playground.stop();
    });
  });
});
