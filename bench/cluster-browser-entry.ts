// Runs in Chromium, bundled by bench/cluster-browser.js: the cluster benchmark on the browser's
// own JavaScript engine, where kubeplay's worker runs it for learners.
import { benchDeploymentOn, type BenchHost, type DeploymentResult } from './cluster-workload';

/** A macrotask later: a MessageChannel message (timers are clamped in a busy page, messages are not). */
function settle(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });
}

const host: BenchHost = {
  now: () => performance.now(),
  settle,
  // Chromium starts with --js-flags=--expose-gc for the benchmark.
  collectGarbage: () => (globalThis as unknown as { gc: () => void }).gc(),
  heapUsedBytes: () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
};

export function benchDeployment(replicas: number, nodes: number): Promise<DeploymentResult> {
  return benchDeploymentOn(host, replicas, nodes);
}
