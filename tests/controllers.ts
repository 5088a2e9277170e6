import type { ApiHandler, ApiRequest } from '../runtime/api/types';
import type { VirtualClock } from '../runtime/clock';
import { ControllerManager, type ManagerOptions } from '../runtime/controllers/manager';
import { createSeededRng } from '../runtime/rng';
import { formatTime } from '../runtime/util/time';
import { createTestApi, type TestApi } from './api';

/**
 * Lets every piece of work that is ready run: the store's commits, watch deliveries, informer
 * handlers and controller workers all chain through promises, so two rounds of the host's
 * macrotask queue drain them.
 */
export async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Lets `ms` of virtual time pass: each timer due in that span fires in turn, with the work it
 * starts run to completion before the next.
 */
export async function runFor(clock: VirtualClock, ms: number): Promise<void> {
  const target = clock.now() + ms;
  await settle();
  for (let next = clock.nextTimerAt(); next !== undefined && next <= target; next = clock.nextTimerAt()) {
    clock.advanceToNextTimer();
    await settle();
  }
  clock.advance(target - clock.now());
  await settle();
}

/** One request the API saw, when, and (once answered) its status. */
export interface RecordedRequest {
  request: ApiRequest;
  at: number;
  status?: number;
  /** Requests of the same kind still unanswered when this one was sent (itself included). */
  inFlight: number;
}

/**
 * Wraps an API handler to record requests that `select` picks, with the clock time they were
 * sent and how many such requests were in flight at the time.
 */
export function recordingApi(
  api: ApiHandler,
  clock: VirtualClock,
  select: (request: ApiRequest) => boolean,
): { api: ApiHandler; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  let inFlight = 0;
  return {
    requests,
    api: async (request) => {
      if (!select(request)) return api(request);
      inFlight++;
      const entry: RecordedRequest = { request, at: clock.now(), inFlight };
      requests.push(entry);
      try {
        const response = await api(request);
        entry.status = response.status;
        return response;
      } finally {
        inFlight--;
      }
    },
  };
}

/** Decoded JSON that tests read freely. */
type Json = any;

/** A ReplicaSet `name` selecting `app=<name>`, whose pods also carry `tier=frontend`. */
export function replicaSetManifest(name: string, replicas: number, spec: Json = {}): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name, tier: 'frontend' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
      },
      ...spec,
    },
  };
}

/** A cluster with the ReplicaSet controller running, and what a test does to it. */
export interface ReplicaSetTestbed extends TestApi {
  manager: ControllerManager;
  /** Every pod create the controller sent. */
  creates: RecordedRequest[];
  /** Failed syncs the controller reported. */
  errors: Array<{ key: string; message: string }>;
  pods(selector?: string): Promise<Json[]>;
  replicaSet(name: string): Promise<Json>;
  /** The namespace's events, once the recorder has written what it holds. */
  events(): Promise<Json[]>;
  scale(name: string, replicas: number): Promise<void>;
  /** What a scheduler and kubelet would do: bind the pod, then report it Running (and Ready). */
  run(pod: string, ready?: boolean): Promise<void>;
  /** Lets `ms` of virtual time pass (0: just the work that is ready). */
  wait(ms?: number): Promise<void>;
}

/** Starts the ReplicaSet controller (with `options`) against a fresh cluster. */
export async function replicaSetTestbed(options: ManagerOptions = {}): Promise<ReplicaSetTestbed> {
  const test = await createTestApi();
  const recorded = recordingApi(test.api, test.clock, (r) => r.method === 'POST' && /\/pods(\?|$)/.test(r.path));
  const errors: Array<{ key: string; message: string }> = [];
  const manager = new ControllerManager(recorded.api, test.clock, createSeededRng('replicaset-test'), {
    resyncPeriodMs: 0,
    onError: (_name, key, error) => errors.push({ key, message: (error as Error).message }),
    ...options,
  });
  manager.start(['replicaset']);
  await settle();
  const ns = '/api/v1/namespaces/default';
  const bed: ReplicaSetTestbed = {
    ...test,
    manager,
    creates: recorded.requests,
    errors,
    async pods(selector) {
      const query = selector ? `?labelSelector=${encodeURIComponent(selector)}` : '';
      return (await test.request('GET', `${ns}/pods${query}`)).body.items;
    },
    async replicaSet(name) {
      return (await test.request('GET', `/apis/apps/v1/namespaces/default/replicasets/${name}`)).body;
    },
    async events() {
      await manager.flushEvents();
      await settle();
      return (await test.request('GET', `${ns}/events`)).body.items;
    },
    async scale(name, replicas) {
      const path = `/apis/apps/v1/namespaces/default/replicasets/${name}`;
      const { status } = await test.request(
        'PATCH',
        path,
        { spec: { replicas } },
        {
          'content-type': 'application/merge-patch+json',
        },
      );
      if (status !== 200) throw new Error(`scale ${name}: ${status}`);
      await settle();
    },
    async run(pod, ready = true) {
      await test.request('POST', `${ns}/pods/${pod}/binding`, {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name: pod },
        target: { apiVersion: 'v1', kind: 'Node', name: 'minikube' },
      });
      const now = formatTime(test.clock.now());
      const conditions = [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now }];
      await test.request(
        'PATCH',
        `${ns}/pods/${pod}/status`,
        { status: { phase: 'Running', conditions } },
        {
          'content-type': 'application/merge-patch+json',
        },
      );
      await settle();
    },
    wait: (ms = 0) => runFor(test.clock, ms),
  };
  return bed;
}
