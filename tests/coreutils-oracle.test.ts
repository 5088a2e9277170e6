// Runs each case that the real GNU programs ran (tests/fixtures/coreutils/results.json, re-recorded
// by scripts/oracle/record-coreutils.js) through kubeplay's command of the same name, over a Volume
// holding the same files, and requires the same stdout, stderr, exit status and (where recorded)
// the same directory contents afterwards.
import { expect, it } from 'vitest';
import { VirtualClock } from '../runtime/clock';

import { SHELL_COMMANDS } from '../runtime/shell/commands';
import { Volume } from '../runtime/shell/fs/volume';
import fixture from './fixtures/coreutils/results.json';
import { runCommand } from './run-command';

const DIR = '/home/learner/t';
const COMMANDS = new Map(SHELL_COMMANDS.map((c) => [c.name, c]));

type FileSpec = string | null | { link: string } | { mode: number; data: string };

/** The recorder's directory, as the learner's: same files, modes and mtimes. */
function caseVolume(clock: VirtualClock): Volume {
  const system = new Volume({}, { now: () => clock.now() });
  system.mkdir(DIR);
  system.chown('/home/learner', 1000, 1000);
  system.chown(DIR, 1000, 1000);
  system.mkdir('/etc');
  system.writeFile('/etc/hostname', 'kubeplay\n');
  const fs = new Volume({}, { now: () => clock.now(), user: { uid: 1000, gid: 1000 } });
  fs.mount('/', system);
  for (const [path, spec] of Object.entries(fixture.files as Record<string, FileSpec>)) {
    const full = `${DIR}/${path.replace(/\/$/, '')}`;
    if (spec === null) fs.mkdir(full);
    else if (typeof spec === 'object' && 'link' in spec) fs.symlink(spec.link, full);
    else {
      fs.mkdir(full.slice(0, full.lastIndexOf('/')));
      fs.writeTo(full, typeof spec === 'string' ? spec : spec.data, {
        mode: typeof spec === 'string' ? 0o644 : spec.mode,
      });
    }
  }
  const stamp = (path: string): void => {
    for (const entry of fs.list(path)) {
      const child = `${path}/${entry.name}`;
      if (entry.kind === 'directory') stamp(child);
      fs.lutimes(child, entry.name === 'old.txt' ? fixture.oldMtime : fixture.mtime);
    }
  };
  stamp(DIR);
  fs.utimes(DIR, fixture.mtime);
  return fs;
}

/** The directory's contents in the recorder's notation. */
function tree(fs: Volume, rel = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.list(`${DIR}${rel}`)) {
    const path = `${rel}/${entry.name}`;
    const full = `${DIR}${path}`;
    const st = fs.lstat(full);
    const mode = st.mode.toString(8);
    if (st.kind === 'symlink') out.push(`l ${path.slice(1)} -> ${fs.readlink(full)}`);
    else if (st.kind === 'directory') out.push(`d ${mode} ${path.slice(1)}`, ...tree(fs, path));
    else out.push(`f ${mode} ${path.slice(1)} ${JSON.stringify(fs.readFile(full))}`);
  }
  return out;
}

/** Runs one case; resolves to what it printed and the tree afterwards. */
async function run(c: (typeof fixture.cases)[number]) {
  const clock = new VirtualClock(fixture.now);
  const fs = caseVolume(clock);
  const command = COMMANDS.get(c.argv[0]);
  if (!command) throw new Error(`no command ${c.argv[0]}`);
  const env = c.env as unknown as Record<string, string>;
  const result = await runCommand(command, { ...c, env, cwd: DIR, fs, clock, commands: COMMANDS });
  return { result, tree: 'tree' in c ? tree(fs) : undefined };
}

it.each(fixture.cases.map((c) => [c.argv.join(' '), c] as const))('%s', async (_name, c) => {
  const { result, tree: after } = await run(c);
  expect(result).toEqual({ stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode });
  if ('tree' in c) expect(after).toEqual(c.tree);
});
