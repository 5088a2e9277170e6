// API server speed in Node, on the memory backend: create + get of one pod, a Table of 10,000
// pods, and how soon a watch hears of a committed write.
import { performance } from 'node:perf_hooks';
import { VirtualClock } from '../runtime/clock';
import { createCluster } from '../runtime/cluster';
import { createSeededRng } from '../runtime/rng';
import { MemoryBackend } from '../runtime/storage/backend';
import { report } from './harness.js';

const TABLE = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';
const pod = (name: string): string =>
  JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'bench' } },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
  });

async function cluster() {
  return createCluster({
    clock: new VirtualClock(Date.UTC(2026, 0, 1)),
    rng: createSeededRng('bench'),
    storage: new MemoryBackend(),
  });
}

/** Median-friendly samples: each sample is the mean of `batch` operations. */
export async function benchApi(): Promise<void> {
  const { api } = await cluster();
  const createGet: number[] = [];
  for (let sample = 0; sample < 15; sample++) {
    const batch = 200;
    const start = performance.now();
    for (let i = 0; i < batch; i++) {
      const name = `p-${sample}-${i}`;
      await api({
        method: 'POST',
        path: '/api/v1/namespaces/default/pods',
        headers: { 'content-type': 'application/json' },
        body: pod(name),
      });
      await api({ method: 'GET', path: `/api/v1/namespaces/default/pods/${name}` });
    }
    createGet.push((performance.now() - start) / batch);
  }
  report('api-create-get-pod-memory', 'ms', createGet);

  const big = await cluster();
  const creates = [];
  for (let i = 0; i < 10_000; i++) {
    creates.push(
      big.api({
        method: 'POST',
        path: '/api/v1/namespaces/default/pods',
        headers: { 'content-type': 'application/json' },
        body: pod(`pod-${i}`),
      }),
    );
  }
  await Promise.all(creates);
  const listTable: number[] = [];
  // Three warm-up lists (compilation of the hot path), then the samples.
  for (let i = -3; i < 11; i++) {
    const start = performance.now();
    // The server's time: from request to the serialised Table, every piece of it as the HTTP
    // adapter writes them out (the client's JSON.parse is not counted).
    const response = await big.api({
      method: 'GET',
      path: '/api/v1/namespaces/default/pods',
      headers: { accept: TABLE },
    });
    let bytes = 0;
    for (const piece of response.pieces ?? [response.body]) bytes += piece.length;
    if (i >= 0) listTable.push(performance.now() - start);
    if (!(response.pieces?.[0] ?? response.body).startsWith('{"kind":"Table"') || bytes < 10_000 * 500) {
      throw new Error('not a Table of 10,000 rows');
    }
  }
  report('api-list-10000-pods-table', 'ms', listTable);

  const watched = await cluster();
  const latency: number[] = [];
  const watch = await watched.api({
    method: 'GET',
    path: '/api/v1/namespaces/default/pods?watch=true&resourceVersion=1',
  });
  const iterator = watch.stream?.[Symbol.asyncIterator]();
  for (let i = 0; i < 50; i++) {
    const committed = watched.api({
      method: 'POST',
      path: '/api/v1/namespaces/default/pods',
      headers: { 'content-type': 'application/json' },
      body: pod(`w-${i}`),
    });
    const event = iterator?.next();
    await committed;
    const after = performance.now();
    await event;
    latency.push(performance.now() - after);
  }
  watch.stream?.close();
  report('api-watch-event-after-commit', 'ms', latency);
}
