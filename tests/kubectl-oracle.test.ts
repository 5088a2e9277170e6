// Replays what the real kubectl v1.34.5 printed against kubeplay's API handler
// (tests/fixtures/kubectl/*.json, re-recorded by scripts/oracle/record-kubectl.ts) through
// kubeplay's own kubectl, and requires the same stdout, stderr and exit code.
import { describe, expect, it } from 'vitest';
import root from './fixtures/kubectl/root.json';
import version from './fixtures/kubectl/version.json';
import { createHarness } from './harness';

const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

describe.each([
  ['version', version],
  ['root', root],
])('kubectl %s matches the real kubectl', (_suite, cases) => {
  it.each(cases.map((c) => [c.args.join(' ') || '(no arguments)', c] as const))('kubectl %s', async (_name, c) => {
    const harness = await createHarness();
    const result = await harness.run(['kubectl', ...c.args].map(quote).join(' '));
    expect(result).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
  });
});
