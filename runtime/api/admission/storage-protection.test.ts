import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../../tests/api';

const PVCS = '/api/v1/namespaces/default/persistentvolumeclaims';
const PVS = '/api/v1/persistentvolumes';
const MERGE = { 'content-type': 'application/merge-patch+json' };

const claim = (name: string, finalizers?: string[]) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, finalizers },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
});
const volume = (name: string, finalizers?: string[]) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name, finalizers },
  spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: `/data/${name}` } },
});

describe('StorageObjectInUseProtection admission', () => {
  it.each([
    ['a claim', PVCS, claim, 'kubernetes.io/pvc-protection'],
    ['a volume', PVS, volume, 'kubernetes.io/pv-protection'],
  ])(
    'gives %s its protection finalizer on create, after those it was sent with',
    async (_, path, manifest, finalizer) => {
      const { request } = await createTestApi();
      expect((await request('POST', path, manifest('plain'))).body.metadata.finalizers).toEqual([finalizer]);
      const withOther = (await request('POST', path, manifest('other', ['example.com/keep']))).body;
      expect(withOther.metadata.finalizers).toEqual(['example.com/keep', finalizer]);
      // Already present: not added twice, and its place is kept.
      const already = (await request('POST', path, manifest('already', [finalizer, 'example.com/keep']))).body;
      expect(already.metadata.finalizers).toEqual([finalizer, 'example.com/keep']);
      // A dry run shows what would be stored.
      const dry = (await request('POST', `${path}?dryRun=All`, manifest('dry'))).body;
      expect(dry.metadata.finalizers).toEqual([finalizer]);
      expect((await request('GET', `${path}/dry`)).status).toBe(404);
    },
  );

  it('acts on create only: an update may take the finalizer away', async () => {
    const { request } = await createTestApi();
    await request('POST', PVCS, claim('data'));
    const patched = await request('PATCH', `${PVCS}/data`, { metadata: { finalizers: null } }, MERGE);
    expect(patched.status).toBe(200);
    expect(patched.body.metadata.finalizers).toBeUndefined();
  });

  it('leaves other kinds alone', async () => {
    const { request } = await createTestApi();
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } };
    const created = (await request('POST', '/api/v1/namespaces/default/configmaps', configMap)).body;
    expect(created.metadata.finalizers).toBeUndefined();
  });

  it('keeps the finalizer out of the creator’s managed fields, as admission runs after field tracking', async () => {
    const { request } = await createTestApi();
    const created = (await request('POST', PVCS, claim('data'))).body;
    expect(JSON.stringify(created.metadata.managedFields)).not.toContain('finalizers');
  });
});
