import { describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../tests/harness';

/** The `==> NAME <==` headers of a `minikube logs` output, in order. */
const headers = (stdout: string): string[] => [...stdout.matchAll(/^==> (.*) <==$/gm)].map((m) => m[1]);

/** The text of section `name`, up to the next header. */
function section(stdout: string, name: string): string {
  const start = stdout.indexOf(`==> ${name} <==\n`) + `==> ${name} <==\n`.length;
  const end = stdout.indexOf('\n==> ', start);
  return stdout.slice(start, end < 0 ? undefined : end + 1);
}

async function runningCluster(): Promise<Harness> {
  const h = await createHarness();
  await h.run('sleep 120');
  return h;
}

describe('minikube logs, as minikube v1.37.0 prints it', () => {
  it('prints the audit, the last start, then every section sorted by name', async () => {
    const h = await runningCluster();
    await h.run('minikube ip');
    await h.run('minikube status');
    await h.run('minikube addons list');
    const { stdout, stderr, exitCode } = await h.run('minikube logs');
    expect({ stderr, exitCode }).toEqual({ stderr: '', exitCode: 0 });
    const ids = (await h.run('minikube ssh -- docker ps')).stdout;
    const idOf = (container: string): string => new RegExp(`^(\\w{12}) .* k8s_${container}_`, 'm').exec(ids)?.[1] ?? '';
    expect(headers(stdout)).toEqual([
      'Audit',
      'Last Start',
      'Docker',
      'container status',
      `coredns [${idOf('coredns')}]`,
      'describe nodes',
      'dmesg',
      `etcd [${idOf('etcd')}]`,
      'kernel',
      `kube-apiserver [${idOf('kube-apiserver')}]`,
      `kube-controller-manager [${idOf('kube-controller-manager')}]`,
      `kube-proxy [${idOf('kube-proxy')}]`,
      `kube-scheduler [${idOf('kube-scheduler')}]`,
      'kubelet',
      `storage-provisioner [${idOf('storage-provisioner')}]`,
    ]);
    // OutputAudit: a blank line first; status and logs are never audited; `ip` and `addons` are.
    expect(stdout.startsWith('\n==> Audit <==\n')).toBe(true);
    expect(section(stdout, 'Audit')).toBe(
      [
        '┌─────────┬──────┬──────────┬─────────┬─────────┬─────────────────────┬─────────────────────┐',
        '│ Command │ Args │ Profile  │  User   │ Version │     Start Time      │      End Time       │',
        '├─────────┼──────┼──────────┼─────────┼─────────┼─────────────────────┼─────────────────────┤',
        '│ start   │      │ minikube │ learner │ v1.37.0 │ 01 Jan 26 00:00 UTC │ 01 Jan 26 00:00 UTC │',
        '│ ip      │      │ minikube │ learner │ v1.37.0 │ 01 Jan 26 00:02 UTC │ 01 Jan 26 00:02 UTC │',
        '│ addons  │ list │ minikube │ learner │ v1.37.0 │ 01 Jan 26 00:02 UTC │ 01 Jan 26 00:02 UTC │',
        '└─────────┴──────┴──────────┴─────────┴─────────┴─────────────────────┴─────────────────────┘',
        '', // the table's own newline, then out.Styled's
        '',
        '', // OutputLastStart's blank line
      ].join('\n'),
    );
    // Two blank lines between sections: the output's own last newline, out.Styled's, then Output's.
    expect(stdout).toContain('\n\n\n==> container status <==\n');
    // describe nodes is what `kubectl describe nodes` prints.
    expect(section(stdout, 'describe nodes')).toBe(`${(await h.run('kubectl describe nodes')).stdout}\n\n`);
    expect(section(stdout, 'kernel')).toBe(
      [
        ' 00:02:00 up 2 min,  0 users,  load average: 0.52, 0.41, 0.33',
        'Linux minikube 6.8.0-1044-azure #50-Ubuntu SMP Wed Nov  5 18:28:30 UTC 2025 x86_64 x86_64 x86_64 GNU/Linux',
        'PRETTY_NAME="Ubuntu 22.04.5 LTS"',
        '',
        '',
        '',
      ].join('\n'),
    );
    // Each container section is its log, read through the API.
    expect(section(stdout, `etcd [${idOf('etcd')}]`)).toBe(
      `${(await h.run('kubectl logs -n kube-system etcd-minikube --tail 60')).stdout}\n\n`,
    );
    await h.playground.stop();
  });

  it('container status is crictl ps -a through cri-dockerd', async () => {
    const h = await runningCluster();
    const { stdout } = await h.run('minikube logs');
    const lines = section(stdout, 'container status').split('\n');
    expect(lines[0]).toBe(
      'CONTAINER           IMAGE               CREATED              STATE               NAME                      ATTEMPT             POD ID              POD                                NAMESPACE',
    );
    const etcd = lines.find((l) => / etcd /.test(l)) ?? '';
    expect(etcd).toMatch(
      /^[0-9a-f]{13} {7}[0-9a-f]{13} {7}2 minutes ago {8}Running {13}etcd {22}0 {19}[0-9a-f]{13} {7}etcd-minikube {22}kube-system$/,
    );
    // The POD ID is the sandbox docker ps shows, with a 13th digit.
    const sandbox = /^(\w{12}) .*k8s_POD_etcd-minikube_/m.exec((await h.run('minikube ssh -- docker ps')).stdout)?.[1];
    expect(etcd.split(/ {2,}/)[6].slice(0, 12)).toBe(sandbox);
    await h.playground.stop();
  });

  it('-n cuts every log; --audit and --last-start-only print one part', async () => {
    const h = await runningCluster();
    const { stdout } = await h.run('minikube logs -n 2');
    expect(section(stdout, 'kubelet').split('\n').filter(Boolean)).toHaveLength(2);
    expect(section(stdout, 'Docker').split('\n').filter(Boolean)).toHaveLength(2);
    expect(await h.run('minikube logs --audit -n 1')).toEqual({
      stdout: [
        '',
        '==> Audit <==',
        '┌─────────┬──────┬──────────┬─────────┬─────────┬─────────────────────┬─────────────────────┐',
        '│ Command │ Args │ Profile  │  User   │ Version │     Start Time      │      End Time       │',
        '├─────────┼──────┼──────────┼─────────┼─────────┼─────────────────────┼─────────────────────┤',
        '│ start   │      │ minikube │ learner │ v1.37.0 │ 01 Jan 26 00:00 UTC │ 01 Jan 26 00:00 UTC │',
        '└─────────┴──────┴──────────┴─────────┴─────────┴─────────────────────┴─────────────────────┘',
        '',
        '',
      ].join('\n'),
      stderr: '',
      exitCode: 0,
    });
    const lastStart = (await h.run('minikube logs --last-start-only')).stdout.split('\n');
    expect(lastStart.slice(0, 7)).toEqual([
      '',
      '==> Last Start <==',
      'Log file created at: 2026/01/01 00:00:00',
      'Running on machine: kubeplay',
      'Binary: Built with gc go1.24.6 for linux/amd64',
      'Log line format: [IWEF]mmdd hh:mm:ss.uuuuuu threadid file:line] msg',
      'I0101 00:00:00.000000    2417 out.go:360] Setting OutFile to fd 1 ...',
    ]);
    expect(lastStart).toContain('I0101 00:00:00.028000    2417 out.go:179] 😄  minikube v1.37.0 on Ubuntu 24.04');
    await h.playground.stop();
  });

  it('a start in the session becomes the last start; --file writes the logs to a file', async () => {
    const h = await runningCluster();
    await h.run('minikube start --driver=docker');
    const lastStart = (await h.run('minikube logs --last-start-only')).stdout;
    expect(lastStart).toContain('out.go:179] 🏃  Updating the running docker "minikube" container ...\n');
    expect((await h.run('minikube logs --audit')).stdout).toContain(
      '│ start   │ --driver=docker │ minikube │ learner │ v1.37.0 │ 01 Jan 26 00:02 UTC │ 01 Jan 26 00:02 UTC │',
    );
    expect(await h.run('minikube logs --file=logs.txt')).toEqual({
      stdout: '✅  Logs file created (logs.txt), remember to include it when reporting issues!\n',
      stderr: '',
      exitCode: 0,
    });
    expect(headers((await h.run('cat logs.txt')).stdout)).toContain('kubelet');
    await h.playground.stop();
  });

  it('refuses an unknown flag and a length that is not a number', async () => {
    const h = await createHarness();
    expect(await h.run('minikube logs --nope')).toEqual({
      stdout: '',
      stderr: "Error: unknown flag: --nope\nSee 'minikube logs --help' for usage.\n",
      exitCode: 14,
    });
    expect((await h.run('minikube logs -n x')).stderr).toBe(
      'Error: invalid argument "x" for "-n, --length" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'minikube logs --help\' for usage.\n',
    );
    await h.playground.stop();
  });
});
