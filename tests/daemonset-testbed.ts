import type { Clock } from '../runtime/clock';
import { RestClient } from '../runtime/client/rest-client';
import { componentUserAgent, controllerUserAgent } from '../runtime/client/user-agent';
import {
  DAEMONSET_CONTROLLER_SERVICE_ACCOUNT,
  DaemonSetController,
  DEFAULT_DAEMONSET_WORKERS,
} from '../runtime/controllers/daemonset';
import { targetNodeName } from '../runtime/controllers/daemonset-util';
import { EventRecorder } from '../runtime/controllers/events';
import { InformerFactory } from '../runtime/controllers/informer';
import { createSeededRng } from '../runtime/rng';
import { formatTime } from '../runtime/util/time';
import { createTestApi, type TestApi } from './api';
import { runFor, settle } from './controllers';
import { nodeManifest, type NodeSpec } from './scheduler';

/** Decoded JSON that tests read freely. */
type Json = any;

const NS = '/api/v1/namespaces/default';
const MERGE = { 'content-type': 'application/merge-patch+json' };

/** What a controller is built from, as the manager builds it (until it is registered there). */
export interface ControllerDeps {
  client: RestClient;
  informers: InformerFactory;
  clock: Clock;
  recorder: EventRecorder;
  onError: (key: string, error: unknown) => void;
}

/** A fresh cluster with one controller running as `serviceAccount`, and common test actions. */
export interface ControllerTestbed extends TestApi {
  errors: Array<{ key: string; message: string }>;
  /** POSTs a manifest to `path` (relative to the default namespace of `group`). */
  create(collection: string, manifest: Json): Promise<Json>;
  get(path: string): Promise<Json>;
  /** A merge patch; throws on failure. */
  patch(path: string, patch: Json): Promise<Json>;
  addNode(name: string, spec?: NodeSpec): Promise<void>;
  pods(): Promise<Json[]>;
  /** The controller's events, oldest first, once written. */
  events(reason?: string): Promise<Json[]>;
  /**
   * What the scheduler and kubelet would do for pods not yet running and not being deleted (or
   * only `names`): bind each to the node its affinity names (else `minikube`), then report it
   * Running, Ready (or not) with a pod IP.
   */
  runPods(names?: string[], ready?: boolean): Promise<string[]>;
  /** What the kubelet does once a terminating pod has stopped: delete it for good. */
  finishTerminating(): Promise<void>;
  wait(ms?: number): Promise<void>;
  stop(): void;
}

/** Starts the controller `build` makes, with its own client and recorder, against a fresh cluster. */
export async function controllerTestbed(
  serviceAccount: string,
  workers: number,
  build: (deps: ControllerDeps) => { run(workers: number): Promise<void>; stop(): void },
): Promise<ControllerTestbed> {
  const test = await createTestApi();
  const rng = createSeededRng(`${serviceAccount}-test`);
  const errors: ControllerTestbed['errors'] = [];
  const shared = new RestClient(test.api, {
    userAgent: componentUserAgent('kube-controller-manager', 'shared-informers'),
  });
  const informers = new InformerFactory(shared, test.clock, rng, { resyncPeriodMs: 0 });
  const client = new RestClient(test.api, {
    userAgent: controllerUserAgent(serviceAccount),
    fieldValidation: 'Ignore',
  });
  const recorder = new EventRecorder(client, test.clock, rng, { component: serviceAccount });
  const controller = build({
    client,
    informers,
    clock: test.clock,
    recorder,
    onError: (key, error) => errors.push({ key, message: (error as Error).message }),
  });
  void controller.run(workers);
  informers.start();
  await settle();
  const check = (what: string, status: number, body: Json): void => {
    if (status >= 300) throw new Error(`${what}: ${status} ${body?.message}`);
  };
  const bed: ControllerTestbed = {
    ...test,
    errors,
    async create(collection, manifest) {
      const { status, body } = await test.request('POST', collection, manifest);
      check(`create ${manifest.metadata?.name}`, status, body);
      await settle();
      return body;
    },
    async get(path) {
      return (await test.request('GET', path)).body;
    },
    async patch(path, patch) {
      const { status, body } = await test.request('PATCH', path, patch, MERGE);
      check(`patch ${path}`, status, body);
      await settle();
      return body;
    },
    async addNode(name, spec) {
      const { status, body } = await test.request('POST', '/api/v1/nodes', nodeManifest(name, spec));
      check(`node ${name}`, status, body);
      await settle();
    },
    async pods() {
      const items: Json[] = (await test.request('GET', `${NS}/pods`)).body.items;
      return items.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    },
    async events(reason) {
      await recorder.flush();
      await settle();
      const items: Json[] = (await test.request('GET', `${NS}/events`)).body.items;
      return items
        .filter((e) => e.source.component === serviceAccount && (!reason || e.reason === reason))
        .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    },
    async runPods(names, ready = true) {
      const started: string[] = [];
      let ip = 10;
      for (const pod of await bed.pods()) {
        const name: string = pod.metadata.name;
        if (names && !names.includes(name)) continue;
        if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Running') continue;
        if (!pod.spec.nodeName) {
          const node = targetNodeName(pod) ?? 'minikube';
          await test.request('POST', `${NS}/pods/${name}/binding`, {
            apiVersion: 'v1',
            kind: 'Binding',
            metadata: { name },
            target: { apiVersion: 'v1', kind: 'Node', name: node },
          });
        }
        const now = formatTime(test.clock.now());
        const conditions = [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }];
        const status = { phase: 'Running', conditions, podIP: `10.244.0.${ip++}` };
        await test.request('PATCH', `${NS}/pods/${name}/status`, { status }, MERGE);
        started.push(name);
      }
      await settle();
      return started;
    },
    async finishTerminating() {
      for (const pod of await bed.pods()) {
        if (!pod.metadata.deletionTimestamp) continue;
        await test.request('DELETE', `${NS}/pods/${pod.metadata.name}`, { gracePeriodSeconds: 0 });
      }
      await settle();
    },
    wait: (ms = 0) => runFor(test.clock, ms),
    stop() {
      controller.stop();
      informers.shutdown();
      recorder.shutdown();
    },
  };
  return bed;
}

/** A cluster with the DaemonSet controller running (nodes are up to the test). */
export function daemonSetTestbed(): Promise<ControllerTestbed> {
  return controllerTestbed(
    DAEMONSET_CONTROLLER_SERVICE_ACCOUNT,
    DEFAULT_DAEMONSET_WORKERS,
    (deps) => new DaemonSetController(deps),
  );
}

/** A DaemonSet `name` selecting `app=<name>`, one busybox container. */
export function daemonSetManifest(name: string, spec: Json = {}, podSpec: Json = {}): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'agent', image: 'busybox' }], ...podSpec },
      },
      ...spec,
    },
  };
}
