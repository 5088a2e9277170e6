import { afterEach, describe, expect, it } from 'vitest';
import { podManifest } from '../../tests/api';
import { collectorTestbed, type CollectorTestbed } from '../../tests/garbage-collector-testbed';
import { claimManifest } from '../../tests/persistentvolume-testbed';

const PVCS = '/api/v1/namespaces/default/persistentvolumeclaims';
const PODS = '/api/v1/namespaces/default/pods';
const MERGE = { 'content-type': 'application/merge-patch+json' };
const FINALIZER = 'kubernetes.io/pvc-protection';

let bed: CollectorTestbed | undefined;
afterEach(async () => {
  await bed?.manager.stop();
  bed = undefined;
});

/** The GC and namespace controllers, with the two protection controllers. */
const protectionTestbed = () => collectorTestbed({ controllers: ['pvc-protection', 'pv-protection'] });

/** A pod mounting claim `claimName` as volume `data`. */
const podWithClaim = (name: string, claimName: string) =>
  podManifest(name, { spec: { volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] } });

async function claim(b: CollectorTestbed, name: string, namespace = 'default'): Promise<any> {
  const { status, body } = await b.get(`/api/v1/namespaces/${namespace}/persistentvolumeclaims/${name}`);
  return status === 404 ? undefined : body;
}

describe('PVC protection controller', () => {
  it('lets an unused claim go at once', async () => {
    bed = await protectionTestbed();
    await bed.create(PVCS, claimManifest('data', '1Gi'));
    const deleting = await bed.request('DELETE', `${PVCS}/data`);
    // The finalizer holds the claim until the controller has looked: the API answers 200, not gone yet.
    expect(deleting.status).toBe(200);
    expect(deleting.body.metadata.finalizers).toEqual([FINALIZER]);
    expect(deleting.body.metadata.deletionTimestamp).toBeDefined();
    await bed.wait();
    expect(await claim(bed, 'data')).toBeUndefined();
  });

  it('keeps a claim a running pod uses Terminating until the pod is gone', async () => {
    bed = await protectionTestbed();
    await bed.create(PVCS, claimManifest('data', '1Gi'));
    await bed.create(PODS, podWithClaim('app', 'data'));
    expect(await bed.runPods()).toEqual(['app']);
    await bed.request('DELETE', `${PVCS}/data`);
    await bed.wait(60_000);
    const held = await claim(bed, 'data');
    expect(held.metadata.deletionTimestamp).toBeDefined();
    expect(held.metadata.finalizers).toEqual([FINALIZER]);
    // A pod shutting down still has the volume mounted.
    await bed.request('DELETE', `${PODS}/app`);
    await bed.wait(1_000);
    expect((await claim(bed, 'data'))?.metadata.finalizers).toEqual([FINALIZER]);
    await bed.finishTerminating();
    await bed.wait();
    expect(await claim(bed, 'data')).toBeUndefined();
    expect(bed.errors).toEqual([]);
  });

  it('counts a finished pod still on its node as a user, and an unscheduled pod not', async () => {
    bed = await protectionTestbed();
    await bed.create(PVCS, claimManifest('done-data', '1Gi'));
    await bed.create(PVCS, claimManifest('pending-data', '1Gi'));
    await bed.create(PODS, podWithClaim('done', 'done-data'));
    await bed.runPods();
    await bed.request('PATCH', `${PODS}/done/status`, { status: { phase: 'Succeeded' } }, MERGE);
    await bed.create(PODS, podWithClaim('pending', 'pending-data'));
    await bed.request('DELETE', `${PVCS}/done-data`);
    await bed.request('DELETE', `${PVCS}/pending-data`);
    await bed.wait(10_000);
    // Upstream keeps a claim while a Succeeded or Failed pod naming it exists.
    expect((await claim(bed, 'done-data'))?.metadata.finalizers).toEqual([FINALIZER]);
    // The kubelet never starts a pod whose claim is being deleted: an unscheduled one does not count.
    expect(await claim(bed, 'pending-data')).toBeUndefined();
    await bed.request('DELETE', `${PODS}/done`, { gracePeriodSeconds: 0 });
    await bed.wait();
    expect(await claim(bed, 'done-data')).toBeUndefined();
  });

  it('holds an ephemeral claim only for the pod that owns it', async () => {
    bed = await protectionTestbed();
    const template = { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    const pod = await bed.create(
      PODS,
      podManifest('app', { spec: { volumes: [{ name: 'scratch', ephemeral: { volumeClaimTemplate: template } }] } }),
    );
    await bed.runPods();
    const owned = claimManifest('app-scratch', '1Gi');
    owned.metadata.ownerReferences = [
      { apiVersion: 'v1', kind: 'Pod', name: 'app', uid: pod.metadata.uid, controller: true },
    ];
    await bed.create(PVCS, owned);
    await bed.request('DELETE', `${PVCS}/app-scratch`);
    await bed.wait(10_000);
    expect((await claim(bed, 'app-scratch'))?.metadata.finalizers).toEqual([FINALIZER]);
    // The same name without the pod as its controller is some other claim: not held.
    await bed.request('PATCH', `${PVCS}/app-scratch`, { metadata: { ownerReferences: null } }, MERGE);
    await bed.wait();
    expect(await claim(bed, 'app-scratch')).toBeUndefined();
  });

  it('gives a live claim without the finalizer its finalizer back', async () => {
    bed = await protectionTestbed();
    await bed.create(PVCS, claimManifest('data', '1Gi'));
    await bed.request('PATCH', `${PVCS}/data`, { metadata: { finalizers: ['example.com/keep'] } }, MERGE);
    await bed.wait();
    expect((await claim(bed, 'data')).metadata.finalizers).toEqual(['example.com/keep', FINALIZER]);
  });

  it('lets the namespace controller empty a namespace whose pods used claims', async () => {
    bed = await protectionTestbed();
    await bed.create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
    await bed.create('/api/v1/namespaces/shop/persistentvolumeclaims', claimManifest('data', '1Gi'));
    await bed.create('/api/v1/namespaces/shop/pods', podWithClaim('app', 'data'));
    await bed.runPods('shop');
    await bed.request('DELETE', '/api/v1/namespaces/shop');
    await bed.wait(6_000);
    // The pod is shutting down (30 s grace), so its claim waits with it.
    expect((await claim(bed, 'data', 'shop'))?.metadata.deletionTimestamp).toBeDefined();
    await bed.wait(29_000);
    await bed.finishTerminating('shop');
    await bed.wait(20_000);
    expect((await bed.get('/api/v1/namespaces/shop')).status).toBe(404);
    expect(bed.errors).toEqual([]);
  });
});
