// A cluster in a known state for oracle cases: a fresh harness (seeded, virtual time), a few
// workloads created through the API, and the clock run 90 s on so they are Running. The
// recorders serve it to the real kubectl; the tests rebuild it and run kubeplay's kubectl.
import { createHarness, type Harness } from './harness';

const OBJECTS: Array<[string, unknown]> = [
  [
    '/apis/apps/v1/namespaces/default/deployments',
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web', tier: 'front' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }] }] },
        },
      },
    },
  ],
  [
    '/api/v1/namespaces/default/pods',
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'bb', labels: { run: 'bb' } },
      spec: { containers: [{ name: 'bb', image: 'busybox', command: ['sleep', '3600'] }] },
    },
  ],
  [
    '/api/v1/namespaces/default/services',
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80 }] },
    },
  ],
  ['/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } }],
  [
    '/api/v1/namespaces/dev/configmaps',
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { mode: 'dev' } },
  ],
];

/** The scenario's harness, its objects created and the clock 90 s on. */
export async function kubectlScenario(): Promise<Harness> {
  const harness = await createHarness();
  for (const [path, object] of OBJECTS) {
    const reply = await harness.playground.cluster.api({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(object),
    });
    if (reply.status >= 300) throw new Error(`${path}: ${reply.body}`);
  }
  const end = harness.clock.now() + 90_000;
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  for (;;) {
    for (let i = 0; i < 3; i++) await settle();
    const next = harness.clock.nextTimerAt();
    if (next === undefined || next > end) break;
    harness.clock.advance(next - harness.clock.now());
  }
  harness.clock.advance(end - harness.clock.now());
  for (let i = 0; i < 3; i++) await settle();
  return harness;
}
