import { afterEach, describe, expect, it } from 'vitest';
import { minikubeTestbed, type MinikubeTestbed } from '../minikube';

/** Decoded JSON that tests read freely. */
type Json = any;

let bed: MinikubeTestbed | undefined;
afterEach(async () => {
  await bed?.stop();
  bed = undefined;
});

const configMap = (data: Record<string, string>): Json => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'greeting' },
  data,
});

describe('ConfigMaps in pods (the kubelet watches them, as its Watch strategy does)', () => {
  it('waits with CreateContainerConfigError until the ConfigMap exists, then starts with its value', async () => {
    bed = await minikubeTestbed();
    await bed.wait(10_000);
    const created = await bed.request('POST', '/api/v1/namespaces/default/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'env' },
      spec: {
        containers: [
          {
            name: 'env',
            image: 'busybox',
            command: ['sh', '-c', 'echo "hello $WHO"; sleep 3600'],
            env: [{ name: 'WHO', valueFrom: { configMapKeyRef: { name: 'greeting', key: 'who' } } }],
          },
        ],
      },
    });
    expect(created.status).toBe(201);
    await bed.wait(5_000);
    const waiting = (await bed.request('GET', '/api/v1/namespaces/default/pods/env')).body.status.containerStatuses[0]
      .state.waiting;
    expect(waiting).toEqual({ reason: 'CreateContainerConfigError', message: 'configmap "greeting" not found' });
    expect(
      (await bed.request('POST', '/api/v1/namespaces/default/configmaps', configMap({ who: 'kubeplay' }))).status,
    ).toBe(201);
    await bed.wait(30_000);
    const pod = (await bed.request('GET', '/api/v1/namespaces/default/pods/env')).body;
    expect(pod.status.phase).toBe('Running');
    expect((await bed.request('GET', '/api/v1/namespaces/default/pods/env/log')).text).toBe('hello kubeplay\n');
  });

  it('mounts a ConfigMap as files; many pods on a node share one watch of it instead of a read each', async () => {
    const reads: string[] = [];
    bed = await minikubeTestbed(undefined, undefined, undefined, (method, path) => {
      if (/\/namespaces\/default\/configmaps/.test(path)) reads.push(`${method} ${decodeURIComponent(path)}`);
    });
    await bed.wait(10_000);
    await bed.request(
      'POST',
      '/api/v1/namespaces/default/configmaps',
      configMap({ 'index.html': 'hi from a ConfigMap\n' }),
    );
    for (const name of ['a', 'b', 'c']) {
      await bed.request('POST', '/api/v1/namespaces/default/pods', {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name },
        spec: {
          containers: [
            {
              name,
              image: 'busybox',
              command: ['sh', '-c', 'cat /etc/site/index.html; sleep 3600'],
              volumeMounts: [{ name: 'site', mountPath: '/etc/site' }],
            },
          ],
          volumes: [{ name: 'site', configMap: { name: 'greeting' } }],
        },
      });
    }
    await bed.wait(30_000);
    for (const name of ['a', 'b', 'c']) {
      expect((await bed.request('GET', `/api/v1/namespaces/default/pods/${name}/log`)).text).toBe(
        'hi from a ConfigMap\n',
      );
    }
    // The kubelet's reads: one list and one watch, by name, of each ConfigMap its pods use (this
    // one, and kube-root-ca.crt of the service account token volume), however many pods use it.
    const gets = reads
      .filter((r) => r.startsWith('GET '))
      .map((r) => r.replace(/resourceVersion=[1-9]\d*/, 'resourceVersion=N'));
    expect(gets.map((r) => r.replace(/&timeoutSeconds=\d+/, ''))).toEqual([
      'GET /api/v1/namespaces/default/configmaps?fieldSelector=metadata.name=greeting&resourceVersion=0',
      'GET /api/v1/namespaces/default/configmaps?watch=true&fieldSelector=metadata.name=greeting&resourceVersion=N&allowWatchBookmarks=true',
      'GET /api/v1/namespaces/default/configmaps?fieldSelector=metadata.name=kube-root-ca.crt&resourceVersion=0',
      'GET /api/v1/namespaces/default/configmaps?watch=true&fieldSelector=metadata.name=kube-root-ca.crt&resourceVersion=N&allowWatchBookmarks=true',
    ]);
  });
});
