import { proxy, wrap, type Remote } from 'comlink';
import type { SessionListener, WorkerApi } from '../../worker/worker-api';

export type { PageRequest, PageResponse } from '../../worker/worker-api';

/** The page's one door to the runtime: the worker's API, typed, over comlink. */
export type KubeplayWorker = Remote<WorkerApi>;

/** Starts the kubeplay worker; it boots the cluster while the page draws itself. */
export function startWorker(): KubeplayWorker {
  const worker = new Worker(new URL('../../worker/worker.ts', import.meta.url), { type: 'module', name: 'kubeplay' });
  return wrap<WorkerApi>(worker);
}

/** Wraps a listener so the worker can call it back across the thread boundary. */
export function listenerProxy(listener: SessionListener): SessionListener {
  return proxy(listener);
}
