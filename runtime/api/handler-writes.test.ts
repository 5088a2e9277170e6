import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createTestApi, podManifest, TABLE_ACCEPT } from '../../tests/api';
import type { ApiResponse } from './types';

const PODS = '/api/v1/namespaces/default/pods';
const DEPLOYS = '/apis/apps/v1/namespaces/default/deployments';

/** Reads watch events until `count` arrived (each line is one event). */
async function events(response: ApiResponse, count: number): Promise<Array<{ type: string; object: any }>> {
  const out = [];
  for await (const chunk of response.stream ?? []) {
    out.push(JSON.parse(chunk));
    if (out.length === count) break;
  }
  return out;
}

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
  },
};

describe('watch', () => {
  it('from resourceVersion 0 sends a synthetic ADDED per object, then live changes', async () => {
    const { request, api } = await createTestApi();
    await request('POST', PODS, podManifest('a'));
    const watch = await api({ method: 'GET', path: `${PODS}?watch=true&resourceVersion=0` });
    await request('POST', PODS, podManifest('b'));
    await request('DELETE', `${PODS}/a`);
    expect((await events(watch, 3)).map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual([
      'ADDED a',
      'ADDED b',
      'DELETED a',
    ]);
    watch.stream?.close();
  });

  it('from a list resourceVersion sends only later changes, filtered by selectors', async () => {
    const { request, api } = await createTestApi();
    await request('POST', PODS, podManifest('old', { metadata: { labels: { app: 'x' } } }));
    const rv = (await request('GET', PODS)).body.metadata.resourceVersion;
    const watch = await api({ method: 'GET', path: `${PODS}?watch=1&resourceVersion=${rv}&labelSelector=app%3Dx` });
    await request('POST', PODS, podManifest('other'));
    await request('POST', PODS, podManifest('new', { metadata: { labels: { app: 'x' } } }));
    await request(
      'PATCH',
      `${PODS}/old`,
      { metadata: { labels: { app: 'y' } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect((await events(watch, 2)).map((e) => `${e.type} ${e.object.metadata.name}`)).toEqual([
      'ADDED new',
      'DELETED old',
    ]);
  });

  it('sends one-row Tables, with the columns only in the first event', async () => {
    const { request, api } = await createTestApi();
    const watch = await api({ method: 'GET', path: `${PODS}?watch=true`, headers: { accept: TABLE_ACCEPT } });
    await request('POST', PODS, podManifest('a'));
    await request('POST', PODS, podManifest('b'));
    const [first, second] = await events(watch, 2);
    expect(first.object.kind).toBe('Table');
    expect(first.object.columnDefinitions).toHaveLength(9);
    expect(second.object.columnDefinitions).toBeNull();
    expect(second.object.rows[0].cells[0]).toBe('b');
  });

  it('ends after timeoutSeconds on the cluster clock', async () => {
    const { api, clock } = await createTestApi();
    const watch = await api({ method: 'GET', path: `${PODS}?watch=true&timeoutSeconds=60` });
    const ended = events(watch, 1);
    clock.advance(59_000);
    await Promise.resolve();
    clock.advance(1_000);
    expect(await ended).toEqual([]);
  });
});

describe('patch', () => {
  it('applies merge, JSON and strategic merge patches', async () => {
    const { request } = await createTestApi();
    await request('POST', DEPLOYS, deployment);
    const merge = await request(
      'PATCH',
      `${DEPLOYS}/web`,
      { metadata: { labels: { a: 'b' } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(merge.body.metadata.labels).toEqual({ a: 'b' });
    const json = await request('PATCH', `${DEPLOYS}/web`, [{ op: 'replace', path: '/spec/replicas', value: 4 }], {
      'content-type': 'application/json-patch+json',
    });
    expect(json.body.spec.replicas).toBe(4);
    expect(json.body.metadata.generation).toBe(2);
    const strategic = await request(
      'PATCH',
      `${DEPLOYS}/web`,
      {
        spec: {
          template: {
            spec: {
              containers: [
                { name: 'sidecar', image: 'busybox' },
                { name: 'nginx', image: 'nginx:1.28' },
              ],
            },
          },
        },
      },
      { 'content-type': 'application/strategic-merge-patch+json' },
    );
    expect(
      strategic.body.spec.template.spec.containers.map((c: { name: string; image: string }) => `${c.name}=${c.image}`),
    ).toEqual(['nginx=nginx:1.28', 'sidecar=busybox']);
    const missing = await request('PATCH', `${DEPLOYS}/nope`, {}, { 'content-type': 'application/merge-patch+json' });
    expect(missing.body.message).toBe('deployments.apps "nope" not found');
  });

  it('creates through server-side apply when the object does not exist', async () => {
    const { request } = await createTestApi();
    const applied = await request('PATCH', `${DEPLOYS}/web?fieldManager=kubectl&force=false`, deployment, {
      'content-type': 'application/apply-patch+yaml',
    });
    expect(applied.status).toBe(201);
    expect(applied.body.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    });
  });
});

describe('subresources', () => {
  it('scale reads and writes replicas as an autoscaling/v1 Scale', async () => {
    const { request } = await createTestApi();
    await request('POST', DEPLOYS, deployment);
    const scale = (await request('GET', `${DEPLOYS}/web/scale`)).body;
    expect(scale).toMatchObject({
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      spec: { replicas: 2 },
      status: { replicas: 0, selector: 'app=web' },
    });
    const scaled = await request(
      'PATCH',
      `${DEPLOYS}/web/scale`,
      { spec: { replicas: 5 } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(scaled.body.spec.replicas).toBe(5);
    expect((await request('GET', `${DEPLOYS}/web`)).body.spec.replicas).toBe(5);
  });

  it('status changes only status, and the main resource ignores status', async () => {
    const { request } = await createTestApi();
    const created = (await request('POST', DEPLOYS, { ...deployment, status: { replicas: 9 } })).body;
    expect(created.status).toBeUndefined();
    const withStatus = {
      ...created,
      spec: { ...created.spec, replicas: 7 },
      status: { replicas: 2, readyReplicas: 2 },
    };
    const updated = (await request('PUT', `${DEPLOYS}/web/status`, withStatus)).body;
    expect(updated.status).toEqual({ replicas: 2, readyReplicas: 2 });
    expect(updated.spec.replicas).toBe(2);
  });

  it('binding sets a pod node once', async () => {
    const { request } = await createTestApi();
    await request('POST', PODS, podManifest('p'));
    const binding = {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name: 'p' },
      target: { kind: 'Node', name: 'minikube' },
    };
    const before = (await request('GET', `${PODS}/p`)).body.metadata.resourceVersion;
    expect((await request('POST', `${PODS}/p/binding`, binding)).status).toBe(201);
    const bound = (await request('GET', `${PODS}/p`)).body;
    expect(bound.spec.nodeName).toBe('minikube');
    // assignPod writes the node and PodScheduled=True together, in one revision.
    expect(bound.status.conditions).toEqual([
      { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' },
    ]);
    expect(Number(bound.metadata.resourceVersion)).toBe(Number(before) + 1);
    expect((await request('POST', `${PODS}/p/binding`, binding)).body).toMatchObject({
      code: 409,
      message: 'Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "minikube"',
    });
  });
});

describe('ResourceQuota admission', () => {
  const QUOTAS = '/api/v1/namespaces/default/resourcequotas';

  /** A quota whose status the quota controller has filled in. */
  async function quota(
    api: Awaited<ReturnType<typeof createTestApi>>,
    hard: Record<string, string>,
    used: Record<string, string>,
  ) {
    const created = (
      await api.request('POST', QUOTAS, {
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: { name: 'qingge' },
        spec: { hard },
      })
    ).body;
    await api.request('PUT', `${QUOTAS}/qingge/status`, { ...created, status: { hard, used } });
  }

  it('forbids the pod that would exceed it, with the real text, and charges what it admits', async () => {
    const api = await createTestApi();
    await quota(api, { pods: '1' }, { pods: '0' });
    expect((await api.request('POST', PODS, podManifest('qingge'))).status).toBe(201);
    expect((await api.request('GET', `${QUOTAS}/qingge`)).body.status.used).toEqual({ pods: '1' });
    const denied = await api.request('POST', PODS, podManifest('second'));
    expect(denied.body).toMatchObject({
      code: 403,
      reason: 'Forbidden',
      message: 'pods "second" is forbidden: exceeded quota: qingge, requested: pods=1, used: pods=1, limited: pods=1',
    });
    expect((await api.request('GET', `${PODS}/second`)).status).toBe(404);
    const generated = await api.request(
      'POST',
      PODS,
      podManifest('', { metadata: { name: undefined, generateName: 'nginx-7c5ddbdf54-' } }),
    );
    expect(generated.body.message).toBe(
      'pods "nginx-7c5ddbdf54-" is forbidden: exceeded quota: qingge, requested: pods=1, used: pods=1, limited: pods=1',
    );
  });

  it('requires every container to declare the compute resources a quota limits', async () => {
    const api = await createTestApi();
    await quota(api, { 'limits.cpu': '2', 'requests.memory': '1Gi' }, { 'limits.cpu': '0', 'requests.memory': '0' });
    expect((await api.request('POST', PODS, podManifest('x'))).body.message).toBe(
      'pods "x" is forbidden: failed quota: qingge: must specify limits.cpu for: nginx; requests.memory for: nginx',
    );
    const sized = podManifest('y', {
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx', resources: { limits: { cpu: '1500m' }, requests: { memory: '768Mi' } } },
        ],
      },
    });
    expect((await api.request('POST', PODS, sized)).status).toBe(201);
    expect((await api.request('GET', `${QUOTAS}/qingge`)).body.status.used).toEqual({
      'limits.cpu': '1500m',
      'requests.memory': '768Mi',
    });
    const more = podManifest('z', {
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx', resources: { limits: { cpu: '1' }, requests: { memory: '128Mi' } } },
        ],
      },
    });
    expect((await api.request('POST', PODS, more)).body.message).toBe(
      'pods "z" is forbidden: exceeded quota: qingge, requested: limits.cpu=1, used: limits.cpu=1500m, limited: limits.cpu=2',
    );
  });

  it('says the status is unknown until the quota controller has counted', async () => {
    const api = await createTestApi();
    await api.request('POST', QUOTAS, {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: { name: 'fresh' },
      spec: { hard: { pods: '5' } },
    });
    expect((await api.request('POST', PODS, podManifest('p'))).body.message).toBe(
      'pods "p" is forbidden: status unknown for quota: fresh, resources: pods',
    );
  });
});

describe('watch bookmarks', () => {
  it('are sent only when allowed: about once a minute, and at the end of streamed initial events', async () => {
    const { request, api, clock } = await createTestApi();
    await request('POST', PODS, podManifest('a'));
    const quiet = await api({ method: 'GET', path: `${PODS}?watch=true&resourceVersion=1&timeoutSeconds=120` });
    const streamed = await api({
      method: 'GET',
      path: `${PODS}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true`,
    });
    clock.advance(60_000);
    const [added, end, periodic] = await events(streamed, 3);
    expect(added.type).toBe('ADDED');
    expect(end).toMatchObject({
      type: 'BOOKMARK',
      object: { metadata: { annotations: { 'k8s.io/initial-events-end': 'true' } } },
    });
    expect(periodic).toEqual({
      type: 'BOOKMARK',
      object: { kind: 'Pod', apiVersion: 'v1', metadata: { resourceVersion: end.object.metadata.resourceVersion } },
    });
    clock.advance(60_000);
    expect((await events(quiet, 5)).map((e) => e.type)).toEqual(['ADDED']);
  });
});

describe('writes naming another UID', () => {
  it('fail as a precondition on PUT and as an immutable field on PATCH, changing nothing', async () => {
    const { request, cluster } = await createTestApi();
    const pod = (await request('POST', '/api/v1/namespaces/default/pods', podManifest('web'))).body;
    const before = cluster.store.revision();
    const wrong = '00000000-0000-0000-0000-000000000000';
    const put = await request('PUT', '/api/v1/namespaces/default/pods/web', {
      ...pod,
      metadata: { ...pod.metadata, uid: wrong },
    });
    expect(put.status).toBe(409);
    expect(put.body.message).toBe(
      `Operation cannot be fulfilled on pods "web": StorageError: invalid object, Code: 4, Key: /registry/pods/default/web, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: ${wrong}, UID in object meta: ${pod.metadata.uid}`,
    );
    const patched = await request(
      'PATCH',
      '/api/v1/namespaces/default/pods/web',
      { metadata: { uid: wrong } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(patched.status).toBe(422);
    expect(patched.body.message).toBe(
      `Pod "web" is invalid: metadata.uid: Invalid value: "${wrong}": field is immutable`,
    );
    const same = await request(
      'PATCH',
      '/api/v1/namespaces/default/pods/web',
      { metadata: { uid: pod.metadata.uid, labels: { a: 'b' } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect(same.status).toBe(200);
    expect(cluster.store.revision()).toBe(before + 1);
  });
});

describe('status writes', () => {
  it('keep the annotations they send; apps workloads keep their labels, pods their owners', async () => {
    const { request } = await createTestApi();
    const deploy = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    };
    const created = (await request('POST', '/apis/apps/v1/namespaces/default/deployments', deploy)).body;
    const written = (
      await request('PUT', '/apis/apps/v1/namespaces/default/deployments/web/status', {
        ...created,
        metadata: {
          ...created.metadata,
          labels: { app: 'changed' },
          annotations: { 'deployment.kubernetes.io/revision': '1' },
        },
        status: { observedGeneration: 1 },
      })
    ).body;
    expect(written.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(written.metadata.labels).toEqual({ app: 'web' });
    expect(written.status).toEqual({ observedGeneration: 1 });

    const pod = (await request('POST', '/api/v1/namespaces/default/pods', podManifest('p'))).body;
    const owner = { apiVersion: 'v1', kind: 'Node', name: 'minikube', uid: 'u' };
    const podWritten = (
      await request('PUT', '/api/v1/namespaces/default/pods/p/status', {
        ...pod,
        metadata: { ...pod.metadata, labels: { tier: 'x' }, ownerReferences: [owner] },
      })
    ).body;
    expect(podWritten.metadata.labels).toEqual({ tier: 'x' });
    expect(podWritten.metadata.ownerReferences).toBeUndefined();
  });
});

describe('delete options in the body', () => {
  const PROTOBUF = 'application/vnd.kubernetes.protobuf';
  const fixture = (name: string) =>
    new Uint8Array(readFileSync(new URL(`../../tests/fixtures/protobuf/${name}.bin`, import.meta.url)));

  it("honours a dry run asked for only in the body, as kubectl's --dry-run=server of a delete does", async () => {
    const { request, api } = await createTestApi();
    await request('POST', PODS, podManifest('keep'));
    const json = await request('DELETE', `${PODS}/keep`, { kind: 'DeleteOptions', apiVersion: 'v1', dryRun: ['All'] });
    expect(json.body.message).toBeUndefined();
    expect(json.status).toBe(200);
    const deleted = await api({
      method: 'DELETE',
      path: `${PODS}/keep`,
      headers: { 'content-type': PROTOBUF },
      body: fixture('drain-delete-dry-run'),
    });
    const [status, body] = [deleted.status, JSON.parse(deleted.body)];
    expect(status).toBe(200);
    expect(body.metadata.name).toBe('keep');
    const kept = (await request('GET', `${PODS}/keep`)).body;
    expect(kept.metadata.deletionTimestamp).toBeUndefined();
    const bad = await request('DELETE', `${PODS}/keep`, { kind: 'DeleteOptions', apiVersion: 'v1', dryRun: ['Some'] });
    expect(bad.body.message).toBe('dryRun: Unsupported value: "Some": supported values: "All"');
  });

  it('takes the protobuf DeleteOptions of kubectl drain --disable-eviction (grace period 10 s)', async () => {
    const { request, api } = await createTestApi();
    await request('POST', PODS, podManifest('web'));
    const { status } = await api({
      method: 'DELETE',
      path: `${PODS}/web`,
      headers: { 'content-type': PROTOBUF },
      body: fixture('drain-delete'),
    });
    expect(status).toBe(200);
    // No node has the pod: it goes at once, whatever the grace period.
    expect((await request('GET', `${PODS}/web`)).status).toBe(404);
  });
});
