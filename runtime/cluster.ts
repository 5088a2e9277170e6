import { bootstrapSystem } from './api/bootstrap/system';
import { bootstrapRbac } from './api/bootstrap/rbac';
import { createApiHandler } from './api/handler';
import type { ClusterNetwork } from './api/node-connection';
import type { ApiHandler } from './api/types';
import type { Clock } from './clock';
import type { MetricsProvider } from './metrics/types';
import type { Rng } from './rng';
import type { StorageBackend } from './storage/backend';
import { Store } from './storage/store';

/** What a cluster is built from: all of it injected. */
export interface ClusterDeps {
  clock: Clock;
  rng: Rng;
  storage: StorageBackend;
  /** How the API server reaches kubelets and pods. */
  network?: ClusterNetwork;
  /** What serves metrics.k8s.io (the metrics-server addon); the group is absent without it. */
  metrics?: MetricsProvider;
}

/** A minikube cluster: its API server over its store; controllers, scheduler and kubelets follow. */
export interface Cluster {
  api: ApiHandler;
  store: Store;
}

/** The namespaces every cluster starts with. */
const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

/**
 * Assembles a minikube cluster from its parts and, on first boot, creates what the API server
 * creates itself (the system namespaces, then the default RBAC roles and bindings of its
 * `rbac/bootstrap-roles` hook, the system PriorityClasses and the `kubernetes` Service), through
 * the API like any other client.
 */
export async function createCluster(deps: ClusterDeps): Promise<Cluster> {
  const store = await Store.open(deps.storage);
  const api = createApiHandler({
    store,
    clock: deps.clock,
    rng: deps.rng,
    network: deps.network,
    metrics: deps.metrics,
  });
  await bootstrapCluster(api);
  return { api, store };
}

/**
 * What the API server creates itself in an empty cluster: the system namespaces, then the default
 * RBAC roles and bindings of its `rbac/bootstrap-roles` hook, the system PriorityClasses and the
 * `kubernetes` Service, through the API like any other client. Whatever exists already is kept.
 */
export async function bootstrapCluster(api: ApiHandler): Promise<void> {
  for (const name of SYSTEM_NAMESPACES) {
    const existing = await api({ method: 'GET', path: `/api/v1/namespaces/${name}` });
    if (existing.status !== 404) continue;
    const created = await api({
      method: 'POST',
      // The cluster's own writes skip field validation (and loading the schemas for it).
      path: '/api/v1/namespaces?fieldValidation=Ignore',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }),
    });
    if (created.status !== 201) throw new Error(`could not create namespace ${name}: ${created.body}`);
  }
  await bootstrapRbac(api);
  await bootstrapSystem(api);
}

/**
 * Empties the cluster's store and bootstraps it again, as a new API server over a new etcd
 * would (`minikube delete`, then `minikube start`). Run with the components stopped.
 */
export async function resetCluster(cluster: Cluster): Promise<void> {
  for (const { key } of cluster.store.range('')) await cluster.store.delete(key);
  await bootstrapCluster(cluster.api);
}
