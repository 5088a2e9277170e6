// Replays tests/fixtures/kubectl/kustomize.json (recorded from the real kubectl v1.34.5 by
// scripts/oracle/record-kubectl-kustomize.ts): each case's files in a Volume at WORK_DIR, its
// commands through kubeplay's subcommands on a fresh kubectl scenario, the follow-up read through
// the shell, all required to print what the real kubectl printed.
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../runtime/api/client';
import { CancelController } from '../runtime/cancel';
import { apply } from '../runtime/kubectl/apply';
import { create } from '../runtime/kubectl/create';
import { deleteCommand } from '../runtime/kubectl/delete';
import { parseFlags } from '../runtime/kubectl/flags';
import { get } from '../runtime/kubectl/get';
import { GLOBAL_FLAGS } from '../runtime/kubectl/global-flags';
import { kustomize } from '../runtime/kubectl/kustomize';
import type { KubectlContext, KubectlSubcommand } from '../runtime/kubectl/subcommand';
import { runOnVirtualTime } from '../runtime/script';
import { Volume } from '../runtime/shell/fs/volume';
import { stringInput } from '../runtime/shell/process';
import recorded from './fixtures/kubectl/kustomize.json';
import type { Harness } from './harness';
import { KUSTOMIZE_CASES, WORK_DIR } from './kubectl-kustomize-cases';
import { kubectlScenario } from './kubectl-scenario';

const SUBCOMMANDS = new Map<string, KubectlSubcommand>(
  [kustomize, apply, create, deleteCommand, get].map((c) => [c.name, c]),
);

interface Ran {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs `args` through kubeplay's subcommand in `fs` at WORK_DIR, as kubectl.ts would. */
async function runSubcommand(harness: Harness, fs: Volume, args: string[]): Promise<Ran> {
  const subcommand = SUBCOMMANDS.get(args[0]) as KubectlSubcommand;
  const flags = subcommand.flagsFor?.(args.slice(1)) ?? subcommand.flags;
  const parsed = parseFlags(args.slice(1), [...GLOBAL_FLAGS, ...flags]);
  if (!parsed.ok) throw new Error(parsed.error);
  let stdout = '';
  let stderr = '';
  const ctx: KubectlContext = {
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
    cwd: WORK_DIR,
    stdin: stringInput(''),
  };
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const exitCode = await runOnVirtualTime({ clock: harness.clock, settle }, subcommand.run(ctx));
  return { stdout, stderr, exitCode };
}

const outcome = (ran: Ran): Ran => ({ stdout: ran.stdout, stderr: ran.stderr, exitCode: ran.exitCode });

describe('kubectl kustomize and -k against the real kubectl v1.34.5', () => {
  recorded.forEach((expected, index) => {
    const testCase = KUSTOMIZE_CASES[index];
    it(expected.args.join(' '), async () => {
      const harness = await kubectlScenario();
      const fs = new Volume(
        Object.fromEntries(Object.entries(testCase.files).map(([path, text]) => [`${WORK_DIR}/${path}`, text])),
      );
      fs.mkdir(WORK_DIR);
      for (const [i, before] of (testCase.before ?? []).entries()) {
        expect(await runSubcommand(harness, fs, before)).toEqual(outcome(expected.before[i]));
      }
      expect(await runSubcommand(harness, fs, testCase.args)).toEqual(outcome(expected));
      if (testCase.followUp && expected.followUp) {
        expect(await runSubcommand(harness, fs, testCase.followUp)).toEqual(outcome(expected.followUp));
      }
      await harness.playground.stop();
    });
  });
});
