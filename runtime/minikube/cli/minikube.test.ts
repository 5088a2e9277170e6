import { describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../tests/harness';

/** Creates a Service through the API server (kubeplay's kubectl has no `expose` yet). */
async function createService(h: Harness, name: string, spec: object): Promise<void> {
  const response = await h.playground.cluster.api({
    method: 'POST',
    path: '/api/v1/namespaces/default/services',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec }),
  });
  expect(response.status).toBe(201);
}

describe('minikube subcommands, as minikube v1.37.0 prints them', () => {
  it('status, ip, version and node list read the cluster', async () => {
    const h = await createHarness();
    // status.go defaultStatusFormat, then a blank line.
    expect(await h.run('minikube status')).toEqual({
      stdout:
        'minikube\ntype: Control Plane\nhost: Running\nkubelet: Running\napiserver: Running\nkubeconfig: Configured\n\n',
      stderr: '',
      exitCode: 0,
    });
    // statusJSON: a single node's object, no newline.
    expect((await h.run('minikube status -o json')).stdout).toBe(
      '{"Name":"minikube","Host":"Running","Kubelet":"Running","APIServer":"Running","Kubeconfig":"Configured","Worker":false}',
    );
    expect((await h.run('minikube ip')).stdout).toBe('192.168.49.2\n');
    expect((await h.run('minikube version')).stdout).toBe(
      'minikube version: v1.37.0\ncommit: 65318f4cfff9c12cc87ec9eb8f4cdd57b25047f3\n',
    );
    expect((await h.run('minikube version --short')).stdout).toBe('v1.37.0\n');
    expect((await h.run('minikube node list')).stdout).toBe('minikube\t192.168.49.2\n');
    expect(await h.run('minikube frob')).toEqual({
      stdout: '',
      stderr: 'Error: unknown command "frob" for "minikube"\nRun \'minikube --help\' for usage.\n',
      exitCode: 14,
    });
    await h.playground.stop();
  });

  it('addons list shows the defaults enabled, in tablewriter v1 boxes', async () => {
    const h = await createHarness();
    const { stdout } = await h.run('minikube addons list');
    const lines = stdout.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '┌─────────────────────────────┬──────────┬───────────┬────────────────────────────────────────┐',
      '│         ADDON NAME          │ PROFILE  │  STATUS   │               MAINTAINER               │',
      '├─────────────────────────────┼──────────┼───────────┼────────────────────────────────────────┤',
      '│ ambassador                  │ minikube │ disabled  │ 3rd party (Ambassador)                 │',
    ]);
    expect(lines).toContain(
      '│ default-storageclass        │ minikube │ enabled ✅ │ Kubernetes                             │',
    );
    expect(lines).toContain(
      '│ dashboard                   │ minikube │ disabled  │ Kubernetes                             │',
    );
    expect(lines.length).toBe(40 + 4 + 1); // 40 addons, 3 rules and the header, the final newline
    await h.playground.stop();
  });

  it('service prints NodePort URLs, and says what has no node port or is missing', async () => {
    const h = await createHarness();
    await createService(h, 'web', {
      type: 'NodePort',
      selector: { app: 'web' },
      ports: [{ port: 80, targetPort: 8080, nodePort: 30080 }],
    });
    await createService(h, 'db', { selector: { app: 'db' }, ports: [{ name: 'pg', port: 5432 }] });
    expect((await h.run('minikube service list -n default')).stdout).toBe(
      [
        '┌───────────┬────────────┬──────────────┬───────────────────────────┐',
        '│ NAMESPACE │    NAME    │ TARGET PORT  │            URL            │',
        '├───────────┼────────────┼──────────────┼───────────────────────────┤',
        '│ default   │ db         │ No node port │                           │',
        '│ default   │ kubernetes │ No node port │                           │',
        '│ default   │ web        │ 80           │ http://192.168.49.2:30080 │',
        '└───────────┴────────────┴──────────────┴───────────────────────────┘',
        '',
      ].join('\n'),
    );
    // No pod runs behind web: CheckServicePods fails after the URL (the issue box is left out).
    expect(await h.run('minikube service web --url')).toEqual({
      stdout: 'http://192.168.49.2:30080\n\n\n',
      stderr: '❌  Exiting due to SVC_UNREACHABLE: service not available: no running pod for service web found\n',
      exitCode: 115,
    });
    expect(await h.run('minikube service db --url')).toEqual({
      stdout: '😿  service default/db has no node port\n',
      stderr:
        '❗  Services [default/db] have type "ClusterIP" not meant to be exposed, however for local development minikube allows you to access this !\n',
      exitCode: 0,
    });
    expect(await h.run('minikube service nope')).toEqual({
      stdout: '\n\n',
      stderr:
        "❌  Exiting due to SVC_NOT_FOUND: Service 'nope' was not found in 'default' namespace.\nYou may select another namespace by using 'minikube service nope -n <namespace>'. Or list out all the services using 'minikube service list'\n",
      exitCode: 115,
    });
    await h.playground.stop();
  });

  it('kubectl runs the shell kubectl with the arguments after --', async () => {
    const h = await createHarness();
    const result = await h.run('minikube kubectl -- get nodes -o name');
    expect(result).toEqual({ stdout: 'node/minikube\n', stderr: '', exitCode: 0 });
    await h.playground.stop();
  });
});
