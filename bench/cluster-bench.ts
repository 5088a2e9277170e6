// The cluster benchmark in Node (cluster-workload.ts on Node's clock, event loop and heap), with
// the CPU time the rollout took beside its wall time.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { benchDeploymentOn, type BenchHost, type DeploymentResult } from './cluster-workload';

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

/** Wall and CPU milliseconds for a Deployment of `replicas` to be all ready on `nodes` nodes, and the live heap then. */
export async function benchDeployment(replicas: number, nodes: number): Promise<DeploymentResult & { cpuMs: number }> {
  let startCpu: NodeJS.CpuUsage | undefined;
  let cpu: NodeJS.CpuUsage | undefined;
  const host: BenchHost = {
    now: () => performance.now(),
    settle: () => new Promise((resolve) => setImmediate(resolve)),
    collectGarbage,
    heapUsedBytes: () => process.memoryUsage().heapUsed,
    async onMeasureStart() {
      await measureStart?.();
      startCpu = process.cpuUsage();
    },
    onMeasureEnd() {
      cpu = process.cpuUsage(startCpu);
    },
  };
  const result = await benchDeploymentOn(host, replicas, nodes);
  return { ...result, cpuMs: cpu ? (cpu.user + cpu.system) / 1000 : Number.NaN };
}

if (process.argv[1]?.endsWith('cluster-bench.ts')) {
  const [replicas, nodes] = process.argv.slice(2).map(Number);
  console.log(JSON.stringify(await benchDeployment(replicas || 100, nodes || 1)));
}
