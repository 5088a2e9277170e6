import { afterEach, describe, expect, it } from 'vitest';
import {
  claimManifest,
  persistentVolumeTestbed,
  STANDARD_STORAGE_CLASS,
  type PersistentVolumeTestbed,
} from '../../tests/persistentvolume-testbed';
import { formatTime } from '../util/time';

const PVCS = '/api/v1/namespaces/default/persistentvolumeclaims';
const PVS = '/api/v1/persistentvolumes';
let bed: PersistentVolumeTestbed | undefined;
afterEach(() => bed?.stop());

/** What a test compares of an object: no server bookkeeping. */
function essentials(object: any): any {
  const {
    uid: _uid,
    resourceVersion: _rv,
    managedFields: _mf,
    creationTimestamp: _ct,
    generation: _g,
    ...metadata
  } = object.metadata;
  return { metadata, spec: object.spec, status: object.status };
}

const hostPathVolume = (name: string, storage: string, extra: any = {}) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name },
  spec: { capacity: { storage }, hostPath: { path: `/data/${name}` }, accessModes: ['ReadWriteOnce'], ...extra },
});

describe('PersistentVolume controller and minikube storage-provisioner', () => {
  it('provisions a hostPath volume for a claim of class standard and binds them', async () => {
    bed = await persistentVolumeTestbed();
    await bed.create('/apis/storage.k8s.io/v1/storageclasses', STANDARD_STORAGE_CLASS);
    const created = await bed.create(PVCS, claimManifest('data', '1Gi', { storageClassName: 'standard' }));
    const now = formatTime(bed.clock.now());
    await bed.wait(1_000);
    const pvName = `pvc-${created.metadata.uid}`;
    const claim = await bed.claim('data');
    expect(essentials(claim)).toEqual({
      metadata: {
        name: 'data',
        namespace: 'default',
        annotations: {
          'volume.beta.kubernetes.io/storage-provisioner': 'k8s.io/minikube-hostpath',
          'volume.kubernetes.io/storage-provisioner': 'k8s.io/minikube-hostpath',
          'pv.kubernetes.io/bind-completed': 'yes',
          'pv.kubernetes.io/bound-by-controller': 'yes',
        },
        finalizers: ['kubernetes.io/pvc-protection'],
      },
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        storageClassName: 'standard',
        volumeName: pvName,
      },
      status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '1Gi' } },
    });
    const volume = await bed.volume(pvName);
    expect(essentials(volume)).toEqual({
      metadata: {
        name: pvName,
        annotations: {
          hostPathProvisionerIdentity: bed.identity,
          'pv.kubernetes.io/provisioned-by': 'k8s.io/minikube-hostpath',
        },
        finalizers: ['kubernetes.io/pv-protection'],
      },
      spec: {
        capacity: { storage: '1Gi' },
        hostPath: { path: '/tmp/hostpath-provisioner/default/data' },
        accessModes: ['ReadWriteOnce'],
        claimRef: {
          kind: 'PersistentVolumeClaim',
          namespace: 'default',
          name: 'data',
          uid: created.metadata.uid,
          apiVersion: 'v1',
          resourceVersion: expect.any(String),
        },
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'standard',
      },
      status: { phase: 'Bound', lastPhaseTransitionTime: now },
    });
    const waiting = [
      'persistentvolume-controller',
      'Normal',
      'ExternalProvisioning',
      "Waiting for a volume to be created either by the external provisioner 'k8s.io/minikube-hostpath' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.",
    ];
    // The binder says it again on the sync its own annotation update causes, as upstream does.
    expect(bed.emitted).toEqual([
      [
        bed.provisionerSource,
        'Normal',
        'Provisioning',
        'External provisioner is provisioning volume for claim "default/data"',
      ],
      waiting,
      waiting,
      [bed.provisionerSource, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`],
    ]);
    expect(bed.provisionerSource).toMatch(/^k8s\.io\/minikube-hostpath_minikube_[0-9a-f-]{36}$/);
    expect(bed.errors).toEqual([]);
  });

  it('releases the volume of a deleted claim, and the provisioner deletes it', async () => {
    bed = await persistentVolumeTestbed();
    await bed.create('/apis/storage.k8s.io/v1/storageclasses', STANDARD_STORAGE_CLASS);
    const created = await bed.create(PVCS, claimManifest('data', '1Gi', { storageClassName: 'standard' }));
    await bed.wait(1_000);
    const pvName = `pvc-${created.metadata.uid}`;
    expect((await bed.volume(pvName))?.status.phase).toBe('Bound');
    await bed.request('DELETE', `${PVCS}/data`);
    await bed.wait(1_000);
    expect(bed.phasesWritten(pvName)).toEqual(['Bound', 'Released']);
    expect(await bed.volume(pvName)).toBeUndefined();
    expect(bed.volumeDeleters(pvName)).toEqual([expect.stringMatching(/^storage-provisioner\//)]);
    const deletions = (await bed.request('GET', '/api/v1/namespaces/default/events')).body.items;
    expect(deletions.filter((e: any) => e.type === 'Warning')).toEqual([]);
    expect(bed.errors).toEqual([]);
  });

  it('binds a claim without a class to the smallest matching Available volume', async () => {
    bed = await persistentVolumeTestbed();
    await bed.create(PVS, hostPathVolume('big', '10Gi', { storageClassName: '' }));
    await bed.create(PVS, hostPathVolume('small', '2Gi', { storageClassName: '' }));
    await bed.create(PVS, hostPathVolume('tiny', '500Mi', { storageClassName: '' }));
    await bed.create(PVS, hostPathVolume('other-class', '2Gi', { storageClassName: 'fast' }));
    await bed.wait(1_000);
    expect((await bed.volume('small'))?.status).toEqual({
      phase: 'Available',
      lastPhaseTransitionTime: formatTime(bed.clock.now() - 1_000),
    });
    const created = await bed.create(PVCS, claimManifest('data', '1Gi', { storageClassName: '' }));
    await bed.wait(1_000);
    const claim = await bed.claim('data');
    expect(claim.spec.volumeName).toBe('small');
    expect(claim.metadata.annotations).toEqual({
      'pv.kubernetes.io/bind-completed': 'yes',
      'pv.kubernetes.io/bound-by-controller': 'yes',
    });
    expect(claim.status).toEqual({ phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } });
    const small = await bed.volume('small');
    expect(small?.metadata.annotations).toEqual({ 'pv.kubernetes.io/bound-by-controller': 'yes' });
    expect(small?.spec.claimRef).toMatchObject({ name: 'data', namespace: 'default', uid: created.metadata.uid });
    expect(small?.status.phase).toBe('Bound');
    for (const name of ['big', 'tiny', 'other-class']) expect((await bed.volume(name))?.status.phase).toBe('Available');
    // Retain (the default policy): the volume stays, Released, still naming its old claim.
    await bed.request('DELETE', `${PVCS}/data`);
    await bed.wait(1_000);
    const kept = await bed.volume('small');
    expect(kept?.status.phase).toBe('Released');
    expect(kept?.spec.claimRef.name).toBe('data');
  });

  it('leaves a claim without class or matching volume Pending, with FailedBinding', async () => {
    bed = await persistentVolumeTestbed();
    await bed.create(PVCS, claimManifest('data', '1Gi', { storageClassName: '' }));
    await bed.wait(1_000);
    expect((await bed.claim('data')).status).toEqual({ phase: 'Pending' });
    const events = await bed.events();
    expect(events.map((e) => [e.reason, e.message])).toEqual([
      ['FailedBinding', 'no persistent volumes available for this claim and no storage class is set'],
    ]);
  });
});
