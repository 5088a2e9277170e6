import { describe, expect, it } from 'vitest';
import { runFor, settle } from '../../tests/controllers';
import { TEST_EPOCH } from '../../tests/harness';
import type { ApiHandler } from '../api/types';
import { VirtualClock } from '../clock';
import { RestClient } from '../client/rest-client';
import { controllerUserAgent } from '../client/user-agent';
import { createCluster } from '../cluster';
import type { MetricsProvider, PodMetricsValue } from '../metrics/types';
import { createSeededRng } from '../rng';
import { MemoryBackend } from '../storage/backend';
import { formatTime } from '../util/time';
import { EventRecorder } from './events';
import {
  DEFAULT_HPA_WORKERS,
  HorizontalPodAutoscalerController,
  HPA_SERVICE_ACCOUNT,
} from './horizontal-pod-autoscaler';
import { InformerFactory } from './informer';
import { ControllerManager } from './manager';

type Json = any;

/** A metrics.k8s.io backend the test sets: millicores of CPU per pod name. */
class FakeMetrics implements MetricsProvider {
  cpu = new Map<string, number>();
  up = true;
  constructor(private readonly clock: VirtualClock) {}
  available(): boolean {
    return this.up;
  }
  podMetrics(namespace?: string): PodMetricsValue[] {
    return [...this.cpu].map(([name, milli]) => ({
      namespace: namespace ?? 'default',
      name,
      timestamp: this.clock.now() - 5_000,
      windowMs: 15_000,
      containers: [{ name: 'app', cpuNanoCores: milli * 1e6, memoryBytes: 8 << 20 }],
    }));
  }
  nodeMetrics() {
    return [];
  }
}

const ns = '/api/v1/namespaces/default';
const RS = '/apis/apps/v1/namespaces/default/replicasets';
const HPA = '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers';

async function testbed() {
  const clock = new VirtualClock(TEST_EPOCH);
  const rng = createSeededRng('hpa-test');
  const metrics = new FakeMetrics(clock);
  const cluster = await createCluster({ clock, rng, storage: new MemoryBackend(), metrics });
  const api: ApiHandler = cluster.api;
  const request = async (method: string, path: string, body?: unknown, type = 'application/json') => {
    const response = await api({
      method,
      path,
      headers: { 'content-type': type },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: response.body ? JSON.parse(response.body) : undefined };
  };
  const manager = new ControllerManager(api, clock, rng, { resyncPeriodMs: 0 });
  manager.start(['replicaset']);
  const client = new RestClient(api, {
    userAgent: controllerUserAgent(HPA_SERVICE_ACCOUNT),
    fieldValidation: 'Ignore',
  });
  const informers = new InformerFactory(client, clock, rng, { resyncPeriodMs: 0 });
  const recorder = new EventRecorder(client, clock, rng, { component: HPA_SERVICE_ACCOUNT });
  const errors: string[] = [];
  const hpa = new HorizontalPodAutoscalerController({
    client,
    informers,
    clock,
    recorder,
    onError: (_key, error) => errors.push((error as Error).message),
  });
  const done = hpa.run(DEFAULT_HPA_WORKERS);
  informers.start();
  await settle();
  return {
    clock,
    metrics,
    errors,
    request,
    wait: (ms: number) => runFor(clock, ms),
    /** Pods of the ReplicaSet reported Running and Ready (started `startedAgoMs` before now), each at `cpu` millicores. */
    async runPods(cpu: number, startedAgoMs = 10 * 60_000) {
      const pods: Json[] = (await request('GET', `${ns}/pods`)).body.items;
      for (const pod of pods) {
        if (pod.status?.phase === 'Running') continue;
        const started = formatTime(clock.now() - startedAgoMs);
        await request('POST', `${ns}/pods/${pod.metadata.name}/binding`, {
          apiVersion: 'v1',
          kind: 'Binding',
          metadata: { name: pod.metadata.name },
          target: { apiVersion: 'v1', kind: 'Node', name: 'minikube' },
        });
        await request(
          'PATCH',
          `${ns}/pods/${pod.metadata.name}/status`,
          {
            status: {
              phase: 'Running',
              startTime: started,
              conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: started }],
            },
          },
          'application/merge-patch+json',
        );
      }
      for (const pod of (await request('GET', `${ns}/pods`)).body.items) metrics.cpu.set(pod.metadata.name, cpu);
      await settle();
    },
    async events(): Promise<Json[]> {
      await recorder.flush();
      await settle();
      return (await request('GET', `${ns}/events`)).body.items.filter(
        (e: Json) => e.involvedObject.kind === 'HorizontalPodAutoscaler',
      );
    },
    async stop() {
      hpa.stop();
      informers.shutdown();
      recorder.shutdown();
      await done;
      await manager.stop();
    },
  };
}

const replicaSet = (replicas: number, requests: Json = { cpu: '200m' }) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web' },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'app', image: 'nginx', resources: { requests } }] },
    },
  },
});

const autoscaler = (spec: Json = {}) => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'web' },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web' },
    minReplicas: 1,
    maxReplicas: 10,
    metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }],
    ...spec,
  },
});

describe('HorizontalPodAutoscalerController', () => {
  it('scales up on CPU utilization after the 15 s sync, with the real event and status', async () => {
    const bed = await testbed();
    await bed.request('POST', RS, replicaSet(2));
    await bed.wait(0);
    await bed.runPods(200); // 100% of a 200m request, target 50%: 4 replicas.
    await bed.request('POST', HPA, autoscaler());
    await bed.wait(14_000);
    expect((await bed.request('GET', `${RS}/web`)).body.spec.replicas).toBe(2);
    await bed.wait(1_000);
    expect((await bed.request('GET', `${RS}/web`)).body.spec.replicas).toBe(4);
    const events = await bed.events();
    expect(events.map((e: Json) => [e.type, e.reason, e.message, e.source.component])).toEqual([
      [
        'Normal',
        'SuccessfulRescale',
        'New size: 4; reason: cpu resource utilization (percentage of request) above target',
        'horizontal-pod-autoscaler',
      ],
    ]);
    const status = (await bed.request('GET', `${HPA}/web`)).body.status;
    expect(status).toMatchObject({
      currentReplicas: 2,
      desiredReplicas: 4,
      lastScaleTime: '2026-01-01T00:00:15Z',
      currentMetrics: [
        { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 100, averageValue: '200m' } } },
      ],
    });
    expect(status.conditions.map((c: Json) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['AbleToScale', 'True', 'SucceededRescale', 'the HPA controller was able to update the target scale to 4'],
      [
        'ScalingActive',
        'True',
        'ValidMetricFound',
        'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
      ],
      ['ScalingLimited', 'False', 'DesiredWithinRange', 'the desired count is within the acceptable range'],
    ]);
    await bed.stop();
  });

  it('stays put within the 10% tolerance, and caps a jump at twice the replicas (ScaleUpLimit)', async () => {
    const bed = await testbed();
    await bed.request('POST', RS, replicaSet(2));
    await bed.wait(0);
    await bed.runPods(108); // 54%: within 10% of 50%.
    await bed.request('POST', HPA, autoscaler({ maxReplicas: 20 }));
    await bed.wait(15_000);
    expect((await bed.request('GET', `${RS}/web`)).body.spec.replicas).toBe(2);
    let status = (await bed.request('GET', `${HPA}/web`)).body.status;
    expect(status.conditions[0]).toMatchObject({
      reason: 'ReadyForNewScale',
      message: 'recommended size matches current size',
    });
    await bed.runPods(1000); // 500%: 20 wanted, 4 allowed (max(2·2, 4)).
    await bed.wait(15_000);
    expect((await bed.request('GET', `${RS}/web`)).body.spec.replicas).toBe(4);
    status = (await bed.request('GET', `${HPA}/web`)).body.status;
    expect(status.conditions[2]).toMatchObject({
      type: 'ScalingLimited',
      status: 'True',
      reason: 'ScaleUpLimit',
      message: 'the desired replica count is increasing faster than the maximum scale rate',
    });
    await bed.stop();
  });

  it('scales down only after the 5-minute stabilization window', async () => {
    const bed = await testbed();
    await bed.request('POST', RS, replicaSet(4));
    await bed.wait(0);
    await bed.runPods(100); // 50%: steady.
    await bed.request('POST', HPA, autoscaler());
    await bed.wait(15_000);
    await bed.runPods(10); // 5%: 1 replica wanted.
    await bed.wait(60_000);
    expect((await bed.request('GET', `${RS}/web`)).body.spec.replicas).toBe(4);
    const status = (await bed.request('GET', `${HPA}/web`)).body.status;
    expect(status.conditions[0]).toMatchObject({
      reason: 'ScaleDownStabilized',
      message: 'recent recommendations were higher than current one, applying the highest recent recommendation',
    });
    await bed.wait(5 * 60_000);
    expect((await bed.request('GET', `${RS}/web`)).body.spec.replicas).toBe(1);
    const events = await bed.events();
    expect(events.at(-1).message).toBe('New size: 1; reason: All metrics below target');
    await bed.stop();
  });

  it('reports the missing metrics API as FailedGetResourceMetric and FailedComputeMetricsReplicas', async () => {
    const bed = await testbed();
    bed.metrics.up = false;
    await bed.request('POST', RS, replicaSet(1));
    await bed.wait(0);
    await bed.runPods(100);
    await bed.request('POST', HPA, autoscaler());
    await bed.wait(15_000);
    const cause =
      'failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';
    const events = await bed.events();
    expect(events.map((e: Json) => [e.type, e.reason, e.message])).toEqual([
      ['Warning', 'FailedGetResourceMetric', cause],
      [
        'Warning',
        'FailedComputeMetricsReplicas',
        `invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: ${cause}`,
      ],
    ]);
    const status = (await bed.request('GET', `${HPA}/web`)).body.status;
    expect(status.currentMetrics).toEqual([{ type: '' }]);
    expect(status.conditions.map((c: Json) => [c.type, c.status, c.reason])).toEqual([
      ['AbleToScale', 'True', 'SucceededGetScale'],
      ['ScalingActive', 'False', 'FailedGetResourceMetric'],
    ]);
    expect(status.conditions[1].message).toBe(`the HPA was unable to compute the replica count: ${cause}`);
    await bed.stop();
  });

  it('names a missing request, and an AverageValue target scales on raw usage', async () => {
    const bed = await testbed();
    await bed.request('POST', RS, replicaSet(2, {}));
    await bed.wait(0);
    await bed.runPods(300);
    await bed.request('POST', HPA, autoscaler());
    await bed.wait(15_000);
    const [first] = await bed.events();
    expect(first.message).toMatch(
      /^failed to get cpu utilization: missing request for cpu in container app of Pod web-[a-z0-9]{5}$/,
    );
    const averageValue = [
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'AverageValue', averageValue: '100m' } } },
    ];
    await bed.request('PATCH', `${HPA}/web`, { spec: { metrics: averageValue } }, 'application/merge-patch+json');
    await bed.wait(15_000);
    expect((await bed.request('GET', `${RS}/web`)).body.spec.replicas).toBe(4);
    const status = (await bed.request('GET', `${HPA}/web`)).body.status;
    expect(status.currentMetrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', current: { averageValue: '300m' } } },
    ]);
    await bed.stop();
  });

  it('ignores unready pods on a scale-up and keeps within minReplicas/maxReplicas', async () => {
    const bed = await testbed();
    await bed.request('POST', RS, replicaSet(2));
    await bed.wait(0);
    await bed.runPods(200);
    // One pod turns unready during its initialization period: it counts as 0% on a scale-up.
    const [pod] = (await bed.request('GET', `${ns}/pods`)).body.items;
    const now = formatTime(bed.clock.now());
    await bed.request(
      'PATCH',
      `${ns}/pods/${pod.metadata.name}/status`,
      { status: { startTime: now, conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: now }] } },
      'application/merge-patch+json',
    );
    await bed.request('POST', HPA, autoscaler({ maxReplicas: 3 }));
    await bed.wait(15_000);
    // 100% on the ready pod; with the unready one at 0%: 50%, within tolerance: no change.
    expect((await bed.request('GET', `${RS}/web`)).body.spec.replicas).toBe(2);
    await bed.request('PATCH', `${RS}/web`, { spec: { replicas: 5 } }, 'application/merge-patch+json');
    await bed.wait(15_000);
    expect((await bed.request('GET', `${RS}/web`)).body.spec.replicas).toBe(3);
    const events = await bed.events();
    expect(events.at(-1).message).toBe('New size: 3; reason: Current number of replicas above Spec.MaxReplicas');
    await bed.stop();
  });
});
