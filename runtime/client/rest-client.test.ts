import { describe, expect, it } from 'vitest';
import { createTestApi, podManifest } from '../../tests/api';
import { StatusError } from '../api/status';
import { ChunkStream } from '../api/stream';
import { RestClient } from './rest-client';
import { CONFIGMAPS, PODS, REPLICASETS } from './resources';
import { controllerUserAgent } from './user-agent';
import { decodeWatch } from './watch-stream';

const AGENT = controllerUserAgent('replicaset-controller');

async function setup() {
  const test = await createTestApi();
  const client = new RestClient(test.api, { userAgent: AGENT, fieldValidation: 'Ignore' });
  return { ...test, client, pods: client.resource<any>(PODS, 'default') };
}

async function failure(promise: Promise<unknown>): Promise<StatusError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StatusError) return error;
    throw error;
  }
  throw new Error('expected a StatusError');
}

describe('RestClient', () => {
  it('sends the component user agent, from which the server names the field manager', async () => {
    expect(AGENT).toBe(
      'kube-controller-manager/v1.34.0 (linux/amd64) kubernetes/f28b4c9/system:serviceaccount:kube-system:replicaset-controller',
    );
    const { pods } = await setup();
    const created = await pods.create(podManifest('web'));
    expect(created.metadata.managedFields[0].manager).toBe('kube-controller-manager');
  });

  it('gets, lists with label and field selectors, and lists across namespaces', async () => {
    const { client, pods } = await setup();
    await pods.create(podManifest('a', { metadata: { labels: { app: 'web' } } }));
    await pods.create(podManifest('b', { metadata: { labels: { app: 'db' } } }));
    expect((await pods.get('a')).metadata.labels).toEqual({ app: 'web' });
    expect((await pods.list({ labelSelector: 'app=web' })).items.map((p) => p.metadata.name)).toEqual(['a']);
    expect((await pods.list({ fieldSelector: 'metadata.name=b' })).items.map((p) => p.metadata.name)).toEqual(['b']);
    const all = await client.resource(PODS).list();
    expect(all.items).toHaveLength(2);
    expect(Number(all.metadata.resourceVersion)).toBeGreaterThan(0);
    const missing = await failure(pods.get('nope'));
    expect(missing.status).toMatchObject({ code: 404, reason: 'NotFound', message: 'pods "nope" not found' });
  });

  it('updates, updates status, and patches with merge, strategic and JSON patches', async () => {
    const { client } = await setup();
    const maps = client.resource<any>(CONFIGMAPS, 'default');
    const map = await maps.create({ metadata: { name: 'cm' }, data: { a: '1' } });
    const updated = await maps.update({ ...map, data: { a: '2' } });
    expect(updated.data).toEqual({ a: '2' });
    const stale = await failure(maps.update({ ...map, data: { a: '3' } }));
    expect(stale.status.reason).toBe('Conflict');
    expect((await maps.patch('cm', 'merge', { data: { b: '2' } })).data).toEqual({ a: '2', b: '2' });
    expect((await maps.patch('cm', 'json', [{ op: 'remove', path: '/data/a' }])).data).toEqual({ b: '2' });
    const pods = client.resource<any>(PODS, 'default');
    await pods.create(podManifest('p', { spec: { containers: [{ name: 'c', image: 'nginx' }] } }));
    const patched = await pods.patch('p', 'strategic', { spec: { containers: [{ name: 'c', image: 'redis' }] } });
    expect(patched.spec.containers).toHaveLength(1);
    expect(patched.spec.containers[0].image).toBe('redis');
    const rs = client.resource<any>(REPLICASETS, 'default');
    const created = await rs.create({
      metadata: { name: 'web' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      },
    });
    const withStatus = await rs.updateStatus({ ...created, status: { replicas: 4, observedGeneration: 1 } });
    expect(withStatus.status).toEqual({ replicas: 4, observedGeneration: 1 });
    expect(withStatus.metadata.managedFields.at(-1)).toMatchObject({
      manager: 'kube-controller-manager',
      subresource: 'status',
    });
  });

  it('deletes with preconditions and a propagation policy', async () => {
    const { pods } = await setup();
    const pod = await pods.create(podManifest('p'));
    const wrong = await failure(pods.delete('p', { preconditions: { uid: 'not-the-uid' } }));
    expect(wrong.status.code).toBe(409);
    expect(wrong.status.message).toBe(
      `Operation cannot be fulfilled on pods "p": Precondition failed: UID in precondition: not-the-uid, UID in object meta: ${pod.metadata.uid}`,
    );
    const orphaned = await pods.delete('p', { propagationPolicy: 'Orphan', preconditions: { uid: pod.metadata.uid } });
    expect(orphaned.metadata.finalizers).toEqual(['orphan']);
    const dry = await pods.delete('p', { dryRun: true });
    expect(dry.metadata.name).toBe('p');
  });

  it('watches from a resourceVersion and decodes each event', async () => {
    const { pods } = await setup();
    const list = await pods.list();
    const watch = await pods.watch({ resourceVersion: list.metadata.resourceVersion });
    await pods.create(podManifest('w'));
    await pods.delete('w');
    const seen: string[] = [];
    for await (const event of watch) {
      seen.push(`${event.type} ${(event.object as any).metadata.name}`);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual(['ADDED w', 'DELETED w']);
  });

  it('throws the Status of a refused watch', async () => {
    const { pods } = await setup();
    const bad = await failure(pods.watch({ resourceVersion: 'x' }));
    expect(bad.status.code).toBe(400);
  });
});

describe('decodeWatch', () => {
  it('reassembles frames split across chunks and several in one', async () => {
    const stream = new ChunkStream();
    const events = decodeWatch(stream);
    const frame = (type: string, name: string): string =>
      `${JSON.stringify({ type, object: { metadata: { name } } })}\n`;
    const text = frame('ADDED', 'a') + frame('MODIFIED', 'a') + frame('DELETED', 'a');
    stream.push(text.slice(0, 10));
    stream.push(text.slice(10, 70));
    stream.push(text.slice(70));
    stream.close();
    const seen: string[] = [];
    for await (const event of events) seen.push(event.type);
    expect(seen).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });
});
