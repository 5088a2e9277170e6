import type { ClusterNetwork } from '../runtime/api/node-connection';
import type { ApiHandler, ApiResponse } from '../runtime/api/types';
import { VirtualClock } from '../runtime/clock';
import { createCluster, type Cluster } from '../runtime/cluster';
import { createSeededRng } from '../runtime/rng';
import { MemoryBackend, type StorageBackend } from '../runtime/storage/backend';
import { TEST_EPOCH } from './harness';

/** Decoded JSON that tests read freely. */
type Json = any;

/** The Accept header kubectl sends for tables. */
export const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** A cluster's API on virtual time, with small helpers that speak JSON. */
export interface TestApi {
  api: ApiHandler;
  cluster: Cluster;
  clock: VirtualClock;
  storage: StorageBackend;
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: Json; response: ApiResponse }>;
}

/** A fresh cluster (or one over `storage`) and a JSON client for its API. */
export async function createTestApi(
  storage: StorageBackend = new MemoryBackend(),
  network?: ClusterNetwork,
): Promise<TestApi> {
  const clock = new VirtualClock(TEST_EPOCH);
  const cluster = await createCluster({ clock, rng: createSeededRng('api-test'), storage, network });
  return {
    api: cluster.api,
    cluster,
    clock,
    storage,
    async request(method, path, body, headers = {}) {
      const response = await cluster.api({
        method,
        path,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, body: response.body ? JSON.parse(response.body) : undefined, response };
    },
  };
}

/** A minimal pod manifest. */
export function podManifest(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, ...(extra.metadata as object) },
    spec: { containers: [{ name: 'nginx', image: 'nginx' }], ...(extra.spec as object) },
  };
}

/**
 * A valid CustomResourceDefinition of widgets.example.com (kind Widget, one version v1) whose
 * version has `schema` as its openAPIV3Schema; `version` adds to that version (subresources…).
 */
export function widgetDefinition(schema: Json, version: Json = {}, names: Json = {}): Json {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'widgets', kind: 'Widget', ...names },
      versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: schema }, ...version }],
    },
  };
}

/** The body a recorded request sent: in-process clients send values, others JSON text. */
export function sentBody(request: { value?: unknown; body?: unknown }): any {
  return request.value !== undefined ? request.value : JSON.parse(String(request.body ?? '{}'));
}
