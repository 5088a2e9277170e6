import { createApiHandler } from './api/handler';
import type { ApiHandler } from './api/types';
import type { Clock } from './clock';
import type { Rng } from './rng';

/** What a cluster is built from: all of it injected. */
export interface ClusterDeps {
  clock: Clock;
  rng: Rng;
}

/** A minikube cluster: for now its API server; controllers, scheduler and kubelets follow. */
export interface Cluster {
  api: ApiHandler;
}

/** Assembles a minikube cluster from its parts. */
export function createCluster(deps: ClusterDeps): Cluster {
  void deps;
  return { api: createApiHandler() };
}
