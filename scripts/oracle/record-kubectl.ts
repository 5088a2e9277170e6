// Re-records tests/fixtures/kubectl/*.json: runs the real kubectl v1.34 against kubeplay's own
// API handler (served over HTTP on 127.0.0.1) and keeps what it printed. Tests replay each case
// through kubeplay's kubectl and require the same stdout, stderr and exit code.
//   npx tsx scripts/oracle/record-kubectl.ts
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../runtime/clock';
import { createCluster } from '../../runtime/cluster';
import { createSeededRng } from '../../runtime/rng';
import { MemoryBackend } from '../../runtime/storage/backend';
import { kubectlBinary } from './kubectl-binary.js';

/** The fixture files and the kubectl argument lists each one records. */
const SUITES: Record<string, string[][]> = {
  version: [
    ['version'],
    ['version', '-o', 'json'],
    ['version', '-o', 'yaml'],
    ['version', '--output=json'],
    ['version', '--client'],
    ['version', '--client', '-o', 'yaml'],
    ['version', '-o', 'xml'],
    ['version', '--foo'],
    ['version', 'extra', 'args'],
    ['version', '-o'],
    ['version', '--client=maybe'],
    ['version', '-x'],
    ['-n', 'default', 'version', '--client'],
    ['--bogus', 'version'],
    ['-n'],
  ],
  root: [[], ['help'], ['--help'], ['gte'], ['foo'], ['zzzzzzz'], ['ver'], ['optins'], ['x']],
};

const cluster = await createCluster({
  clock: new VirtualClock(Date.UTC(2026, 0, 1)),
  rng: createSeededRng('oracle'),
  storage: new MemoryBackend(),
});
const handler = cluster.api;
const server = createServer((request, response) => {
  void handler({ method: request.method ?? 'GET', path: request.url ?? '/', headers: {} }).then((reply) => {
    response.writeHead(reply.status, reply.headers).end(reply.body);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
const dir = await mkdtemp(join(tmpdir(), 'kubeplay-oracle-'));
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

function run(args: string[]): Promise<{ args: string[]; stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve) => {
    // HOME is a fresh folder, so kubectl's discovery cache ($HOME/.kube/cache) starts empty.
    const env = { KUBECONFIG: kubeconfig, HOME: dir, PATH: process.env.PATH ?? '' };
    execFile(kubectl, args, { env }, (error, stdout, stderr) => {
      const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ args, stdout, stderr, exitCode });
    });
  });
}

for (const [suite, cases] of Object.entries(SUITES)) {
  const results = [];
  for (const args of cases) results.push(await run(args));
  const file = new URL(`../../tests/fixtures/kubectl/${suite}.json`, import.meta.url);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`${suite}: ${results.length} cases recorded`);
}
server.close();
