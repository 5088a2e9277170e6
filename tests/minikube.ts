import { VirtualClock } from '../runtime/clock';
import { createCluster } from '../runtime/cluster';
import { PodNetwork } from '../runtime/network/cluster-network';
import { createMetricsServer } from '../runtime/minikube/metrics';
import { startMinikube, type MinikubeComponents } from '../runtime/minikube/start';
import { createSeededRng } from '../runtime/rng';
import { MemoryBackend, type StorageBackend } from '../runtime/storage/backend';
import { TEST_EPOCH } from './harness';
import { runFor, settle } from './controllers';

/** Decoded JSON that tests read freely. */
type Json = any;

/** A whole minikube cluster on the virtual clock, and what a test does to it. */
export interface MinikubeTestbed {
  clock: VirtualClock;
  components: MinikubeComponents;
  network: PodNetwork;
  errors: Array<{ component: string; message: string }>;
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Json; text: string }>;
  /** Lets `ms` of virtual time pass, with all the work it brings. */
  wait(ms?: number): Promise<void>;
  /** Pods of a namespace, by name. */
  pods(namespace?: string): Promise<Json[]>;
  events(namespace?: string): Promise<Json[]>;
  stop(): Promise<void>;
}

/**
 * Boots minikube on the virtual clock against a fresh in-memory store, or against `storage`
 * at `clock` (a reload of the page: what the store kept, later).
 */
export async function minikubeTestbed(
  seed = 'minikube-test',
  storage: StorageBackend = new MemoryBackend(),
  clock = new VirtualClock(TEST_EPOCH),
  /** Hears every request the cluster's components make. */
  onComponentRequest?: (method: string, path: string) => void,
): Promise<MinikubeTestbed> {
  const rng = createSeededRng(seed);
  const network = new PodNetwork();
  const metrics = createMetricsServer(clock);
  const cluster = await createCluster({ clock, rng, storage, network, metrics: metrics.server });
  const errors: Array<{ component: string; message: string }> = [];
  const componentApi: typeof cluster.api = onComponentRequest
    ? (request) => {
        onComponentRequest(request.method, request.path);
        return cluster.api(request);
      }
    : cluster.api;
  const components = await startMinikube(componentApi, network, clock, rng, {
    manager: { resyncPeriodMs: 0 },
    metrics,
    onError: (component, error) => errors.push({ component, message: (error as Error).message }),
  });
  await settle();
  const request: MinikubeTestbed['request'] = async (method, path, body, headers = {}) => {
    const response = await cluster.api({
      method,
      path,
      headers: { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    let parsed: Json;
    try {
      parsed = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text: response.body };
  };
  return {
    clock,
    components,
    network,
    errors,
    request,
    wait: (ms = 0) => runFor(clock, ms),
    async pods(namespace = 'default') {
      return (await request('GET', `/api/v1/namespaces/${namespace}/pods`)).body.items;
    },
    async events(namespace = 'default') {
      for (const kubelet of components.kubelets) await kubelet.flushEvents();
      await components.manager.flushEvents();
      await settle();
      return (await request('GET', `/api/v1/namespaces/${namespace}/events`)).body.items;
    },
    async stop() {
      await components.stop();
      await cluster.store.flush();
    },
  };
}
