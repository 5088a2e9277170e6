// Runs each case that the real GNU sed 4.9 ran (tests/fixtures/sed/results.json, re-recorded by
// scripts/oracle/record-sed.js) through kubeplay's sed, over a Volume holding the same files, and
// requires the same stdout, stderr, exit status and (where recorded) the same files afterwards.
import { expect, it } from 'vitest';
import { VirtualClock } from '../runtime/clock';

import { sed } from '../runtime/shell/commands/sed';
import { Volume } from '../runtime/shell/fs/volume';
import fixture from './fixtures/sed/results.json';
import { runCommand } from './run-command';

const DIR = '/home/learner/t';

interface Case {
  argv: string[];
  stdin?: string;
  env: Record<string, string>;
  stdout: string;
  stderr: string;
  exitCode: number;
  tree?: string[];
}

const cases = fixture.cases as Case[];

/** The recorder's directory: the same files (mode 0644), directories and symlinks. */
function caseVolume(clock: VirtualClock): Volume {
  const fs = new Volume({}, { now: () => clock.now() });
  fs.mkdir(DIR);
  for (const [path, data] of Object.entries(fixture.files as Record<string, string | null | { link: string }>)) {
    const full = `${DIR}/${path.replace(/\/$/, '')}`;
    if (data === null) fs.mkdir(full);
    else if (typeof data === 'object') fs.symlink(data.link, full);
    else fs.writeFile(full, data, 0o644);
  }
  return fs;
}

/** The directory's files in the recorder's notation: mode, path, contents (or a link's target). */
function tree(fs: Volume, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.list(`${DIR}${rel}`)) {
    const path = `${rel}/${entry.name}`;
    if (entry.kind === 'symlink') out.push(`l ${path.slice(1)} -> ${fs.readlink(`${DIR}${path}`)}`);
    else if (entry.kind === 'directory') out.push(...tree(fs, path));
    else
      out.push(
        `${fs.stat(`${DIR}${path}`).mode.toString(8)} ${path.slice(1)} ${JSON.stringify(fs.readFile(`${DIR}${path}`))}`,
      );
  }
  return out;
}

async function run(c: Case) {
  const clock = new VirtualClock(0);
  const fs = caseVolume(clock);
  const result = await runCommand(sed, { ...c, cwd: DIR, fs, clock });
  return { result, tree: c.tree ? tree(fs) : undefined };
}

it.each(cases.map((c) => [JSON.stringify(c.argv.slice(1)), c] as const))('sed %s', async (_name, c) => {
  const { result, tree: after } = await run(c);
  expect(result).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
  if (c.tree) expect(after).toEqual(c.tree);
});
