// Replays tests/fixtures/kubectl/ops.json (recorded from the real kubectl v1.34.5 by
// scripts/oracle/record-kubectl-ops.ts): each case on a fresh kubectl scenario, the commands run
// through kubeplay's subcommands, the follow-up read through the shell, all required to print what
// the real kubectl printed. Normalised on both sides, where the real kubectl's own clock or Go's
// goroutines decide: ages in `events` (wall-clock time, not the cluster's), and the order of
// drain's per-pod lines (one goroutine per pod).
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../runtime/api/client';
import { CancelController } from '../runtime/cancel';
import { autoscale } from '../runtime/kubectl/autoscale';
import { cordon, uncordon } from '../runtime/kubectl/cordon';
import { drain } from '../runtime/kubectl/drain';
import { events } from '../runtime/kubectl/events';
import { expose } from '../runtime/kubectl/expose';
import { parseFlags } from '../runtime/kubectl/flags';
import { GLOBAL_FLAGS } from '../runtime/kubectl/global-flags';
import { run } from '../runtime/kubectl/run';
import type { KubectlContext, KubectlSubcommand } from '../runtime/kubectl/subcommand';
import { taint } from '../runtime/kubectl/taint';
import { top } from '../runtime/kubectl/top';
import { runOnVirtualTime } from '../runtime/script';
import { Volume } from '../runtime/shell/fs/volume';
import { stringInput } from '../runtime/shell/process';
import recorded from './fixtures/kubectl/ops.json';
import type { Harness } from './harness';
import { OPS_CASES, prepareOpsCase } from './kubectl-ops-cases';
import { kubectlScenario } from './kubectl-scenario';

const SUBCOMMANDS = new Map<string, KubectlSubcommand>(
  [run, expose, autoscale, cordon, uncordon, drain, taint, top, events].map((c) => [c.name, c]),
);
const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

interface Ran {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Runs `args` through kubeplay's subcommand, as kubectl.ts would once registered. */
async function runSubcommand(harness: Harness, args: string[]): Promise<Ran> {
  const subcommand = SUBCOMMANDS.get(args[0]) as KubectlSubcommand;
  const parsed = parseFlags(args.slice(1), [...GLOBAL_FLAGS, ...subcommand.flags]);
  if (!parsed.ok)
    return { stdout: '', stderr: `error: ${parsed.error}\nSee 'kubectl ${args[0]} --help' for usage.\n`, exitCode: 1 };
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
    fs: new Volume(),
    cwd: '/',
    stdin: stringInput(''),
  };
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const exitCode = await runOnVirtualTime({ clock: harness.clock, settle }, subcommand.run(ctx));
  return { stdout, stderr, exitCode };
}

/** Sorts each run of consecutive lines that `pattern` matches (lines Go's goroutines print in any order). */
function sortRuns(text: string, pattern: RegExp): string {
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    if (!pattern.test(lines[i])) out.push(lines[i++]);
    else {
      const run: string[] = [];
      while (i < lines.length && pattern.test(lines[i])) run.push(lines[i++]);
      out.push(...run.sort());
    }
  }
  return out.join('\n');
}

/** The normalisations the header describes. */
function normalise(args: string[], ran: Ran): Ran {
  let stdout = ran.stdout;
  if (args[0] === 'events')
    stdout = stdout.replace(/^((?:\S+ +)?)(?:\d+[smhdy](?:\d+[smhd])?|<unknown>|<invalid>) +/gm, '$1AGE ');
  if (args[0] === 'drain') stdout = sortRuns(sortRuns(stdout, /^evicting pod /), /^pod\/\S+ evicted$/);
  return { ...ran, stdout };
}

describe('kubectl run, expose, autoscale, node commands, top and events against the real kubectl v1.34.5', () => {
  recorded.forEach((expected, index) => {
    const testCase = OPS_CASES[index];
    it(expected.args.join(' '), async () => {
      const harness = await kubectlScenario();
      await prepareOpsCase(harness, testCase);
      for (const [i, before] of (testCase.before ?? []).entries()) {
        const want = expected.before[i];
        expect(await runSubcommand(harness, before)).toEqual({
          stdout: want.stdout,
          stderr: want.stderr,
          exitCode: want.exitCode,
        });
      }
      const got = normalise(testCase.args, await runSubcommand(harness, testCase.args));
      const want = normalise(testCase.args, expected);
      expect(got).toEqual({ stdout: want.stdout, stderr: want.stderr, exitCode: want.exitCode });
      if (expected.followUp) {
        const followUp = await harness.run(`kubectl ${expected.followUp.args.map(quote).join(' ')}`);
        expect(followUp).toEqual({
          stdout: expected.followUp.stdout,
          stderr: expected.followUp.stderr,
          exitCode: expected.followUp.exitCode,
        });
      }
      await harness.playground.stop();
    });
  });
});
