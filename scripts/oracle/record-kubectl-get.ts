// Re-records tests/fixtures/kubectl/get.json: the real kubectl v1.34.5 against the scenario of
// tests/kubectl-scenario.ts (served over HTTP on 127.0.0.1); tests replay each case through
// kubeplay's kubectl on the same scenario and require the same stdout, stderr and exit code.
//   npx tsx scripts/oracle/record-kubectl-get.ts
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubectlScenario } from '../../tests/kubectl-scenario';
import { kubectlBinary } from './kubectl-binary.js';

/** Each case is one kubectl argument list. */
const CASES: string[][] = [
  ['get', 'pods'],
  ['get', 'po', '-o', 'wide'],
  ['get', 'pods', '-A'],
  ['get', 'pods', '--all-namespaces', '-o', 'wide'],
  ['get', 'pods', '--show-labels'],
  ['get', 'pods', '-L', 'app,tier'],
  ['get', 'pods', '-L', 'app', '-L', 'run', '--show-labels'],
  ['get', 'pods', '--show-kind'],
  ['get', 'pods', '--no-headers'],
  ['get', 'pods,svc'],
  ['get', 'pods,svc', '--no-headers'],
  ['get', 'all'],
  ['get', 'all', '-A'],
  ['get', 'deploy'],
  ['get', 'deployments.apps', '-o', 'wide'],
  ['get', 'rs'],
  ['get', 'rs', '-A', '-o', 'wide'],
  ['get', 'svc'],
  ['get', 'svc', '-o', 'wide'],
  ['get', 'service', 'web'],
  ['get', 'nodes'],
  ['get', 'no', '-o', 'wide'],
  ['get', 'ns'],
  ['get', 'namespaces', '--show-labels'],
  ['get', 'pods', '-l', 'app=web'],
  ['get', 'pods', '-l', 'app=nothing'],
  ['get', 'pods', '--selector', 'app!=web'],
  ['get', 'pods', '--field-selector', 'status.phase=Running'],
  ['get', 'pod', 'bb'],
  ['get', 'pod/bb'],
  ['get', 'pod/bb', 'svc/web'],
  ['get', 'pods', 'bb', '-o', 'name'],
  ['get', 'pods', '-o', 'name'],
  ['get', 'pods,svc', '-o', 'name'],
  ['get', 'pod', 'bb', '-o', 'yaml'],
  ['get', 'pod', 'bb', '-o', 'json'],
  ['get', 'svc', 'web', '-o', 'yaml'],
  ['get', 'ns', 'dev', '-o', 'json'],
  ['get', 'cm', '-n', 'dev', '-o', 'yaml'],
  ['get', 'foo'],
  ['get', 'pods', 'nope'],
  ['get', 'pods', 'bb', 'nope'],
  ['get', 'pods', 'nope', '--ignore-not-found'],
  ['get', 'pods', '-n', 'dev'],
  ['get', 'pods', '-n', 'nowhere'],
  ['get', 'cm', '-n', 'dev'],
  ['get', 'cm', '-A'],
  ['get'],
  ['get', '-o', 'bogus', 'pods'],
  ['get', 'pods,svc', 'bb'],
  ['get', 'pods', 'pod/bb'],
  ['get', 'pod/bb/x'],
  ['get', 'pods', '--chunk-size=1'],
  ['get', 'endpoints'],
  ['get', 'sa'],
  ['get', 'sc'],
  ['get', 'pv'],
  ['get', 'ds', '-A'],
  ['get', 'deploy', '-n', 'kube-system'],
  ['get', 'Pod'],
  ['get', 'deployment.v1.apps'],
  ['get', 'pods', '--bogus'],
  ['get', 'pods', '-A', 'bb'],
];

const harness = await kubectlScenario();
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
    void harness.playground.cluster
      .api({ method: request.method ?? 'GET', path: request.url ?? '/', headers, body: Buffer.concat(chunks) })
      .then((reply) => response.writeHead(reply.status, reply.headers).end(reply.body));
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
const dir = await mkdtemp(join(tmpdir(), 'kubeplay-get-'));
const kubeconfig = join(dir, 'kubeconfig');
await writeFile(
  kubeconfig,
  `apiVersion: v1
kind: Config
clusters: [{name: kubeplay, cluster: {server: "http://127.0.0.1:${port}"}}]
contexts: [{name: kubeplay, context: {cluster: kubeplay, user: learner}}]
users: [{name: learner, user: {}}]
current-context: kubeplay
`,
);
const kubectl = await kubectlBinary();
const results = [];
for (const args of CASES) {
  results.push(
    await new Promise((resolve) => {
      const env = { KUBECONFIG: kubeconfig, HOME: dir, PATH: process.env.PATH ?? '' };
      execFile(kubectl, args, { env }, (error, stdout, stderr) => {
        resolve({ args, stdout, stderr, exitCode: error ? Number((error as { code?: number }).code ?? 1) : 0 });
      });
    }),
  );
}
await writeFile(
  new URL('../../tests/fixtures/kubectl/get.json', import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
console.log(`get: ${results.length} cases recorded`);
server.close();
await harness.playground.stop();
