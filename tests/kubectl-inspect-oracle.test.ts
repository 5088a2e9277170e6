// Replays what the real kubectl v1.34.5 printed for the discovery and inspection commands
// (tests/fixtures/kubectl/inspect.json, re-recorded by scripts/oracle/record-kubectl-inspect.ts)
// through kubeplay's kubectl on the same scenario, cases in the recorded order (diff's dry runs
// draw from the server's seeded random source as the recorded ones did).
import { beforeAll, describe, expect, it } from 'vitest';
import { apiResources, apiVersions } from '../runtime/kubectl/api-resources';
import { auth } from '../runtime/kubectl/auth';
import { certificate } from '../runtime/kubectl/certificate';
import { clusterInfo } from '../runtime/kubectl/cluster-info';
import { diff } from '../runtime/kubectl/diff';
import { explain } from '../runtime/kubectl/explain';
import { plugin } from '../runtime/kubectl/plugin';
import { minikubeKubeconfig } from '../runtime/kubectl/kubeconfig/minikube-kubeconfig';
import type { KubectlSubcommand } from '../runtime/kubectl/subcommand';
import { Volume } from '../runtime/shell/fs/volume';
import cases from './fixtures/kubectl/inspect.json';
import type { Harness } from './harness';
import { kubectlScenario } from './kubectl-scenario';
import { runSubcommand } from './kubectl-run-subcommand';

const HOME = '/home/docker';
const SUBCOMMANDS = new Map<string, KubectlSubcommand>(
  [apiResources, apiVersions, auth, certificate, clusterInfo, diff, explain, plugin].map((c) => [c.name, c]),
);

/** The served address, temporary folders and diff's timestamps, as the recorder wrote them. */
const normalise = (text: string): string =>
  text
    .replaceAll('https://192.168.49.2:8443', 'SERVER')
    .replaceAll('WORKDIR', HOME)
    .replace(/\/tmp\/(LIVE|MERGED)-\d+/g, '/tmp/$1-N')
    .replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} [+-]\d{4}$/gm, '\tTIME');

/** A dump's outline: the first lines of each list (kind, apiVersion, resourceVersion) and every log line. */
function dumpOutline(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let inLogs = false;
  lines.forEach((line, i) => {
    if (line === '{') out.push(...lines.slice(i, i + 6));
    if (line.startsWith('==== START')) inLogs = true;
    if (inLogs) out.push(line);
    if (line.startsWith('==== END')) inLogs = false;
  });
  return out;
}

describe('kubectl discovery and inspection commands match the real kubectl', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await kubectlScenario();
  }, 60_000);

  it.each(cases.map((c) => [c.args.join(' '), c] as const))('kubectl %s', async (_name, c) => {
    const subcommand = SUBCOMMANDS.get(c.args[0]);
    if (!subcommand) return;
    const fs = new Volume();
    fs.mkdir(HOME);
    fs.mkdir(`${HOME}/.kube`);
    fs.writeFile(`${HOME}/.kube/config`, minikubeKubeconfig(HOME, harness.clock.now()));
    for (const [name, text] of Object.entries(c.files ?? {})) fs.writeFile(`${HOME}/${name}`, text);
    for (const dir of ['/usr', '/usr/local', '/usr/local/bin', '/usr/bin', '/bin']) fs.mkdir(dir);
    const env = { HOME, PATH: '/usr/local/bin:/usr/bin:/bin:/opt/no-such-folder' };
    const result = await runSubcommand(subcommand, c.args, {
      fs,
      env,
      api: harness.playground.cluster.api,
      clock: harness.clock,
    });
    if (c.args[0] === 'cluster-info' && c.args[1] === 'dump') {
      // The dump's objects keep the server's field order, not Go's struct order: only its
      // outline is compared (each list's head, the log sections and what they hold).
      expect(dumpOutline(result.stdout)).toEqual(dumpOutline(c.stdout));
      expect({ stderr: result.stderr, exitCode: result.exitCode }).toEqual({ stderr: c.stderr, exitCode: c.exitCode });
      return;
    }
    expect({ ...result, stdout: normalise(result.stdout), stderr: normalise(result.stderr) }).toEqual({
      stdout: normalise(c.stdout),
      stderr: normalise(c.stderr),
      exitCode: c.exitCode,
    });
  });
});
