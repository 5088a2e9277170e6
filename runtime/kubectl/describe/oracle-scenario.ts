import type { ApiHandler } from '../../api/types';
import { VirtualClock } from '../../clock';
import { createPlayground, type Playground } from '../../playground';
import { createSeededRng } from '../../rng';
import { MemoryBackend } from '../../storage/backend';

/**
 * The cluster `kubectl describe` is recorded against (scripts/oracle/record-kubectl-describe.ts)
 * and replayed on (describe.test.ts): the same start time, seed and steps give the same objects,
 * names, UIDs and events, so the recorder and the test share this module.
 */
export interface DescribeScenario {
  clock: VirtualClock;
  playground: Playground;
  api: ApiHandler;
}

/** The seed of the scenario's randomness. */
export const SCENARIO_SEED = 'describe-oracle';

/** Lets the host run what is ready (setImmediate in Node); injected, as runtime/ has no timers. */
export type Settle = () => Promise<void>;

/** Runs the virtual clock, timer by timer, for `ms` of virtual time. */
async function runFor(clock: VirtualClock, settle: Settle, ms: number): Promise<void> {
  const end = clock.now() + ms;
  for (;;) {
    for (let i = 0; i < 3; i++) await settle();
    const next = clock.nextTimerAt();
    if (next === undefined || next > end) break;
    clock.advance(next - clock.now());
  }
  clock.advance(end - clock.now());
  for (let i = 0; i < 3; i++) await settle();
}

const labels = (app: string) => ({ app });

/** The objects the scenario creates, in order: [collection path, object]. */
function scenarioObjects(): Array<[string, Record<string, unknown>]> {
  const ns = '/api/v1/namespaces/default';
  const apps = '/apis/apps/v1/namespaces/default';
  const webTemplate = {
    metadata: { labels: labels('web') },
    spec: {
      containers: [
        {
          name: 'nginx',
          image: 'nginx',
          ports: [{ containerPort: 80 }],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
        },
      ],
    },
  };
  return [
    ['/api/v1/namespaces', { metadata: { name: 'team-a', labels: { team: 'a' } } }],
    [
      `${ns}/resourcequotas`,
      { metadata: { name: 'quota' }, spec: { hard: { pods: '10', services: '5', configmaps: '10' } } },
    ],
    [
      `${ns}/limitranges`,
      {
        metadata: { name: 'limits' },
        spec: {
          limits: [
            {
              type: 'Container',
              default: { memory: '256Mi' },
              defaultRequest: { memory: '128Mi' },
              max: { memory: '1Gi' },
            },
          ],
        },
      },
    ],
    [`${ns}/configmaps`, { metadata: { name: 'app-config' }, data: { 'app.mode': 'production', greeting: 'hello' } }],
    [
      `${ns}/secrets`,
      { metadata: { name: 'app-secret' }, type: 'Opaque', data: { password: 'czNjcjN0', user: 'YWRtaW4=' } },
    ],
    [`${ns}/serviceaccounts`, { metadata: { name: 'builder' } }],
    [
      `${apps}/deployments`,
      {
        metadata: { name: 'web', labels: labels('web') },
        spec: { replicas: 2, selector: { matchLabels: labels('web') }, template: webTemplate },
      },
    ],
    [
      `${ns}/pods`,
      {
        metadata: { name: 'nginx', labels: { run: 'nginx' } },
        spec: {
          containers: [
            {
              name: 'nginx',
              image: 'nginx',
              env: [
                { name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'app.mode' } } },
                { name: 'GREETING', value: 'hi' },
              ],
              volumeMounts: [{ name: 'config', mountPath: '/etc/app' }],
            },
          ],
          volumes: [{ name: 'config', configMap: { name: 'app-config' } }],
        },
      },
    ],
    [
      `${ns}/pods`,
      {
        metadata: { name: 'sleeper', labels: { app: 'sleeper' } },
        spec: {
          containers: [
            {
              name: 'busybox',
              image: 'busybox',
              command: ['sleep', '3600'],
              livenessProbe: { exec: { command: ['true'] }, periodSeconds: 5 },
            },
          ],
        },
      },
    ],
    [
      `${ns}/services`,
      {
        metadata: { name: 'web', labels: labels('web') },
        spec: { selector: labels('web'), ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] },
      },
    ],
    [
      `${ns}/services`,
      {
        metadata: { name: 'web-np' },
        spec: { type: 'NodePort', selector: labels('web'), ports: [{ name: 'http', port: 8080, targetPort: 80 }] },
      },
    ],
    [
      '/apis/batch/v1/namespaces/default/jobs',
      {
        metadata: { name: 'pi' },
        spec: {
          template: {
            spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'busybox', command: ['echo', 'pi'] }] },
          },
        },
      },
    ],
    [
      '/apis/batch/v1/namespaces/default/cronjobs',
      {
        metadata: { name: 'hello' },
        spec: {
          schedule: '*/5 * * * *',
          jobTemplate: {
            spec: {
              template: {
                spec: {
                  restartPolicy: 'OnFailure',
                  containers: [{ name: 'hello', image: 'busybox', command: ['date'] }],
                },
              },
            },
          },
        },
      },
    ],
    [
      `${apps}/daemonsets`,
      {
        metadata: { name: 'agent' },
        spec: {
          selector: { matchLabels: labels('agent') },
          template: {
            metadata: { labels: labels('agent') },
            spec: { containers: [{ name: 'agent', image: 'busybox', command: ['sleep', '3600'] }] },
          },
        },
      },
    ],
    [
      `${apps}/statefulsets`,
      {
        metadata: { name: 'db' },
        spec: {
          serviceName: 'db',
          replicas: 1,
          selector: { matchLabels: labels('db') },
          template: {
            metadata: { labels: labels('db') },
            spec: { containers: [{ name: 'redis', image: 'redis' }] },
          },
        },
      },
    ],
    [
      `${ns}/persistentvolumeclaims`,
      {
        metadata: { name: 'data' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
    [
      '/api/v1/persistentvolumes',
      {
        metadata: { name: 'pv-manual' },
        spec: {
          capacity: { storage: '2Gi' },
          accessModes: ['ReadWriteOnce'],
          hostPath: { path: '/data/pv-manual' },
          storageClassName: 'manual',
        },
      },
    ],
    [
      '/apis/networking.k8s.io/v1/namespaces/default/ingresses',
      {
        metadata: { name: 'web' },
        spec: {
          rules: [
            {
              host: 'web.example.com',
              http: {
                paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }],
              },
            },
          ],
        },
      },
    ],
    [
      '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers',
      {
        metadata: { name: 'web' },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
          minReplicas: 2,
          maxReplicas: 5,
          metrics: [
            { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
          ],
        },
      },
    ],
    [
      '/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles',
      {
        metadata: { name: 'pod-reader' },
        rules: [{ apiGroups: [''], resources: ['pods', 'pods/log'], verbs: ['get', 'list', 'watch'] }],
      },
    ],
    [
      '/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings',
      {
        metadata: { name: 'read-pods' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
        subjects: [{ kind: 'ServiceAccount', name: 'builder', namespace: 'default' }],
      },
    ],
    [
      '/apis/policy/v1/namespaces/default/poddisruptionbudgets',
      { metadata: { name: 'web' }, spec: { minAvailable: 1, selector: { matchLabels: labels('web') } } },
    ],
    [
      '/apis/scheduling.k8s.io/v1/priorityclasses',
      { metadata: { name: 'high' }, value: 1000, description: 'Important workloads.' },
    ],
    [
      '/apis/networking.k8s.io/v1/namespaces/default/networkpolicies',
      {
        metadata: { name: 'web-allow' },
        spec: {
          podSelector: { matchLabels: labels('web') },
          ingress: [{ from: [{ podSelector: { matchLabels: { role: 'frontend' } } }], ports: [{ port: 80 }] }],
        },
      },
    ],
  ];
}

const BOOT_MS = 30_000;
const STEP_MS = 1_000;
const SETTLE_MS = 60_000;

/** Virtual time the scenario runs for: a recorder starts the clock this long before real now. */
export const SCENARIO_DURATION_MS = BOOT_MS + scenarioObjects().length * STEP_MS + SETTLE_MS;

/**
 * Boots the scenario: a minikube playground on a virtual clock started at `startMs`, 30 s of
 * boot, then the objects above, then 60 s for controllers, scheduler and kubelets to act.
 */
export async function buildDescribeScenario(startMs: number, settle: Settle): Promise<DescribeScenario> {
  const clock = new VirtualClock(startMs);
  const playground = await createPlayground({
    clock,
    rng: createSeededRng(SCENARIO_SEED),
    storage: new MemoryBackend(),
  });
  await playground.loadCommands();
  await playground.startComponents();
  const api = playground.cluster.api;
  await runFor(clock, settle, BOOT_MS);
  for (const [path, object] of scenarioObjects()) {
    const response = await api({
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(object),
    });
    if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${response.body}`);
    await runFor(clock, settle, STEP_MS);
  }
  await runFor(clock, settle, SETTLE_MS);
  return { clock, playground, api };
}
