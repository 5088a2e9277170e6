// The peer to beat, same workload: a Deployment of N busybox replicas on M nodes in
// @ngrok/webernetes 0.3 (its clock runs on real time), wall milliseconds until all are ready.
import { performance } from 'node:perf_hooks';
// Its published ESM uses directory imports Node refuses; its TypeScript sources run under tsx.
// Loaded by a computed path, so the type checkers here read its published types, not its sources.
const SOURCES = '../node_modules/@ngrok/webernetes/src/index';
const { Cluster } = (await import(SOURCES)) as typeof import('@ngrok/webernetes');

/** Wall ms until `replicas` are ready, or undefined when `limitMs` passes first. */
export async function benchWebernetes(
  replicas: number,
  nodes: number,
  limitMs: number,
): Promise<{ wallMs?: number; ready: number }> {
  const cluster = new Cluster({ nodes });
  await cluster.init();
  const start = performance.now();
  await cluster.apply([
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'busybox', command: ['sleep', '3600'] }] },
        },
      },
    },
  ]);
  let ready = 0;
  while (performance.now() - start < limitMs) {
    const deployment = await cluster.api.appsv1.readNamespacedDeployment({ name: 'web', namespace: 'default' });
    ready = deployment.status?.readyReplicas ?? 0;
    if (ready === replicas) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const wallMs = ready === replicas ? performance.now() - start : undefined;
  await cluster.close();
  return { wallMs, ready };
}

if (process.argv[1]?.endsWith('webernetes-bench.ts')) {
  const [replicas, nodes] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await benchWebernetes(replicas || 100, nodes || 3, 120_000)));
}
