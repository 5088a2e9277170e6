// The cluster benchmark's workload, host-neutral so Node and Chromium run the same code: a
// Deployment scaled to N replicas over M nodes on the virtual clock, measured in wall time from
// the create until the Deployment reports N ready replicas.
import { VirtualClock } from '../runtime/clock';
import { createCluster } from '../runtime/cluster';
import { startMinikube } from '../runtime/minikube/start';
import { PodNetwork } from '../runtime/network/cluster-network';
import { createSeededRng } from '../runtime/rng';
import { MemoryBackend } from '../runtime/storage/backend';

/** What the host lends the benchmark: its wall clock, a turn of its event loop, and its heap. */
export interface BenchHost {
  now(): number;
  /** Resolves after the host has run what is queued (a macrotask later). */
  settle(): Promise<void>;
  /** A full garbage collection. */
  collectGarbage(): void;
  heapUsedBytes(): number;
  /** Called when the measured window starts (a profiler starts there). */
  onMeasureStart?(): Promise<unknown>;
  /** Called when the measured window ends. */
  onMeasureEnd?(): void;
}

export interface DeploymentResult {
  wallMs: number;
  virtualMs: number;
  heapMb: number;
  ok: boolean;
}

/** Runs the virtual clock, instant by instant, until `done()` or `limitMs` of virtual time. */
async function runUntil(
  host: BenchHost,
  clock: VirtualClock,
  done: () => Promise<boolean>,
  limitMs: number,
): Promise<boolean> {
  const end = clock.now() + limitMs;
  for (;;) {
    for (let i = 0; i < 3; i++) await host.settle();
    if (await done()) return true;
    const next = clock.nextTimerAt();
    if (next === undefined || next > end) return false;
    // Every timer due at that instant fires before the work they start runs, as the timers a
    // host finds expired together run in one turn of its event loop.
    clock.advance(next - clock.now());
  }
}

/** Wall milliseconds for a Deployment of `replicas` to be all ready on `nodes` nodes, and the live heap then. */
export async function benchDeploymentOn(host: BenchHost, replicas: number, nodes: number): Promise<DeploymentResult> {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const rng = createSeededRng('cluster-bench');
  const network = new PodNetwork();
  const cluster = await createCluster({ clock, rng, storage: new MemoryBackend(), network });
  const minikube = await startMinikube(cluster.api, network, clock, rng, { manager: { resyncPeriodMs: 0 } });
  for (let i = 1; i < nodes; i++) await minikube.addNode();
  await runUntil(host, clock, async () => false, 60_000);
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
  host.collectGarbage();
  await host.onMeasureStart?.();
  const start = host.now();
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
    host,
    clock,
    async () => {
      const deployment = await request('GET', '/apis/apps/v1/namespaces/default/deployments/web');
      return deployment.status?.readyReplicas === replicas;
    },
    30 * 60_000,
  );
  const wallMs = host.now() - start;
  host.onMeasureEnd?.();
  const virtualMs = clock.now() - startVirtual;
  // The live heap of the running cluster: what is left after a full collection.
  host.collectGarbage();
  const heapMb = host.heapUsedBytes() / 2 ** 20;
  await minikube.stop();
  return { wallMs, virtualMs, heapMb, ok };
}
