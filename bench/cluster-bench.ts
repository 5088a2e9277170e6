// Cluster speed in Node on the virtual clock: a Deployment scaled to N replicas over M nodes,
// measured in wall time from the create until the Deployment reports N ready replicas.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { VirtualClock } from '../runtime/clock';
import { createCluster } from '../runtime/cluster';
import { startMinikube } from '../runtime/minikube/start';
import { PodNetwork } from '../runtime/network/cluster-network';
import { createSeededRng } from '../runtime/rng';
import { MemoryBackend } from '../runtime/storage/backend';

/** A full garbage collection, through the gc() that --expose-gc gives a fresh context. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

let measureStart: (() => Promise<unknown>) | undefined;

/** Runs `hook` when the measured window starts (a profiler starts there). */
export function onMeasureStart(hook: () => Promise<unknown>): void {
  measureStart = hook;
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs the virtual clock, instant by instant, until `done()` or `limitMs` of virtual time. */
async function runUntil(clock: VirtualClock, done: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  const end = clock.now() + limitMs;
  for (;;) {
    for (let i = 0; i < 3; i++) await settle();
    if (await done()) return true;
    const next = clock.nextTimerAt();
    if (next === undefined || next > end) return false;
    // Every timer due at that instant fires before the work they start runs, as the timers a
    // host finds expired together run in one turn of its event loop.
    clock.advance(next - clock.now());
  }
}

/** Wall milliseconds for a Deployment of `replicas` to be all ready on `nodes` nodes, and the live heap then. */
export async function benchDeployment(
  replicas: number,
  nodes: number,
): Promise<{ wallMs: number; cpuMs: number; virtualMs: number; heapMb: number; ok: boolean }> {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const rng = createSeededRng('cluster-bench');
  const network = new PodNetwork();
  const cluster = await createCluster({ clock, rng, storage: new MemoryBackend(), network });
  const minikube = await startMinikube(cluster.api, network, clock, rng, { manager: { resyncPeriodMs: 0 } });
  for (let i = 1; i < nodes; i++) await minikube.addNode();
  await runUntil(clock, async () => false, 60_000);
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await cluster.api({
      method,
      path,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return JSON.parse(response.body);
  };
  // Garbage from the boot (and any earlier run) is not the rollout's to collect.
  collectGarbage();
  await measureStart?.();
  const start = performance.now();
  const startCpu = process.cpuUsage();
  const startVirtual = clock.now();
  await request('POST', '/apis/apps/v1/namespaces/default/deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'busybox', command: ['sleep', '3600'] }] },
      },
    },
  });
  const ok = await runUntil(
    clock,
    async () => {
      const deployment = await request('GET', '/apis/apps/v1/namespaces/default/deployments/web');
      return deployment.status?.readyReplicas === replicas;
    },
    30 * 60_000,
  );
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(startCpu);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const virtualMs = clock.now() - startVirtual;
  // The live heap of the running cluster: what is left after a full collection.
  collectGarbage();
  const heapMb = process.memoryUsage().heapUsed / 2 ** 20;
  await minikube.stop();
  return { wallMs, cpuMs, virtualMs, heapMb, ok };
}

if (process.argv[1]?.endsWith('cluster-bench.ts')) {
  const [replicas, nodes] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await benchDeployment(replicas || 100, nodes || 1)));
}
