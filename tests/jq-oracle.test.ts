// Runs each case that the real jq 1.6 ran (tests/fixtures/jq/results.json, re-recorded by
// scripts/oracle/record-jq.js) through kubeplay's jq, over a Volume holding the same files, and
// requires the same stdout, stderr and exit status.
import { expect, it } from 'vitest';
import { VirtualClock } from '../runtime/clock';

import { jq } from '../runtime/shell/commands/jq/jq';
import { Volume } from '../runtime/shell/fs/volume';
import fixture from './fixtures/jq/results.json';
import { runCommand } from './run-command';

const DIR = '/home/learner/t';

interface Case {
  argv: string[];
  stdin?: string;
  env: Record<string, string>;
  stdout: string;
  stderr: string;
  exitCode: number;
}

const files = fixture.files as Record<string, string | null>;
const cases = fixture.cases as Case[];

/** The recorder's directory: the same files under the learner's home. */
function caseVolume(clock: VirtualClock): Volume {
  const fs = new Volume({}, { now: () => clock.now() });
  fs.mkdir(DIR);
  for (const [path, text] of Object.entries(files)) {
    const full = `${DIR}/${path.replace(/\/$/, '')}`;
    if (text === null) fs.mkdir(full);
    else fs.writeFile(full, text);
  }
  return fs;
}

async function run(c: Case): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const clock = new VirtualClock(Date.UTC(2026, 10, 29, 7, 21, 11));
  const fs = caseVolume(clock);
  return runCommand(jq, { ...c, cwd: DIR, fs, clock });
}

it.each(cases.map((c) => [c.argv.slice(1).join(' '), c] as const))('jq %s', async (_name, c) => {
  expect(await run(c)).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
});
