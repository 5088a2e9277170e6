import { describe, expect, it } from 'vitest';
import { createTestApi, podManifest, TABLE_ACCEPT } from '../../tests/api';
import { MemoryBackend } from '../storage/backend';

const PODS = '/api/v1/namespaces/default/pods';

describe('discovery', () => {
  it('serves legacy discovery with the real storage version hashes', async () => {
    const { request } = await createTestApi();
    expect((await request('GET', '/api')).body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const v1 = (await request('GET', '/api/v1')).body;
    const byName = Object.fromEntries(v1.resources.map((r: { name: string }) => [r.name, r]));
    expect(byName.pods).toEqual({
      name: 'pods',
      singularName: 'pod',
      namespaced: true,
      kind: 'Pod',
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['po'],
      categories: ['all'],
      storageVersionHash: 'xPOwRZ+Yhw8=',
    });
    expect(byName['pods/eviction']).toMatchObject({
      group: 'policy',
      version: 'v1',
      kind: 'Eviction',
      singularName: '',
    });
    expect(byName.namespaces.storageVersionHash).toBe('Q3oi5N2YM8M=');
    expect(byName.services.storageVersionHash).toBe('0/CO1lhkEBI=');
    const apps = (await request('GET', '/apis/apps/v1')).body;
    const deploy = apps.resources.find((r: { name: string }) => r.name === 'deployments');
    expect(deploy.storageVersionHash).toBe('8aSe+NMegvE=');
    expect(apps.resources.find((r: { name: string }) => r.name === 'replicasets').storageVersionHash).toBe(
      'P1RzHs8/mWQ=',
    );
  });

  it('answers aggregated discovery only with its exact content type', async () => {
    const { request } = await createTestApi();
    const accept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';
    const { response, body } = await request('GET', '/apis', undefined, { accept });
    expect(response.headers['content-type']).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    expect(body.items[0].metadata.name).toBe('apps');
    const plain = await request('GET', '/apis');
    expect(plain.body.kind).toBe('APIGroupList');
  });

  it('returns the real 404 Status for unknown paths', async () => {
    const { request } = await createTestApi();
    for (const path of ['/nope', '/api/v2', '/apis/foo/v1', '/api/v1/namespaces/default/widgets']) {
      expect(await request('GET', path)).toMatchObject({
        status: 404,
        body: {
          kind: 'Status',
          status: 'Failure',
          reason: 'NotFound',
          message: 'the server could not find the requested resource',
          code: 404,
        },
      });
    }
  });
});

describe('create, get, update, delete', () => {
  it('creates a pod with the API server defaults and reads it back', async () => {
    const { request } = await createTestApi();
    const created = await request('POST', PODS, podManifest('nginx'));
    expect(created.status).toBe(201);
    const pod = created.body;
    expect(pod.metadata).toMatchObject({
      name: 'nginx',
      namespace: 'default',
      generation: 1,
      creationTimestamp: '2026-01-01T00:00:00Z',
    });
    expect(pod.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(pod.spec.containers[0]).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePolicy: 'File',
      resources: {},
    });
    expect(pod.spec.volumes[0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    const fetched = await request('GET', `${PODS}/nginx`);
    expect(fetched.body).toEqual(pod);
  });

  it('reports AlreadyExists, NotFound and missing namespaces with the real texts', async () => {
    const { request } = await createTestApi();
    await request('POST', PODS, podManifest('x'));
    expect((await request('POST', PODS, podManifest('x'))).body).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
      message: 'pods "x" already exists',
      details: { name: 'x', kind: 'pods' },
    });
    expect((await request('GET', `${PODS}/nope`)).body).toMatchObject({ code: 404, message: 'pods "nope" not found' });
    expect((await request('GET', '/apis/apps/v1/namespaces/default/deployments/web')).body).toMatchObject({
      message: 'deployments.apps "web" not found',
      details: { name: 'web', group: 'apps', kind: 'deployments' },
    });
    expect((await request('POST', '/api/v1/namespaces/nope/pods', podManifest('y'))).body).toMatchObject({
      code: 404,
      message: 'namespaces "nope" not found',
    });
  });

  it('rejects invalid objects with Invalid and their causes, changing nothing', async () => {
    const { request, cluster } = await createTestApi();
    const before = cluster.store.revision();
    const badName = await request('POST', PODS, podManifest('Bad_Name!'));
    expect(badName.status).toBe(422);
    expect(badName.body.message).toBe(
      `Pod "Bad_Name!" is invalid: metadata.name: Invalid value: "Bad_Name!": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
    const noImage = await request('POST', PODS, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'x' },
      spec: { containers: [{ name: 'c' }] },
    });
    expect(noImage.body).toMatchObject({
      reason: 'Invalid',
      message: 'Pod "x" is invalid: spec.containers[0].image: Required value',
      details: {
        name: 'x',
        kind: 'Pod',
        causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }],
      },
    });
    const malformed = await request('POST', PODS, '{"kind": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.reason).toBe('BadRequest');
    expect(cluster.store.revision()).toBe(before);
  });

  it('updates with optimistic concurrency and bumps generation on spec changes', async () => {
    const { request } = await createTestApi();
    const pod = (await request('POST', PODS, podManifest('x'))).body;
    const stale = { ...pod, metadata: { ...pod.metadata, labels: { a: 'b' } } };
    const updated = await request('PUT', `${PODS}/x`, stale);
    expect(updated.status).toBe(200);
    expect(updated.body.metadata.labels).toEqual({ a: 'b' });
    const conflict = await request('PUT', `${PODS}/x`, stale);
    expect(conflict.body).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message:
        'Operation cannot be fulfilled on pods "x": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('deletes at once a pod no node runs, and gracefully one that a node runs', async () => {
    const { request } = await createTestApi();
    await request('POST', PODS, podManifest('free'));
    expect((await request('DELETE', `${PODS}/free`)).status).toBe(200);
    expect((await request('GET', `${PODS}/free`)).status).toBe(404);
    await request('POST', PODS, podManifest('bound', { spec: { nodeName: 'minikube' } }));
    const deleting = await request('DELETE', `${PODS}/bound`);
    expect(deleting.body.metadata).toMatchObject({
      deletionTimestamp: '2026-01-01T00:00:30Z',
      deletionGracePeriodSeconds: 30,
    });
    const table = await request('GET', `${PODS}/bound`, undefined, { accept: TABLE_ACCEPT });
    expect(table.body.rows[0].cells.slice(0, 3)).toEqual(['bound', '0/1', 'Terminating']);
    expect((await request('DELETE', `${PODS}/bound?gracePeriodSeconds=0`)).status).toBe(200);
    expect((await request('GET', `${PODS}/bound`)).status).toBe(404);
  });

  it('keeps what it acknowledged: a new cluster on the same storage sees it', async () => {
    const storage = new MemoryBackend();
    const first = await createTestApi(storage);
    const created = (await first.request('POST', PODS, podManifest('kept'))).body;
    const second = await createTestApi(storage);
    expect((await second.request('GET', `${PODS}/kept`)).body).toEqual(created);
  });
});

describe('lists', () => {
  async function threePods() {
    const api = await createTestApi();
    await api.request('POST', PODS, podManifest('a', { metadata: { labels: { app: 'nginx', tier: 'web' } } }));
    await api.request(
      'POST',
      PODS,
      podManifest('b', { metadata: { labels: { app: 'redis' } }, spec: { nodeName: 'minikube' } }),
    );
    await api.request('POST', PODS, podManifest('c'));
    return api;
  }
  const names = (body: { items: Array<{ metadata: { name: string } }> }): string[] =>
    body.items.map((i) => i.metadata.name);

  it.each([
    ['app=nginx', ['a']],
    ['app==nginx', ['a']],
    ['app!=nginx', ['b', 'c']],
    ['app in (nginx,redis)', ['a', 'b']],
    ['app notin (nginx)', ['b', 'c']],
    ['app', ['a', 'b']],
    ['!app', ['c']],
    ['app=nginx,tier=web', ['a']],
  ])('labelSelector %s', async (selector, expected) => {
    const { request } = await threePods();
    const { body } = await request('GET', `${PODS}?labelSelector=${encodeURIComponent(selector)}`);
    expect(names(body)).toEqual(expected);
  });

  it('filters by fields and refuses fields the kind does not offer', async () => {
    const { request } = await threePods();
    expect(names((await request('GET', `${PODS}?fieldSelector=spec.nodeName%3Dminikube`)).body)).toEqual(['b']);
    expect(names((await request('GET', `${PODS}?fieldSelector=metadata.name!%3Da`)).body)).toEqual(['b', 'c']);
    expect((await request('GET', `${PODS}?fieldSelector=spec.bogus%3Dx`)).body).toMatchObject({
      code: 400,
      message: 'field label not supported: spec.bogus',
    });
  });

  it('pages with limit and continue', async () => {
    const { request } = await threePods();
    const first = (await request('GET', `${PODS}?limit=2`)).body;
    expect(names(first)).toEqual(['a', 'b']);
    expect(first.metadata.remainingItemCount).toBe(1);
    const second = (await request('GET', `${PODS}?limit=2&continue=${first.metadata.continue}`)).body;
    expect(names(second)).toEqual(['c']);
    expect(second.metadata.continue).toBeUndefined();
  });

  it('prints a Table with every column and PartialObjectMetadata rows', async () => {
    const { request } = await threePods();
    const table = (await request('GET', PODS, undefined, { accept: TABLE_ACCEPT })).body;
    expect(table.columnDefinitions.map((c: { name: string; priority: number }) => `${c.name}:${c.priority}`)).toEqual([
      'Name:0',
      'Ready:0',
      'Status:0',
      'Restarts:0',
      'Age:0',
      'IP:1',
      'Node:1',
      'Nominated Node:1',
      'Readiness Gates:1',
    ]);
    expect(table.rows[1].cells).toEqual(['b', '0/1', 'Pending', '0', '0s', '<none>', 'minikube', '<none>', '<none>']);
    expect(table.rows[0].object).toMatchObject({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: { name: 'a' },
    });
  });

  it('lists across namespaces', async () => {
    const { request } = await threePods();
    const all = (await request('GET', '/api/v1/namespaces')).body;
    expect(names(all)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(names((await request('GET', '/api/v1/pods')).body)).toEqual(['a', 'b', 'c']);
  });
});

describe('Table serialisation', () => {
  it('the fast list path prints exactly the Table toTable builds', async () => {
    const { request, cluster } = await createTestApi();
    await request('POST', PODS, podManifest('a', { metadata: { labels: { app: 'x' } } }));
    await request('POST', PODS, { ...podManifest('done'), status: { phase: 'Succeeded' } });
    const { toTable } = await import('./table-response');
    const { pods } = await import('./resources/pods');
    for (const includeObject of ['Metadata', 'Object', 'None'] as const) {
      const listed = (
        await request('GET', `${PODS}?includeObject=${includeObject}`, undefined, { accept: TABLE_ACCEPT })
      ).body;
      const objects = (await request('GET', PODS)).body;
      const expected = toTable(
        pods,
        objects.items,
        { now: Date.UTC(2026, 0, 1) },
        { include: includeObject, resourceVersion: String(cluster.store.revision()) },
      );
      expect(listed).toEqual(JSON.parse(JSON.stringify(expected)));
    }
  });
});

describe('deprecated resources', () => {
  const WARNING = '299 - "v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice"';

  it('warn on every request to v1 Endpoints, failures included, and nowhere else', async () => {
    const { api } = await createTestApi();
    const get = (path: string) => api({ method: 'GET', path });
    const listed = await get('/api/v1/namespaces/default/endpoints');
    expect(listed.status).toBe(200);
    expect(listed.headers.warning).toBe(WARNING);
    const missing = await get('/api/v1/namespaces/default/endpoints/nope');
    expect(missing.status).toBe(404);
    expect(missing.headers.warning).toBe(WARNING);
    expect((await get('/apis/discovery.k8s.io/v1/namespaces/default/endpointslices')).headers.warning).toBeUndefined();
    expect((await get('/api/v1/namespaces/default/services')).headers.warning).toBeUndefined();
  });
});

describe('the two Event APIs', () => {
  const V1 = '/apis/events.k8s.io/v1/namespaces/default/events';
  const CORE = '/api/v1/namespaces/default/events';

  it('are one stored kind seen through two versions, with the fields renamed', async () => {
    const { request } = await createTestApi();
    await request('POST', V1, {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web.1' },
      eventTime: '2026-01-01T00:00:00.000000Z',
      reportingController: 'default-scheduler',
      reportingInstance: 'default-scheduler-minikube',
      action: 'Binding',
      reason: 'Scheduled',
      regarding: { kind: 'Pod', namespace: 'default', name: 'web' },
      note: 'Successfully assigned default/web to minikube',
      type: 'Normal',
    });
    const core = (await request('GET', `${CORE}/web.1`)).body;
    expect(core).toMatchObject({
      apiVersion: 'v1',
      involvedObject: { kind: 'Pod', name: 'web' },
      message: 'Successfully assigned default/web to minikube',
      reportingComponent: 'default-scheduler',
    });
    expect(core).not.toHaveProperty('note');
    await request('POST', CORE, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.2' },
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web' },
      reason: 'Pulled',
      message: 'Container image "nginx" already present on machine',
      source: { component: 'kubelet', host: 'minikube' },
      count: 1,
      type: 'Normal',
    });
    const listed = (await request('GET', V1)).body.items;
    expect(listed.map((e: { metadata: { name: string } }) => e.metadata.name)).toEqual(['web.1', 'web.2']);
    expect(listed[1]).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      regarding: { name: 'web' },
      note: 'Container image "nginx" already present on machine',
      deprecatedSource: { component: 'kubelet', host: 'minikube' },
      deprecatedCount: 1,
    });
    const hashes = await Promise.all(
      ['/api/v1', '/apis/events.k8s.io/v1'].map(
        async (path) =>
          (await request('GET', path)).body.resources.find((r: { name: string }) => r.name === 'events')
            .storageVersionHash,
      ),
    );
    expect(hashes).toEqual(['r2yiGXH7wu8=', 'r2yiGXH7wu8=']);
  });
});
