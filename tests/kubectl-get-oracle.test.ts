// Replays what the real kubectl v1.34.5 printed for `kubectl get` against the scenario of
// kubectl-scenario.ts (tests/fixtures/kubectl/get.json, re-recorded by
// scripts/oracle/record-kubectl-get.ts) through kubeplay's kubectl on the same scenario.
import { beforeAll, describe, expect, it } from 'vitest';
import cases from './fixtures/kubectl/get.json';
import type { Harness } from './harness';
import { kubectlScenario } from './kubectl-scenario';

const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

describe('kubectl get matches the real kubectl', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await kubectlScenario();
  }, 60_000);

  it.each(cases.map((c) => [c.args.join(' '), c] as const))('kubectl %s', async (_name, c) => {
    // A watch waits while the clock runs on (ages grow): each gets a scenario of its own.
    const watching = c.args.includes('--request-timeout=2s');
    const on = watching ? await kubectlScenario() : harness;
    const now = on.clock.now();
    const result = await on.run(['kubectl', ...c.args].map(quote).join(' '));
    // Reads only: the cluster clock must not have moved, or ages would differ.
    if (!watching) expect(on.clock.now()).toBe(now);
    expect(result).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
    if (watching) await on.playground.stop();
  });
});
