import { describe, expect, it } from 'vitest';
import { podManifest, sentBody } from '../../tests/api';
import { replicaSetManifest } from '../../tests/controllers';
import { collectorTestbed, type CollectorTestbed } from '../../tests/garbage-collector-testbed';

const RS = '/apis/apps/v1/namespaces/default/replicasets';
const PODS = '/api/v1/namespaces/default/pods';
const CONFIGMAPS = '/api/v1/namespaces/default/configmaps';
const names = (items: any[]): string[] => items.map((i) => i.metadata.name).sort();
const body = (r: { request: { body?: unknown; value?: unknown } }): any => sentBody(r.request);
const ownerRef = (owner: any, extra: Record<string, unknown> = {}) => ({
  apiVersion: owner.apiVersion,
  kind: owner.kind,
  name: owner.metadata.name,
  uid: owner.metadata.uid,
  ...extra,
});
const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name } });

/** A ReplicaSet `frontend` with `replicas` pods made by the ReplicaSet controller (bound and Running when `run`). */
async function replicaSetWithPods(bed: CollectorTestbed, replicas: number, run: boolean): Promise<any> {
  const rs = await bed.create(RS, replicaSetManifest('frontend', replicas));
  await bed.wait();
  if (run) await bed.runPods();
  expect(await bed.pods()).toHaveLength(replicas);
  return rs;
}

describe('garbage collector', () => {
  it('monitors every resource that can be listed, watched and deleted, except events', async () => {
    const bed = await collectorTestbed();
    const monitored = bed.gc.monitoredResources();
    expect(monitored).toEqual(expect.arrayContaining(['/v1/pods', 'apps/v1/replicasets', '/v1/namespaces']));
    expect(monitored).not.toContain('/v1/events');
    expect(monitored).not.toContain('events.k8s.io/v1/events');
    // bindings can only be created; componentstatuses cannot be watched.
    expect(monitored).not.toContain('/v1/bindings');
    expect(monitored).not.toContain('/v1/componentstatuses');
  });

  it('deletes the pods of a ReplicaSet deleted in the background, with uid and version preconditions', async () => {
    const bed = await collectorTestbed({ controllers: ['replicaset'] });
    await replicaSetWithPods(bed, 3, false);
    const pods = await bed.pods();
    expect((await bed.request('DELETE', `${RS}/frontend`)).status).toBe(200);
    await bed.wait();
    expect(await bed.pods()).toEqual([]);
    const deletes = bed.writes.filter((w) => w.request.method === 'DELETE');
    expect(deletes.map((d) => d.request.path).sort()).toEqual(names(pods).map((n) => `${PODS}/${n}`));
    for (const d of deletes) {
      const pod = pods.find((p) => d.request.path.endsWith(`/${p.metadata.name}`));
      expect(body(d)).toEqual({
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        preconditions: { uid: pod.metadata.uid, resourceVersion: pod.metadata.resourceVersion },
        propagationPolicy: 'Background',
      });
    }
    expect(bed.errors).toEqual([]);
  });

  it('deletes dependents first in the foreground; the owner stays with its finalizer until they are gone', async () => {
    const bed = await collectorTestbed({ controllers: ['replicaset'] });
    await replicaSetWithPods(bed, 2, true);
    const deleting = await bed.request('DELETE', `${RS}/frontend`, { propagationPolicy: 'Foreground' });
    expect(deleting.body.metadata.finalizers).toEqual(['foregroundDeletion']);
    await bed.wait(1000);
    const owner = (await bed.get(`${RS}/frontend`)).body;
    expect(owner.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(owner.metadata.deletionTimestamp).toBeDefined();
    const pods = await bed.pods();
    // Bound pods terminate for their grace period; nothing replaces them.
    expect(pods).toHaveLength(2);
    for (const pod of pods) expect(pod.metadata.deletionTimestamp).toBeDefined();
    await bed.wait(10_000);
    expect((await bed.get(`${RS}/frontend`)).status).toBe(200);
    await bed.finishTerminating();
    await bed.wait();
    expect(await bed.pods()).toEqual([]);
    expect((await bed.get(`${RS}/frontend`)).body.message).toBe('replicasets.apps "frontend" not found');
    const removal = bed.writes.find((w) => w.request.method === 'PATCH' && w.request.path.startsWith(`${RS}/frontend`));
    expect(removal?.request.headers?.['content-type']).toBe('application/merge-patch+json');
    expect(body(removal!)).toEqual({ metadata: { resourceVersion: expect.any(String), finalizers: null } });
    expect(bed.errors).toEqual([]);
  });

  it('orphans the pods of a ReplicaSet deleted with the Orphan policy, then lets it go', async () => {
    const bed = await collectorTestbed({ controllers: ['replicaset'] });
    const rs = await replicaSetWithPods(bed, 2, true);
    await bed.request('DELETE', `${RS}/frontend`, { propagationPolicy: 'Orphan' });
    // The finalizer's removal may conflict with the ReplicaSet controller's status write, and is retried 10 ms later.
    await bed.wait(1000);
    expect((await bed.get(`${RS}/frontend`)).status).toBe(404);
    const pods = await bed.pods();
    expect(pods).toHaveLength(2);
    for (const pod of pods) {
      expect(pod.metadata.ownerReferences ?? []).toEqual([]);
      expect(pod.metadata.deletionTimestamp).toBeUndefined();
    }
    const patches = bed.writes.filter((w) => w.request.method === 'PATCH' && w.request.path.startsWith(PODS));
    expect(patches.map(body).sort((a, b) => a.metadata.uid.localeCompare(b.metadata.uid))).toEqual(
      pods
        .map((p) => p.metadata.uid)
        .sort()
        .map((uid) => ({ metadata: { uid, ownerReferences: [{ $patch: 'delete', uid: rs.metadata.uid }] } })),
    );
    expect(bed.errors).toEqual([]);
  });

  it('deletes a pod whose owner never existed', async () => {
    const bed = await collectorTestbed();
    const ghost = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'ghost', uid: 'e9a4a5a0-0000-4000-8000-000000000001' },
    };
    await bed.create(
      PODS,
      podManifest('stray', { metadata: { ownerReferences: [ownerRef(ghost, { controller: true })] } }),
    );
    await bed.wait();
    expect((await bed.get(`${PODS}/stray`)).status).toBe(404);
    expect(bed.errors).toEqual([]);
  });

  it('patches out the reference to a deleted owner when another owner remains', async () => {
    const bed = await collectorTestbed();
    const a = await bed.create(CONFIGMAPS, configMap('a'));
    const b = await bed.create(CONFIGMAPS, configMap('b'));
    const pod = await bed.create(
      PODS,
      podManifest('shared', { metadata: { ownerReferences: [ownerRef(a), ownerRef(b)] } }),
    );
    await bed.wait();
    await bed.request('DELETE', `${CONFIGMAPS}/a`);
    await bed.wait();
    const after = (await bed.get(`${PODS}/shared`)).body;
    expect(after.metadata.ownerReferences).toEqual([ownerRef(b)]);
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    const patches = bed.writes.filter((w) => w.request.method === 'PATCH');
    expect(patches.map((p) => [p.request.path, body(p)])).toEqual([
      [
        `${PODS}/shared?fieldValidation=Ignore`,
        { metadata: { uid: pod.metadata.uid, ownerReferences: [{ $patch: 'delete', uid: a.metadata.uid }] } },
      ],
    ]);
    // With its last owner gone, the pod goes too.
    await bed.request('DELETE', `${CONFIGMAPS}/b`);
    await bed.wait();
    expect((await bed.get(`${PODS}/shared`)).status).toBe(404);
  });

  it('collects namespaced dependents of a cluster-scoped owner', async () => {
    const bed = await collectorTestbed();
    const role = await bed.create('/apis/rbac.authorization.k8s.io/v1/clusterroles', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'owner' },
      rules: [],
    });
    await bed.create(CONFIGMAPS, {
      ...configMap('dependent'),
      metadata: { name: 'dependent', ownerReferences: [ownerRef(role)] },
    });
    await bed.wait();
    expect((await bed.get(`${CONFIGMAPS}/dependent`)).status).toBe(200);
    await bed.request('DELETE', '/apis/rbac.authorization.k8s.io/v1/clusterroles/owner');
    await bed.wait();
    expect((await bed.get(`${CONFIGMAPS}/dependent`)).status).toBe(404);
  });

  it('warns of an owner in another namespace and collects the dependent; a cluster-scoped dependent of a namespaced owner stays', async () => {
    const bed = await collectorTestbed();
    const owner = await bed.create(CONFIGMAPS, configMap('owner'));
    await bed.create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'other' } });
    await bed.wait();
    const pod = await bed.create(
      '/api/v1/namespaces/other/pods',
      podManifest('misplaced', { metadata: { ownerReferences: [ownerRef(owner)] } }),
    );
    const role = await bed.create('/apis/rbac.authorization.k8s.io/v1/clusterroles', {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name: 'owned-by-a-configmap', ownerReferences: [ownerRef(owner)] },
      rules: [],
    });
    await bed.wait();
    expect((await bed.get('/api/v1/namespaces/other/pods/misplaced')).status).toBe(404);
    const warnings = (await bed.events('other')).filter((e) => e.reason === 'OwnerRefInvalidNamespace');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      type: 'Warning',
      message: `ownerRef [v1/ConfigMap, namespace: other, name: owner, uid: ${owner.metadata.uid}] does not resolve to a parent with matching namespace`,
      involvedObject: { kind: 'Pod', apiVersion: 'v1', namespace: 'other', name: 'misplaced', uid: pod.metadata.uid },
      source: { component: 'garbage-collector-controller' },
    });
    const kept = (await bed.get('/apis/rbac.authorization.k8s.io/v1/clusterroles/owned-by-a-configmap')).body;
    expect(kept.metadata.uid).toBe(role.metadata.uid);
    expect(kept.metadata.deletionTimestamp).toBeUndefined();
    expect(bed.errors).toEqual([]);
  });
});
