// Traffic between pods, as the worker serves it: `kubectl exec <redis pod> -- redis-cli …` (the
// exec stream, redis-cli's connection, one RESP round trip) and `wget` of a Service's page from a
// busybox pod (DNS through CoreDNS, kube-proxy's routing, nginx's answer), wall ms each.
import { performance } from 'node:perf_hooks';
import { VirtualClock } from '../runtime/clock';
import { createPlayground } from '../runtime/playground';
import { createSeededRng } from '../runtime/rng';
import { runOnVirtualTime } from '../runtime/script';
import { MemoryBackend } from '../runtime/storage/backend';
import { report } from './harness.js';

const RUNS = 50;

export async function benchPodTraffic(): Promise<void> {
  const clock = new VirtualClock(Date.UTC(2026, 0, 1));
  const playground = await createPlayground({ clock, rng: createSeededRng('traffic'), storage: new MemoryBackend() });
  await playground.loadCommands();
  await playground.startComponents();
  const session = playground.openSession({ write: () => {} }, 80);
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const run = async (line: string): Promise<string> => {
    let out = '';
    const sink = { write: (text: string) => void (out += text) };
    const code = await runOnVirtualTime({ clock, settle }, session.execute(line, sink, sink));
    if (code !== 0) throw new Error(`${line}: exit ${code}: ${out}`);
    return out;
  };
  await run('kubectl create deployment redis --image=redis');
  await run('kubectl create deployment web --image=nginx');
  await run('kubectl expose deployment web --port=80');
  await run('kubectl run bb --image=busybox -- sleep 86400');
  await run('kubectl wait --for=condition=Ready pod --all --timeout=120s');
  const redisPod = (await run('kubectl get pods -l app=redis -o name')).trim();

  const timed = async (line: string, expected: string): Promise<number[]> => {
    const samples: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const start = performance.now();
      const out = await run(line);
      const ms = performance.now() - start;
      if (!out.includes(expected)) throw new Error(`${line}: printed ${JSON.stringify(out)}`);
      // The first run loads and compiles the programs' code.
      if (i > 0) samples.push(ms);
    }
    return samples;
  };
  report(
    'pods: kubectl exec -- redis-cli SET round trip',
    'ms',
    await timed(`kubectl exec ${redisPod} -- redis-cli set foo bar`, 'OK'),
  );
  report(
    'pods: wget of a Service from a busybox pod (kubectl exec)',
    'ms',
    await timed('kubectl exec bb -- wget -qO- web', 'Welcome to nginx!'),
  );
  await playground.stop();
}

if (process.argv[1]?.endsWith('pod-traffic-bench.ts')) await benchPodTraffic();
