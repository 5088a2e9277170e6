// Runs each case that the real awk (mawk 1.3.4 20200120) ran (tests/fixtures/awk/results.json,
// re-recorded by scripts/oracle/record-awk.js) through kubeplay's awk, over a Volume holding the
// same files, and requires the same stdout, stderr, exit status and (where recorded) files.
import { expect, it } from 'vitest';
import { VirtualClock } from '../runtime/clock';
import type { ShellCommand } from '../runtime/shell/command';
import { awk, mawk } from '../runtime/shell/commands/awk';
import { SHELL_COMMANDS } from '../runtime/shell/commands';
import { Volume } from '../runtime/shell/fs/volume';
import fixture from './fixtures/awk/results.json';
import { runCommand } from './run-command';

const DIR = '/home/learner/t';
const COMMANDS = new Map<string, ShellCommand>([
  ...SHELL_COMMANDS.map((c) => [c.name, c] as const),
  ['awk', awk],
  ['mawk', mawk],
]);

interface Case {
  argv: string[];
  stdin?: string;
  env: Record<string, string>;
  stdout: string;
  stderr: string;
  exitCode: number;
  tree?: string[];
}

/** The recorder's directory: the same files. */
function caseVolume(clock: VirtualClock): Volume {
  const fs = new Volume({}, { now: () => clock.now() });
  fs.mkdir(DIR);
  for (const [path, text] of Object.entries(fixture.files as Record<string, string>)) {
    const full = `${DIR}/${path}`;
    fs.mkdir(full.slice(0, full.lastIndexOf('/')));
    fs.writeFile(full, text);
  }
  return fs;
}

/** The files under the directory, in the recorder's notation. */
function tree(fs: Volume, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.list(`${DIR}${rel}`)) {
    const path = `${rel}/${entry.name}`;
    if (entry.kind === 'directory') out.push(...tree(fs, path));
    else out.push(`${path.slice(1)} ${JSON.stringify(fs.readFile(`${DIR}${path}`))}`);
  }
  return out;
}

async function run(c: Case) {
  const clock = new VirtualClock(Date.UTC(2026, 10, 29, 7, 21, 11));
  const fs = caseVolume(clock);
  const command = COMMANDS.get(c.argv[0]) as ShellCommand;
  const result = await runCommand(command, { ...c, cwd: DIR, fs, clock, commands: COMMANDS });
  return { result, tree: c.tree ? tree(fs) : undefined };
}

const cases = fixture.cases as Case[];

it.each(cases.map((c) => [c.argv.slice(1).join(' ').slice(0, 120), c] as const))('awk %s', async (_name, c) => {
  const { result, tree: after } = await run(c);
  expect(result).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
  if (c.tree) expect(after).toEqual(c.tree);
});
