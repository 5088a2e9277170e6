// The cluster benchmark in headless Chromium (bench/cluster-browser-entry.ts): the engine
// kubeplay's worker runs on for learners, which Node's older V8 only approximates.
import { fileURLToPath } from 'node:url';
import { CHROMIUM_ARGS, launchFreshContext } from '../e2e/browser.js';
import { openHarness, startModuleHarness } from '../e2e/idb-harness.js';
import { report } from './harness.js';

/** The same Deployments as the Node benchmark, on Chromium's engine: 1,000 on 10 nodes (median of 7 after a first run), 10,000 on 100. */
export async function benchClusterInChromium() {
  const harness = await startModuleHarness(fileURLToPath(new URL('./cluster-browser-entry.ts', import.meta.url)));
  // gc() for the benchmark's full collections before and after the measured window.
  const context = await launchFreshContext({ args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
  try {
    const page = await openHarness(context, harness.url);
    const run = (replicas, nodes) => page.evaluate(([r, n]) => window.harness.benchDeployment(r, n), [replicas, nodes]);
    const runs = [];
    for (let i = 0; i < 8; i++) runs.push(await run(1000, 10));
    report('cluster: Deployment 1000 ready on 10 nodes, first run (kubeplay, Chromium)', 'ms', [runs[0].wallMs]);
    report(
      'cluster: Deployment 1000 ready on 10 nodes (kubeplay, Chromium)',
      'ms',
      runs.slice(1).map((r) => r.wallMs),
    );
    const big = await run(10_000, 100);
    report('cluster: Deployment 10000 ready on 100 nodes (kubeplay, Chromium)', 'ms', [big.wallMs]);
    console.log(
      JSON.stringify({
        name: 'cluster: heap after 10000 replicas (Chromium)',
        unit: 'MiB',
        value: Math.round(big.heapMb),
      }),
    );
  } finally {
    await context.close();
    await harness.close();
  }
}
