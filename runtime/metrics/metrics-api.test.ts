import { describe, expect, it } from 'vitest';
import { runFor, settle } from '../../tests/controllers';
import { TEST_EPOCH } from '../../tests/harness';
import { VirtualClock } from '../clock';
import { createCluster } from '../cluster';
import type { Kubelet } from '../kubelet/kubelet';
import { startMinikube } from '../minikube/start';
import { PodNetwork } from '../network/cluster-network';
import { createSeededRng } from '../rng';
import { MemoryBackend } from '../storage/backend';
import { cpuQuantity, memoryQuantity } from './metrics-api';
import { MetricsServer } from './metrics-server';

type Json = any;

/** minikube with a metrics-server scraping its kubelets every 60 s, serving while `serving`. */
async function testbed() {
  const clock = new VirtualClock(TEST_EPOCH);
  const rng = createSeededRng('metrics-test');
  const network = new PodNetwork();
  const state = { serving: false, kubelets: [] as Kubelet[] };
  const metrics = new MetricsServer({ clock, sources: () => state.kubelets, serving: () => state.serving });
  const cluster = await createCluster({ clock, rng, storage: new MemoryBackend(), network, metrics });
  const components = await startMinikube(cluster.api, network, clock, rng, { manager: { resyncPeriodMs: 0 } });
  state.kubelets = components.kubelets;
  await settle();
  const request = async (path: string, accept = 'application/json') => {
    const response = await cluster.api({ method: 'GET', path, headers: { accept } });
    return { status: response.status, body: JSON.parse(response.body as string) };
  };
  return { clock, state, metrics, cluster, components, request, wait: (ms: number) => runFor(clock, ms) };
}

describe('metrics.k8s.io', () => {
  it('formats usage as metrics-server does', () => {
    expect([cpuQuantity(1_234_567), cpuQuantity(2_000_000), cpuQuantity(1_500_000), cpuQuantity(0)]).toEqual([
      '1234567n',
      '2m',
      '1500u',
      '0',
    ]);
    expect([memoryQuantity(3412 * 1024), memoryQuantity(4 << 20), memoryQuantity(1000)]).toEqual([
      '3412Ki',
      '4Mi',
      '1000',
    ]);
  });

  it('is served, and discovered, only while the metrics server is available', async () => {
    const bed = await testbed();
    const groups = async () => (await bed.request('/apis')).body.groups.map((g: Json) => g.name);
    expect(await groups()).not.toContain('metrics.k8s.io');
    expect((await bed.request('/apis/metrics.k8s.io/v1beta1/nodes')).status).toBe(404);
    bed.state.serving = true;
    expect((await groups()).at(-1)).toBe('metrics.k8s.io');
    expect((await bed.request('/apis/metrics.k8s.io/v1beta1')).body).toEqual({
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: 'metrics.k8s.io/v1beta1',
      resources: [
        { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
        { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
      ],
    });
    await bed.components.stop();
  });

  it('serves pods and nodes after two scrapes, with the real shape and NotFound texts', async () => {
    const bed = await testbed();
    bed.state.serving = true;
    await bed.wait(120_000);
    bed.metrics.start();
    const pods = async () => (await bed.request('/apis/metrics.k8s.io/v1beta1/namespaces/kube-system/pods')).body;
    expect((await pods()).items).toEqual([]);
    await bed.wait(60_000);
    const list = await pods();
    expect(list.kind).toBe('PodMetricsList');
    expect(list.apiVersion).toBe('metrics.k8s.io/v1beta1');
    const etcd = list.items.find((p: Json) => p.metadata.name === 'etcd-minikube');
    expect(etcd).toMatchObject({
      metadata: { name: 'etcd-minikube', namespace: 'kube-system', creationTimestamp: '2026-01-01T00:03:00Z' },
      timestamp: '2026-01-01T00:03:00Z',
      window: '1m0s',
      containers: [{ name: 'etcd' }],
    });
    expect(etcd.metadata.labels).toEqual({ component: 'etcd', tier: 'control-plane' });
    const usage = etcd.containers[0].usage;
    expect(usage.cpu).toMatch(/^\d+n$/);
    const milli = Number(usage.cpu.slice(0, -1)) / 1e6;
    expect(milli).toBeGreaterThan(15);
    expect(milli).toBeLessThan(25);
    expect(usage.memory).toMatch(/^\d+Ki$/);
    const node = (await bed.request('/apis/metrics.k8s.io/v1beta1/nodes/minikube')).body;
    expect(node).toMatchObject({ kind: 'NodeMetrics', metadata: { name: 'minikube' }, window: '1m0s' });
    expect(node.usage.memory).toMatch(/^\d+Ki$/);
    const missing = await bed.request('/apis/metrics.k8s.io/v1beta1/namespaces/default/pods/nope');
    expect([missing.status, missing.body.message]).toEqual([404, 'pods "nope" not found']);
    const noNode = await bed.request('/apis/metrics.k8s.io/v1beta1/nodes/nope');
    expect(noNode.body.message).toBe('nodes "nope" not found');
    const table = await bed.request(
      '/apis/metrics.k8s.io/v1beta1/namespaces/kube-system/pods?labelSelector=component%3Detcd',
      'application/json;as=Table;v=v1;g=meta.k8s.io',
    );
    expect(table.body.columnDefinitions.map((c: Json) => c.name)).toEqual(['Name', 'cpu', 'memory', 'Window']);
    expect(table.body.rows.map((r: Json) => r.cells[0])).toEqual(['etcd-minikube']);
    bed.metrics.stop();
    await bed.components.stop();
  });

  it('adds the CPU a program burns and the requests its listeners serve', async () => {
    const { ContainerUsage } = await import('./usage');
    const clock = new VirtualClock(TEST_EPOCH);
    const usage = ContainerUsage.forImage('docker.io/library/nginx', clock, 'c1');
    usage.start();
    const first = usage.point();
    expect(first?.memoryBytes).toBeGreaterThanOrEqual(3 << 20);
    expect(first?.memoryBytes).toBeLessThanOrEqual(8 << 20);
    const release = usage.load(500, 10 << 20);
    clock.advance(10_000);
    for (let i = 0; i < 100; i++) usage.served(); // 1 ms of CPU each.
    const second = usage.point();
    release();
    clock.advance(10_000);
    const third = usage.point();
    const rate = (a: Json, b: Json) =>
      (b.cpuNanoSeconds - a.cpuNanoSeconds) / ((b.timestamp - a.timestamp) / 1000) / 1e6;
    expect(Math.round(rate(first, second))).toBe(511); // 500m load + 10m of requests + ~1m idle
    expect(Math.round(rate(second, third))).toBe(1);
    expect((second?.memoryBytes ?? 0) - (third?.memoryBytes ?? 0)).toBe(10 << 20);
    usage.stop();
    expect(usage.point()).toBeUndefined();
  });
});
