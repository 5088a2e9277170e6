// The benchmarks that run in Node (through tsx, like the CLI).
import { benchApi } from './api-bench';
import { benchDeployment } from './cluster-bench';
import { report } from './harness.js';
import { benchPodTraffic } from './pod-traffic-bench';
import { benchShell } from './shell-bench';
import { benchWebernetes } from './webernetes-bench';

await benchApi();
await benchShell();
await benchPodTraffic();

// The same Deployments on kubeplay (virtual clock) and on @ngrok/webernetes (real time), wall ms.
const WORKLOADS: Array<[replicas: number, nodes: number]> = [
  [100, 3],
  [1000, 10],
];
for (const [replicas, nodes] of WORKLOADS) {
  // The first run pays for compiling the code it runs (the JIT); the median is of the runs after.
  // Seven runs after the first: the machine's speed varies run to run, the median of seven less.
  const runs = [];
  for (let i = 0; i < 8; i++) runs.push(await benchDeployment(replicas, nodes));
  const ours = runs[0];
  report(`cluster: Deployment ${replicas} ready on ${nodes} nodes, first run (kubeplay)`, 'ms', [ours.wallMs]);
  report(
    `cluster: Deployment ${replicas} ready on ${nodes} nodes (kubeplay)`,
    'ms',
    runs.slice(1).map((run) => run.wallMs),
  );
  const theirs = await benchWebernetes(replicas, nodes, 120_000);
  if (theirs.wallMs === undefined) {
    console.log(
      JSON.stringify({
        name: `cluster: Deployment ${replicas} on ${nodes} nodes (webernetes)`,
        unit: 'ms',
        ready: theirs.ready,
        note: 'not all ready within 120 s',
      }),
    );
  } else {
    report(`cluster: Deployment ${replicas} ready on ${nodes} nodes (webernetes)`, 'ms', [theirs.wallMs]);
    console.log(
      JSON.stringify({
        name: `cluster: ${replicas} replicas, webernetes ÷ kubeplay`,
        unit: '×',
        value: Math.round((theirs.wallMs / ours.wallMs) * 10) / 10,
      }),
    );
  }
}
const big = await benchDeployment(10_000, 100);
report('cluster: Deployment 10000 ready on 100 nodes (kubeplay)', 'ms', [big.wallMs]);
console.log(JSON.stringify({ name: 'cluster: heap after 10000 replicas', unit: 'MiB', value: Math.round(big.heapMb) }));
