// A cluster saved by an older kubeplay opens in this one: the frozen records of storage schema 1
// (written by kubeplay before schema 2 existed) are migrated and served as they were.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../runtime/clock';
import { createSeededRng } from '../runtime/rng';
import { History } from '../runtime/shell/history';
import { MemoryBackend, type StorageBackend, type StorageWrite } from '../runtime/storage/backend';
import { STORE_SCHEMA } from '../runtime/storage/schema';
import { Store } from '../runtime/storage/store';
import { IdbBackend } from '../worker/idb-backend';
import { createTestApi } from './api';
import { TEST_EPOCH } from './harness';

const FROZEN_V1: Array<[string, string]> = JSON.parse(
  readFileSync(new URL('fixtures/storage/schema-v1.json', import.meta.url), 'utf8'),
);
const v1Records = (): StorageWrite[] => FROZEN_V1.map(([key, json]) => ({ key, value: JSON.parse(json) }));

/** Counts the commits a backend receives. */
function counting(backend: StorageBackend): StorageBackend & { commits: number } {
  const counted = Object.assign(Object.create(backend) as StorageBackend, { commits: 0 });
  counted.commit = (writes) => {
    counted.commits++;
    return backend.commit(writes);
  };
  counted.scan = (prefix) => backend.scan(prefix);
  return counted;
}

let databases = 0;
const backends: Array<[string, () => Promise<StorageBackend>]> = [
  ['memory', async () => new MemoryBackend()],
  ['IndexedDB (fake-indexeddb)', () => IdbBackend.open(`migration-${++databases}`)],
];

describe.each(backends)('storage schema 1 → %s', (_name, open) => {
  it('serves the objects, revision and history schema 1 kept', async () => {
    const backend = await open();
    await backend.commit(v1Records());
    const { request } = await createTestApi(backend);

    const pod = await request('GET', '/api/v1/namespaces/shop/pods/redis');
    expect(pod.status).toBe(200);
    expect(pod.body.metadata).toMatchObject({ name: 'redis', namespace: 'shop', resourceVersion: '7' });
    expect(pod.body.metadata.creationTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(pod.body.spec.containers[0].image).toBe('redis:7.4');

    const deployment = await request('GET', '/apis/apps/v1/namespaces/default/deployments/web');
    expect(deployment.body.metadata).toMatchObject({ resourceVersion: '9', generation: 1 });
    expect(deployment.body.spec.strategy.type).toBe('RollingUpdate');

    expect((await request('GET', '/api/v1/namespaces/default/configmaps/settings')).status).toBe(404);
    // Schema 1 left revision 10; opening the cluster then made the API server's own objects it
    // lacked, as kube-apiserver does at every start: the default RBAC objects (68 ClusterRoles,
    // 49 ClusterRoleBindings, 7 Roles, 7 RoleBindings), then the 2 system PriorityClasses and the
    // kubernetes Service, Endpoints and EndpointSlice.
    const BOOTSTRAP = 131 + 5;
    const namespaces = await request('GET', '/api/v1/namespaces');
    expect(namespaces.body.metadata.resourceVersion).toBe(String(10 + BOOTSTRAP));
    expect(namespaces.body.items.map((n: { metadata: { name: string } }) => n.metadata.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'shop',
    ]);

    // The revision goes on from where schema 1 left it.
    const created = await request('POST', '/api/v1/namespaces/default/configmaps', {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'after' },
    });
    expect(created.body.metadata.resourceVersion).toBe(String(10 + BOOTSTRAP + 1));

    const history = await History.load(backend, new VirtualClock(TEST_EPOCH), createSeededRng('t'));
    expect(history.entries()).toEqual(['kubectl get pods -A', 'kubectl create namespace shop']);
  });

  it('rewrites the records in the current schema, once', async () => {
    const backend = counting(await open());
    await backend.commit(v1Records());
    await Store.open(backend);
    expect(backend.commits).toBe(2); // the frozen records, then one migration commit
    expect(await backend.scan('meta/schema')).toEqual([['meta/schema', STORE_SCHEMA]]);
    const [[key, record]] = await backend.scan('objects/core/pods/shop/redis');
    expect(key).toBe('objects/core/pods/shop/redis');
    expect(Object.keys(record as object)).toEqual(['value', 'createRevision', 'modRevision']);

    const reopened = await Store.open(backend);
    expect(backend.commits).toBe(2);
    expect(reopened.get('core/pods/shop/redis')).toMatchObject({ createRevision: 7, modRevision: 7 });
  });

  it('refuses a cluster saved by a newer kubeplay and leaves it untouched', async () => {
    const backend = counting(await open());
    await backend.commit([...v1Records(), { key: 'meta/schema', value: STORE_SCHEMA + 1 }]);
    await expect(Store.open(backend)).rejects.toThrow(
      `the saved cluster has storage schema ${STORE_SCHEMA + 1}, newer than this kubeplay's ${STORE_SCHEMA}`,
    );
    expect(backend.commits).toBe(1);
  });
});
