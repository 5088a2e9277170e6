// Every help text recorded from the real kubectl v1.34.5 (runtime/kubectl/help/, re-recorded by
// scripts/oracle/record-kubectl-help.ts) printed by kubeplay's kubectl for `--help` and `-h`, and
// what the real kubectl printed for `help …`, `options` and group commands run without their
// subcommand (tests/fixtures/kubectl/help.json).
import { beforeAll, describe, expect, it } from 'vitest';
import { HELP_TEXTS } from '../runtime/kubectl/help/help-texts';
import cases from './fixtures/kubectl/help.json';
import { createHarness, type Harness } from './harness';

describe('kubectl help matches the real kubectl', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await createHarness(undefined, false);
  }, 60_000);

  it.each([...HELP_TEXTS.keys()])('kubectl %s --help', async (path) => {
    const expected = { stdout: HELP_TEXTS.get(path), stderr: '', exitCode: 0 };
    expect(await harness.run(`kubectl ${path} --help`)).toEqual(expected);
    expect(await harness.run(`kubectl -n dev ${path} -h`)).toEqual(expected);
  });

  // `options` runs a subcommand of its own: tests/kubectl-config-oracle.test.ts replays it.
  const shellCases = cases.filter((c) => c.args[0] !== 'options');
  it.each(shellCases.map((c) => [c.args.join(' '), c] as const))('kubectl %s', async (_name, c) => {
    const result = await harness.run(['kubectl', ...c.args].join(' '));
    expect(result).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
  });
});
