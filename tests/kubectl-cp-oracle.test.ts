// Replays tests/fixtures/kubectl/cp.json (recorded from the real kubectl v1.34.5 by
// scripts/oracle/record-kubectl-cp.ts): kubectl cp, and the execs that read what it copied,
// through kubeplay's subcommands on one scenario in order, from a working directory holding
// LOCAL_FILES; then the local files must be what the real kubectl left. tar's last complaint
// ("error exit delayed …") races the real kubectl's exit, so it is dropped on both sides.
import { beforeAll, describe, expect, it } from 'vitest';
import { cp } from '../runtime/kubectl/cp';
import { exec } from '../runtime/kubectl/exec';
import type { KubectlSubcommand } from '../runtime/kubectl/subcommand';
import { runOnVirtualTime } from '../runtime/script';
import { Volume } from '../runtime/shell/fs/volume';
import recorded from './fixtures/kubectl/cp.json';
import type { Harness } from './harness';
import { LOCAL_FILES } from './kubectl-cp-cases';
import { runSubcommand } from './kubectl-run-subcommand';
import { kubectlScenario } from './kubectl-scenario';

const HOME = '/home/learner';
const SUBCOMMANDS = new Map<string, KubectlSubcommand>([cp, exec].map((c) => [c.name, c]));
const racy = (text: string): string => text.replace('tar: error exit delayed from previous errors\n', '');

/** The files under `dir`, as the recorder lists them. */
function tree(fs: Volume, dir: string, prefix = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.list(`${dir}/${prefix}`)) {
    const path = `${prefix}${entry.name}`;
    if (entry.directory) Object.assign(files, { [`${path}/`]: '' }, tree(fs, dir, `${path}/`));
    else files[path] = fs.readFile(`${dir}/${path}`);
  }
  return files;
}

describe('kubectl cp against the real kubectl v1.34.5', () => {
  let harness: Harness;
  const fs = new Volume();
  beforeAll(async () => {
    harness = await kubectlScenario();
    for (const [path, text] of Object.entries(LOCAL_FILES)) fs.writeFile(`${HOME}/${path}`, text);
  }, 60_000);

  recorded.cases.forEach((expected) => {
    it(expected.args.join(' '), async () => {
      const subcommand = SUBCOMMANDS.get(expected.args[0]) as KubectlSubcommand;
      const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
      const ran = await runOnVirtualTime(
        { clock: harness.clock, settle },
        runSubcommand(subcommand, expected.args, { fs, env: { HOME }, api: harness.playground.cluster.api }),
      );
      expect({ ...ran, stdout: racy(ran.stdout) }).toEqual({
        stdout: racy(expected.stdout),
        stderr: expected.stderr,
        exitCode: expected.exitCode,
      });
    });
  });

  it('leaves the local files the real kubectl left', () => {
    const sorted = Object.entries(tree(fs, HOME)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    expect(Object.fromEntries(sorted)).toEqual(recorded.localFiles);
  });
});
