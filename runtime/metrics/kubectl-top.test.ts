// The real kubectl v1.34 `top` against metrics.k8s.io as kubeplay serves it (an in-process HTTP
// front for the API handler), before the metrics server is available and after two scrapes.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlBinary } from '../../scripts/oracle/kubectl-binary.js';
import { runFor, settle } from '../../tests/controllers';
import { TEST_EPOCH } from '../../tests/harness';
import type { ApiHandler } from '../api/types';
import { VirtualClock } from '../clock';
import { createCluster } from '../cluster';
import type { Kubelet } from '../kubelet/kubelet';
import { startMinikube, type MinikubeComponents } from '../minikube/start';
import { PodNetwork } from '../network/cluster-network';
import { createSeededRng } from '../rng';
import { MemoryBackend } from '../storage/backend';
import { MetricsServer } from './metrics-server';

const dir = mkdtempSync(join(tmpdir(), 'kubeplay-top-'));
const clock = new VirtualClock(TEST_EPOCH);
const state = { serving: false, kubelets: [] as Kubelet[] };
let server: Server;
let kubectl: string;
let components: MinikubeComponents;
let metrics: MetricsServer;

function serve(api: ApiHandler): Promise<number> {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      void api({
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers,
        body: Buffer.concat(chunks).toString(),
      }).then((response) => {
        res.writeHead(response.status, response.headers);
        res.end(typeof response.body === 'string' ? response.body : Buffer.from(response.body ?? ''));
      });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function run(args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve) => {
    const env = { HOME: dir, KUBECONFIG: join(dir, 'kubeconfig'), PATH: process.env.PATH ?? '' };
    execFile(kubectl, args, { env, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve({ stdout, stderr, exitCode: error ? Number((error as { code?: number }).code ?? 1) : 0 }),
    );
  });
}

beforeAll(async () => {
  kubectl = await kubectlBinary();
  const rng = createSeededRng('kubectl-top');
  const network = new PodNetwork();
  metrics = new MetricsServer({ clock, sources: () => state.kubelets, serving: () => state.serving });
  const cluster = await createCluster({ clock, rng, storage: new MemoryBackend(), network, metrics });
  components = await startMinikube(cluster.api, network, clock, rng, { manager: { resyncPeriodMs: 0 } });
  state.kubelets = components.kubelets;
  await settle();
  await runFor(clock, 120_000);
  const port = await serve(cluster.api);
  writeFileSync(
    join(dir, 'kubeconfig'),
    `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    server: http://127.0.0.1:${port}\n  name: kubeplay\ncontexts:\n- context:\n    cluster: kubeplay\n    user: minikube\n  name: minikube\ncurrent-context: minikube\nusers:\n- name: minikube\n  user: {}\n`,
  );
}, 60_000);

afterAll(async () => {
  metrics.stop();
  server?.close();
  await components?.stop();
});

describe('kubectl top', () => {
  it('says the Metrics API is not available before the addon serves', async () => {
    expect(await run(['top', 'pods'])).toEqual({
      stdout: '',
      stderr: 'error: Metrics API not available\n',
      exitCode: 1,
    });
  });

  it('prints pods and nodes once two scrapes are in', async () => {
    state.serving = true;
    metrics.start();
    await runFor(clock, 60_000);
    const pods = await run(['top', 'pods', '-n', 'kube-system', '--sort-by=memory']);
    expect(pods.stderr).toBe('');
    const lines = pods.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +CPU\(cores\) +MEMORY\(bytes\) *$/);
    expect(lines[1]).toMatch(/^kube-apiserver-minikube +\d+m +2\d\dMi *$/);
    // etcd idles at its baseline of 20m, each container settling within ±20 % of it (usage.ts).
    const etcd = lines.map((l) => /^etcd-minikube +(\d+)m +\d+Mi/.exec(l)).find(Boolean);
    expect(Number(etcd?.[1])).toBeGreaterThanOrEqual(16);
    expect(Number(etcd?.[1])).toBeLessThanOrEqual(24);
    const nodes = await run(['top', 'nodes']);
    expect(nodes.stderr).toBe('');
    expect(nodes.stdout).toMatch(
      /^NAME {7}CPU\(cores\) {3}CPU\(%\) {3}MEMORY\(bytes\) {3}MEMORY\(%\) {3}\nminikube {3}1\d\dm +\d+% +8\d\dMi +2\d% +\n$/,
    );
    const one = await run(['top', 'pod', 'nope']);
    expect(one.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});
