// Types each case that the real bash ran (tests/fixtures/bash/results.json, re-recorded by
// scripts/oracle/record-bash.js) into kubeplay's shell and requires the same stdout, stderr and
// exit status. Each case starts in a fresh empty directory, as the recorder's did.
import { expect, it } from 'vitest';
import results from './fixtures/bash/results.json';
import { createHarness } from './harness';

/** The recorder's working directory for each case (scripts/oracle/record-bash.js). */
const CASE_DIR = '/tmp/kubeplay-bash-oracle/case';

it.each(results.map((c) => [c.line, c] as const))('%s', async (_line, c) => {
  const harness = await createHarness(undefined, false);
  harness.session.fs.mkdir(CASE_DIR);
  await harness.run(`cd ${CASE_DIR}`);
  expect(await harness.run(c.line)).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
});
