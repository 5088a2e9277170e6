import { afterEach, describe, expect, it } from 'vitest';
import { collectorTestbed, type CollectorTestbed } from '../../tests/garbage-collector-testbed';
import { claimManifest } from '../../tests/persistentvolume-testbed';

const PVCS = '/api/v1/namespaces/default/persistentvolumeclaims';
const PVS = '/api/v1/persistentvolumes';
const MERGE = { 'content-type': 'application/merge-patch+json' };
const FINALIZER = 'kubernetes.io/pv-protection';

let bed: CollectorTestbed | undefined;
afterEach(async () => {
  await bed?.manager.stop();
  bed = undefined;
});

/** The binder with both protection controllers (and the GC and namespace controllers). */
const protectionTestbed = () =>
  collectorTestbed({ controllers: ['persistentvolume-binder', 'pvc-protection', 'pv-protection'] });

/** A hostPath volume of no class (Retain, the default policy). */
const hostPathVolume = (name: string) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: {
    capacity: { storage: '1Gi' },
    accessModes: ['ReadWriteOnce'],
    hostPath: { path: `/data/${name}` },
    storageClassName: '',
  },
});

async function volume(b: CollectorTestbed, name: string): Promise<any> {
  const { status, body } = await b.get(`${PVS}/${name}`);
  return status === 404 ? undefined : body;
}

describe('PV protection controller', () => {
  it('lets an Available volume go at once', async () => {
    bed = await protectionTestbed();
    await bed.create(PVS, hostPathVolume('disk'));
    await bed.wait(1_000);
    expect((await volume(bed, 'disk'))?.status.phase).toBe('Available');
    const deleting = await bed.request('DELETE', `${PVS}/disk`);
    expect(deleting.status).toBe(200);
    expect(deleting.body.metadata.finalizers).toEqual([FINALIZER]);
    await bed.wait();
    expect(await volume(bed, 'disk')).toBeUndefined();
  });

  it('keeps a volume bound to a claim Terminating until the claim releases it', async () => {
    bed = await protectionTestbed();
    await bed.create(PVS, hostPathVolume('disk'));
    await bed.create(PVCS, claimManifest('data', '1Gi', { storageClassName: '' }));
    await bed.wait(1_000);
    expect((await volume(bed, 'disk'))?.status.phase).toBe('Bound');
    await bed.request('DELETE', `${PVS}/disk`);
    await bed.wait(60_000);
    const held = await volume(bed, 'disk');
    expect(held.metadata.deletionTimestamp).toBeDefined();
    expect(held.metadata.finalizers).toEqual([FINALIZER]);
    expect(held.status.phase).toBe('Bound');
    // The claim goes (nothing uses it); the binder marks the volume Released, which frees it.
    await bed.request('DELETE', `${PVCS}/data`);
    await bed.wait(1_000);
    expect(await volume(bed, 'disk')).toBeUndefined();
    expect(bed.errors).toEqual([]);
  });

  it('gives a live volume without the finalizer its finalizer back', async () => {
    bed = await protectionTestbed();
    await bed.create(PVS, hostPathVolume('disk'));
    await bed.request('PATCH', `${PVS}/disk`, { metadata: { finalizers: null } }, MERGE);
    await bed.wait();
    expect((await volume(bed, 'disk')).metadata.finalizers).toEqual([FINALIZER]);
  });
});
