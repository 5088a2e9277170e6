// Types each line that the real bash ran (tests/fixtures/bash/results.json, re-recorded by
// scripts/oracle/record-bash.js) into kubeplay's shell and requires the same stdout, stderr and
// exit status.
import { expect, it } from 'vitest';
import results from './fixtures/bash/results.json';
import { createHarness } from './harness';

it.each(results.map((c) => [c.line, c] as const))('%s', async (_line, c) => {
  const harness = await createHarness();
  expect(await harness.run(c.line)).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
});
