// Re-records tests/fixtures/kubectl/describe.json: builds the describe scenario (a whole
// simulated minikube with workloads, runtime/kubectl/describe/oracle-scenario.ts) on a virtual
// clock that ends its steps at the current real time (rounded to the second), serves its API over HTTP on 127.0.0.1, and runs
// the real kubectl v1.34.5 `describe` against it. Each case keeps args, stdout, stderr, exit
// code, the virtual clock's now() and the real clock when kubectl started (`clientNow`: kubectl
// computes ages from its own clock; the test passes it to describeObject as `now`).
//   npx tsx scripts/oracle/record-kubectl-describe.ts
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDescribeScenario, SCENARIO_DURATION_MS } from '../../runtime/kubectl/describe/oracle-scenario';
import { kubectlBinary } from './kubectl-binary.js';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
// The virtual clock ends the scenario at about the real time, so kubectl's ages are the cluster's.
const startMs = Math.round(Date.now() / 1000) * 1000 - SCENARIO_DURATION_MS;
const scenario = await buildDescribeScenario(startMs, settle);
const api = scenario.api;

const get = async (path: string): Promise<{ items: Array<{ metadata: { name: string } }> }> =>
  JSON.parse((await api({ method: 'GET', path, headers: { accept: 'application/json' } })).body);
const names = async (path: string): Promise<string[]> => (await get(path)).items.map((i) => i.metadata.name).sort();

const webPods = await names('/api/v1/namespaces/default/pods?labelSelector=app%3Dweb');
const [webRs] = await names('/apis/apps/v1/namespaces/default/replicasets?labelSelector=app%3Dweb');
const [piPod] = await names('/api/v1/namespaces/default/pods?labelSelector=job-name%3Dpi');
const [webSlice] = await names(
  '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dweb',
);
const [dbPod] = await names('/api/v1/namespaces/default/pods?labelSelector=app%3Ddb');
const [agentPod] = await names('/api/v1/namespaces/default/pods?labelSelector=app%3Dagent');
const [corednsPod] = await names('/api/v1/namespaces/kube-system/pods?labelSelector=k8s-app%3Dkube-dns');
const pvs = await names('/api/v1/persistentvolumes');
const provisionedPv = pvs.find((n) => n !== 'pv-manual');

/** The kubectl argument lists recorded. */
const CASES: string[][] = [
  ['describe', 'pod', 'nginx'],
  ['describe', 'pod', 'sleeper'],
  ['describe', 'pod', webPods[0]],
  ['describe', 'pod', 'nginx', '--show-events=false'],
  ['describe', 'pods'],
  ['describe', 'pods', '-l', 'app=web'],
  ['describe', 'deploy/web'],
  ['describe', 'deployment', 'web', '--show-events=false'],
  ['describe', 'rs', webRs],
  ['describe', 'svc', 'web'],
  ['describe', 'svc', 'web-np'],
  ['describe', 'service', 'kubernetes'],
  ['describe', 'node', 'minikube'],
  ['describe', 'node', 'minikube', '--show-events=false'],
  ['describe', 'ns', 'default'],
  ['describe', 'namespace', 'team-a'],
  ['describe', 'ns', 'kube-system'],
  ['describe', 'cm', 'app-config'],
  ['describe', 'secret', 'app-secret'],
  ['describe', 'sa', 'builder'],
  ['describe', 'sa', 'default'],
  ['describe', 'quota', 'quota'],
  ['describe', 'limits', 'limits'],
  ['describe', 'ep', 'web'],
  ['describe', 'endpointslice', webSlice],
  ['describe', 'job', 'pi'],
  ['describe', 'pod', piPod],
  ['describe', 'cronjob', 'hello'],
  ['describe', 'ds', 'agent'],
  ['describe', 'pod', agentPod],
  ['describe', 'sts', 'db'],
  ['describe', 'pod', dbPod],
  ['describe', 'pvc', 'data'],
  ['describe', 'pv', 'pv-manual'],
  ...(provisionedPv ? [['describe', 'pv', provisionedPv]] : []),
  ['describe', 'sc', 'standard'],
  ['describe', 'ing', 'web'],
  ['describe', 'hpa', 'web'],
  ['describe', 'role', 'pod-reader'],
  ['describe', 'rolebinding', 'read-pods'],
  ['describe', 'clusterrole', 'system:basic-user'],
  ['describe', 'clusterrolebinding', 'cluster-admin'],
  ['describe', 'pdb', 'web'],
  ['describe', 'priorityclass', 'high'],
  ['describe', 'pc', 'system-node-critical'],
  ['describe', 'netpol', 'web-allow'],
  ['describe', 'lease', 'minikube', '-n', 'kube-node-lease'],
  ['describe', '-n', 'kube-system', 'deploy', 'coredns'],
  ['describe', '-n', 'kube-system', 'pod', corednsPod],
  ['describe', '-n', 'kube-system', 'pod', 'etcd-minikube'],
  ['describe', '-n', 'kube-system', 'cm', 'coredns'],
  ['describe', 'pod', 'nope'],
  ['describe', 'deploy', 'nope'],
  ['describe', 'node', 'nope'],
];

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[key] = value;
    const body = chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined;
    void api({ method: request.method ?? 'GET', path: request.url ?? '/', headers, body }).then((reply) => {
      response.writeHead(reply.status, reply.headers).end(reply.body);
    });
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
const dir = await mkdtemp(join(tmpdir(), 'kubeplay-describe-'));
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

interface Recorded {
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The virtual clock's now() while kubectl ran. */
  virtualNow: number;
  /** The real clock (epoch ms) just before kubectl started, a few ms past a whole second. */
  clientNow: number;
}

function run(args: string[]): Promise<Omit<Recorded, 'virtualNow' | 'clientNow'>> {
  return new Promise((resolve) => {
    // HOME is a fresh folder, so kubectl's discovery cache ($HOME/.kube/cache) starts empty.
    const env = { KUBECONFIG: kubeconfig, HOME: dir, PATH: process.env.PATH ?? '' };
    execFile(kubectl, args, { env }, (error, stdout, stderr) => {
      const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ args, stdout, stderr, exitCode });
    });
  });
}

// Warm the discovery cache, so every recorded run is quick and ages are read soon after start.
await run(['api-resources']);
const results: Recorded[] = [];
for (const args of CASES) {
  // Start just after a whole second, so kubectl's ages (whole seconds) are those at clientNow.
  await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
  const clientNow = Date.now();
  const result = await run(args);
  results.push({ ...result, virtualNow: scenario.clock.now(), clientNow });
}
const file = new URL('../../tests/fixtures/kubectl/describe.json', import.meta.url);
await writeFile(file, `${JSON.stringify({ startMs, cases: results }, null, 2)}\n`);
console.log(`describe: ${results.length} cases recorded`);
server.close();
await scenario.playground.stop();
process.exit(0);
