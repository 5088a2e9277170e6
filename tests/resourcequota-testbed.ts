import type { Clock } from '../runtime/clock';
import { RestClient } from '../runtime/client/rest-client';
import { componentUserAgent, controllerUserAgent } from '../runtime/client/user-agent';
import { EventRecorder } from '../runtime/controllers/events';
import { InformerFactory } from '../runtime/controllers/informer';
import { createSeededRng } from '../runtime/rng';
import { formatTime } from '../runtime/util/time';
import { createTestApi, type TestApi } from './api';
import { runFor, settle } from './controllers';

/** Decoded JSON that tests read freely. */
type Json = any;

/** What every controller is built from (the fields of each controller's deps). */
export interface TestControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  onError: (key: string, error: unknown) => void;
}

/** A cluster with one controller running, started as kube-controller-manager would. */
export interface ControllerTestbed<C> extends TestApi {
  controller: C;
  /** Failed syncs the controller reported. */
  errors: Array<{ key: string; message: string }>;
  /** Lets `ms` of virtual time pass (0: just the work that is ready). */
  wait(ms?: number): Promise<void>;
  /** GET a path; the decoded body, or undefined on 404. */
  get(path: string): Promise<Json>;
  /** What a scheduler and kubelet would do: bind the pod in `namespace`, then report it Running. */
  run(namespace: string, pod: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the controller `create` builds on a fresh cluster: shared informers on the agent
 * `…/shared-informers`, a client and event recorder as the service account `serviceAccount`.
 */
export async function controllerTestbed<C extends { run(workers: number): Promise<void>; stop(): void }>(
  serviceAccount: string,
  workers: number,
  create: (deps: TestControllerDeps) => C,
): Promise<ControllerTestbed<C>> {
  const test = await createTestApi();
  const rng = createSeededRng(serviceAccount);
  const informers = new InformerFactory(
    new RestClient(test.api, { userAgent: componentUserAgent('kube-controller-manager', 'shared-informers') }),
    test.clock,
    rng,
    { resyncPeriodMs: 0 },
  );
  const client = new RestClient(test.api, {
    userAgent: controllerUserAgent(serviceAccount),
    fieldValidation: 'Ignore',
  });
  const recorder = new EventRecorder(client, test.clock, rng, { component: serviceAccount });
  const errors: Array<{ key: string; message: string }> = [];
  const controller = create({
    client,
    informers,
    clock: test.clock,
    recorder,
    onError: (key, error) => errors.push({ key, message: (error as Error).message }),
  });
  const done = controller.run(workers);
  informers.start();
  await settle();
  return {
    ...test,
    controller,
    errors,
    wait: (ms = 0) => runFor(test.clock, ms),
    async get(path) {
      const { status, body } = await test.request('GET', path);
      return status === 404 ? undefined : body;
    },
    async run(namespace, pod) {
      const path = `/api/v1/namespaces/${namespace}/pods/${pod}`;
      await test.request('POST', `${path}/binding`, {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: pod },
        target: { apiVersion: 'v1', kind: 'Node', name: 'minikube' },
      });
      const conditions = [{ type: 'Ready', status: 'True', lastTransitionTime: formatTime(test.clock.now()) }];
      await test.request(
        'PATCH',
        `${path}/status`,
        { status: { phase: 'Running', conditions } },
        { 'content-type': 'application/merge-patch+json' },
      );
      await settle();
    },
    async stop() {
      controller.stop();
      informers.shutdown();
      recorder.shutdown();
      await done;
    },
  };
}

/** A namespace manifest. */
export function namespaceManifest(name: string): Json {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** A ResourceQuota `name` with `hard` limits and any more of its spec. */
export function quotaManifest(name: string, hard: Record<string, string>, spec: Json = {}): Json {
  return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name }, spec: { hard, ...spec } };
}

/** A pod whose one container requests and limits what is given. */
export function resourcePod(
  name: string,
  requests: Record<string, string>,
  limits: Record<string, string> = {},
  spec: Json = {},
): Json {
  const resources: Json = {};
  if (Object.keys(requests).length) resources.requests = requests;
  if (Object.keys(limits).length) resources.limits = limits;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { containers: [{ name: 'app', image: 'nginx', resources }], ...spec },
  };
}
