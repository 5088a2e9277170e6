import type { ApiHandler } from '../runtime/api/types';
import { RestClient } from '../runtime/client/rest-client';
import { controllerUserAgent } from '../runtime/client/user-agent';
import { EventRecorder } from '../runtime/controllers/events';
import {
  GARBAGE_COLLECTOR_EVENT_SOURCE,
  GARBAGE_COLLECTOR_SERVICE_ACCOUNT,
  GarbageCollector,
} from '../runtime/controllers/garbage-collector';
import { ControllerManager, type ControllerName } from '../runtime/controllers/manager';
import { NAMESPACE_CONTROLLER_SERVICE_ACCOUNT, NamespaceController } from '../runtime/controllers/namespace';
import { createSeededRng } from '../runtime/rng';
import { formatTime } from '../runtime/util/time';
import { createTestApi, type TestApi } from './api';
import { recordingApi, runFor, settle, type RecordedRequest } from './controllers';

/** Decoded JSON that tests read freely. */
type Json = any;

const MERGE = { 'content-type': 'application/merge-patch+json' };

/** What the testbed starts besides the garbage collector and the namespace controller. */
export interface CollectorTestbedOptions {
  /** Controllers run by a ControllerManager on the same informers (default none). */
  controllers?: ControllerName[];
  /** Wraps the API the collector and the namespace controller talk to (to inject failures). */
  wrapApi?: (api: ApiHandler) => ApiHandler;
}

/** A cluster with the garbage collector and the namespace controller running, and what a test does to it. */
export interface CollectorTestbed extends TestApi {
  manager: ControllerManager;
  gc: GarbageCollector;
  namespaces: NamespaceController;
  /** Every write the collector and the namespace controller sent (not reads, not events). */
  writes: RecordedRequest[];
  /** Failed syncs the collector or the namespace controller reported. */
  errors: Array<{ key: string; message: string }>;
  /** POSTs `manifest` to `path`; throws unless it is created. */
  create(path: string, manifest: Json): Promise<Json>;
  /** GET: the status and body. */
  get(path: string): Promise<{ status: number; body: Json }>;
  /** A namespace's pods. */
  pods(namespace?: string): Promise<Json[]>;
  /** What a scheduler and kubelet would do for each pending pod of `namespace`: bind it, report it Running. */
  runPods(namespace?: string): Promise<string[]>;
  /** What the kubelet does once a terminating pod has stopped: delete it with grace 0. */
  finishTerminating(namespace?: string): Promise<void>;
  /** The namespace's events, once every recorder has written what it holds. */
  events(namespace?: string): Promise<Json[]>;
  /** Lets `ms` of virtual time pass (0: just the work that is ready). */
  wait(ms?: number): Promise<void>;
}

/** Starts the garbage collector and the namespace controller (and `options.controllers`) on a fresh cluster. */
export async function collectorTestbed(options: CollectorTestbedOptions = {}): Promise<CollectorTestbed> {
  const test = await createTestApi();
  const rng = createSeededRng('collector-test');
  const errors: CollectorTestbed['errors'] = [];
  const onError = (key: string, error: unknown): void => {
    errors.push({ key, message: (error as Error).message });
  };
  // The other controllers' failures (conflicts while they race) are theirs, not the tests' concern.
  const manager = new ControllerManager(test.api, test.clock, rng, { resyncPeriodMs: 0 });
  const recorded = recordingApi(
    (options.wrapApi ?? ((api) => api))(test.api),
    test.clock,
    (r) => r.method !== 'GET' && !/\/events(\?|\/|$)/.test(r.path),
  );
  const clientFor = (serviceAccount: string): RestClient =>
    new RestClient(recorded.api, { userAgent: controllerUserAgent(serviceAccount), fieldValidation: 'Ignore' });
  const gcClient = clientFor(GARBAGE_COLLECTOR_SERVICE_ACCOUNT);
  const recorder = new EventRecorder(gcClient, test.clock, rng, { component: GARBAGE_COLLECTOR_EVENT_SOURCE });
  const gc = new GarbageCollector({
    client: gcClient,
    informers: manager.informers,
    clock: test.clock,
    recorder,
    onError,
  });
  const namespaces = new NamespaceController({
    client: clientFor(NAMESPACE_CONTROLLER_SERVICE_ACCOUNT),
    informers: manager.informers,
    clock: test.clock,
    onError,
  });
  manager.start(options.controllers ?? []);
  void gc.run(5);
  void namespaces.run(2);
  for (let i = 0; i < 100 && !(gc.hasSynced() && namespaces.hasSynced()); i++) await settle();
  if (!gc.hasSynced()) throw new Error('the garbage collector did not sync');
  await settle();
  const nsPath = (namespace: string): string => `/api/v1/namespaces/${namespace}`;
  const bed: CollectorTestbed = {
    ...test,
    manager,
    gc,
    namespaces,
    writes: recorded.requests,
    errors,
    async create(path, manifest) {
      const { status, body } = await test.request('POST', path, manifest);
      if (status !== 201) throw new Error(`create ${path}: ${status} ${body?.message}`);
      await settle();
      return body;
    },
    async get(path) {
      const { status, body } = await test.request('GET', path);
      return { status, body };
    },
    async pods(namespace = 'default') {
      return (await test.request('GET', `${nsPath(namespace)}/pods`)).body.items;
    },
    async runPods(namespace = 'default') {
      const started: string[] = [];
      for (const pod of await bed.pods(namespace)) {
        const name: string = pod.metadata.name;
        if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Running') continue;
        if (!pod.spec.nodeName) {
          await test.request('POST', `${nsPath(namespace)}/pods/${name}/binding`, {
            apiVersion: 'v1',
            kind: 'Binding',
            metadata: { name },
            target: { apiVersion: 'v1', kind: 'Node', name: 'minikube' },
          });
        }
        const conditions = [{ type: 'Ready', status: 'True', lastTransitionTime: formatTime(test.clock.now()) }];
        const status = { status: { phase: 'Running', conditions } };
        await test.request('PATCH', `${nsPath(namespace)}/pods/${name}/status`, status, MERGE);
        started.push(name);
      }
      await settle();
      return started;
    },
    async finishTerminating(namespace = 'default') {
      for (const pod of await bed.pods(namespace)) {
        if (!pod.metadata.deletionTimestamp) continue;
        await test.request('DELETE', `${nsPath(namespace)}/pods/${pod.metadata.name}`, { gracePeriodSeconds: 0 });
      }
      await settle();
    },
    async events(namespace = 'default') {
      await Promise.all([manager.flushEvents(), recorder.flush()]);
      await settle();
      return (await test.request('GET', `${nsPath(namespace)}/events`)).body.items;
    },
    wait: (ms = 0) => runFor(test.clock, ms),
  };
  return bed;
}
