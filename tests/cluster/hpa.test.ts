import { afterEach, describe, expect, it } from 'vitest';
import { minikubeTestbed, type MinikubeTestbed } from '../minikube';

let bed: MinikubeTestbed | undefined;
afterEach(async () => {
  await bed?.stop();
  bed = undefined;
});

describe('the metrics-server addon and the HorizontalPodAutoscaler', () => {
  it('serves pod metrics once enabled, and scales an idle Deployment down to minReplicas after the stabilization window', async () => {
    bed = await minikubeTestbed();
    await bed.wait(10_000);
    expect((await bed.request('GET', '/apis/metrics.k8s.io/v1beta1/pods')).status).toBe(404);
    await bed.components.enableAddon('metrics-server');
    await bed.request('POST', '/apis/apps/v1/namespaces/default/deployments', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx', resources: { requests: { cpu: '100m' } } }] },
        },
      },
    });
    await bed.request('POST', '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers', {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
        minReplicas: 1,
        maxReplicas: 5,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } },
        ],
      },
    });
    await bed.wait(3 * 60_000);
    const metrics = await bed.request('GET', '/apis/metrics.k8s.io/v1beta1/namespaces/default/pods');
    expect(metrics.status).toBe(200);
    expect(metrics.body.items).toHaveLength(3);
    for (const item of metrics.body.items) expect(item.containers[0].usage.cpu).toMatch(/^\d+[mn]?$/);
    expect((await bed.request('GET', '/apis/apps/v1/namespaces/default/deployments/web')).body.spec.replicas).toBe(3);
    await bed.wait(5 * 60_000);
    expect((await bed.request('GET', '/apis/apps/v1/namespaces/default/deployments/web')).body.spec.replicas).toBe(1);
    const rescale = (await bed.events()).filter((e) => e.reason === 'SuccessfulRescale');
    expect(rescale.map((e) => e.message)).toEqual(['New size: 1; reason: All metrics below target']);
    const hpa = (await bed.request('GET', '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/web')).body;
    expect(hpa.status).toMatchObject({ currentReplicas: 1, desiredReplicas: 1 });
  }, 60_000);
});
