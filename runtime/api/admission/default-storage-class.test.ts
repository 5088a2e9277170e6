import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../../tests/api';

const PVCS = '/api/v1/namespaces/default/persistentvolumeclaims';
const CLASSES = '/apis/storage.k8s.io/v1/storageclasses';

const claim = (name: string, extra: { spec?: Record<string, unknown>; annotations?: Record<string, string> } = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name, annotations: extra.annotations },
  spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, ...extra.spec },
});
const storageClass = (name: string, annotation?: string) => ({
  apiVersion: 'storage.k8s.io/v1',
  kind: 'StorageClass',
  metadata: { name, ...(annotation ? { annotations: { [annotation]: 'true' } } : {}) },
  provisioner: 'k8s.io/minikube-hostpath',
});

describe('DefaultStorageClass admission', () => {
  it('gives a claim that names no class the default one, and leaves the others as they were sent', async () => {
    const { request } = await createTestApi();
    const classOf = async (manifest: unknown) => (await request('POST', PVCS, manifest)).body.spec.storageClassName;
    await request('POST', CLASSES, storageClass('slow'));
    expect(await classOf(claim('before'))).toBeUndefined();
    await request('POST', CLASSES, storageClass('standard', 'storageclass.kubernetes.io/is-default-class'));
    expect(await classOf(claim('plain'))).toBe('standard');
    expect(await classOf(claim('none', { spec: { storageClassName: '' } }))).toBe('');
    expect(await classOf(claim('slow', { spec: { storageClassName: 'slow' } }))).toBe('slow');
    const beta = claim('beta', { annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow' } });
    expect(await classOf(beta)).toBeUndefined();
  });

  it('picks the newest of several defaults, and by name between equally new ones', async () => {
    const { request, clock } = await createTestApi();
    const classOf = async (name: string) => (await request('POST', PVCS, claim(name))).body.spec.storageClassName;
    await request('POST', CLASSES, storageClass('b-old', 'storageclass.kubernetes.io/is-default-class'));
    clock.advance(5000);
    await request('POST', CLASSES, storageClass('z-new', 'storageclass.beta.kubernetes.io/is-default-class'));
    await request('POST', CLASSES, storageClass('a-new', 'storageclass.kubernetes.io/is-default-class'));
    expect(await classOf('first')).toBe('a-new');
    await request('DELETE', `${CLASSES}/a-new`);
    expect(await classOf('second')).toBe('z-new');
  });
});
