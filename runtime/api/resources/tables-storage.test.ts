import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../object';
import type { ResourceType } from '../resource';
import { persistentvolumeclaims } from './persistentvolumeclaims';
import { persistentvolumes } from './persistentvolumes';
import { poddisruptionbudgets } from './poddisruptionbudgets';
import { storageclasses } from './storageclasses';

// Rows of the policy and storage tables, as printers.go (v1.34) prints them (columns:
// tables.test.ts). Objects are created at T0 and printed an hour later (`60m`).
const T0 = '2026-01-01T00:00:00Z';
const context = { now: Date.UTC(2026, 0, 1, 1, 0, 0) };
const meta = (name: string, extra: object = {}) => ({ name, namespace: 'default', creationTimestamp: T0, ...extra });

const pvc = (spec: object, status: object, extra: object = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: meta('task-pv-claim', extra),
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '3Gi' } },
    volumeMode: 'Filesystem',
    ...spec,
  },
  status,
});
const pv = (spec: object, status: object, extra: object = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: { name: 'pvc-8a5c2e4b', creationTimestamp: T0, ...extra },
  spec: { hostPath: { path: '/tmp/hostpath-provisioner/default/task-pv-claim' }, ...spec },
  status,
});

describe('policy and storage table rows', () => {
  it.each<[string, ResourceType, KubeObject, unknown[]]>([
    [
      'a PodDisruptionBudget with minAvailable',
      poddisruptionbudgets,
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: meta('zk-pdb'),
        spec: { minAvailable: 2, selector: { matchLabels: { app: 'zookeeper' } } },
        status: { currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3 },
      },
      ['zk-pdb', '2', 'N/A', 1, '60m'],
    ],
    [
      'a PodDisruptionBudget with a percentage maxUnavailable',
      poddisruptionbudgets,
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: meta('web-pdb'),
        spec: { maxUnavailable: '50%' },
        status: {},
      },
      ['web-pdb', 'N/A', '50%', 0, '60m'],
    ],
    [
      'a bound PersistentVolumeClaim',
      persistentvolumeclaims,
      pvc(
        { volumeName: 'pvc-8a5c2e4b', storageClassName: 'standard' },
        { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '3Gi' } },
      ),
      ['task-pv-claim', 'Bound', 'pvc-8a5c2e4b', '3Gi', 'RWO', 'standard', '<unset>', '60m', 'Filesystem'],
    ],
    [
      'a pending claim being deleted: no capacity or modes yet',
      persistentvolumeclaims,
      pvc(
        { storageClassName: null, volumeMode: undefined, volumeAttributesClassName: 'gold' },
        { phase: 'Pending' },
        { deletionTimestamp: T0 },
      ),
      ['task-pv-claim', 'Terminating', '', '', '', '', 'gold', '60m', '<unset>'],
    ],
    [
      'a claim whose class is the beta annotation',
      persistentvolumeclaims,
      pvc(
        { volumeName: 'pv0001', storageClassName: 'standard' },
        { phase: 'Bound', accessModes: ['ReadWriteMany'] },
        { annotations: { 'volume.beta.kubernetes.io/storage-class': 'slow' } },
      ),
      ['task-pv-claim', 'Bound', 'pv0001', '0', 'RWX', 'slow', '<unset>', '60m', 'Filesystem'],
    ],
    [
      'a bound PersistentVolume',
      persistentvolumes,
      pv(
        {
          capacity: { storage: '3072Mi' },
          accessModes: ['ReadWriteOnce'],
          persistentVolumeReclaimPolicy: 'Delete',
          storageClassName: 'standard',
          volumeMode: 'Filesystem',
          claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'task-pv-claim', uid: 'u1' },
        },
        { phase: 'Bound' },
      ),
      [
        'pvc-8a5c2e4b',
        '3Gi',
        'RWO',
        'Delete',
        'Bound',
        'default/task-pv-claim',
        'standard',
        '<unset>',
        '',
        '60m',
        'Filesystem',
      ],
    ],
    [
      'a failed PersistentVolume being deleted, every access mode',
      persistentvolumes,
      pv(
        {
          capacity: { storage: '10Gi' },
          accessModes: ['ReadWriteOncePod', 'ReadWriteMany', 'ReadOnlyMany', 'ReadWriteOnce', 'ReadWriteOnce'],
          persistentVolumeReclaimPolicy: 'Recycle',
        },
        { phase: 'Failed', reason: 'VolumeFailedRecycle' },
        { deletionTimestamp: T0 },
      ),
      [
        'pvc-8a5c2e4b',
        '10Gi',
        'RWO,ROX,RWX,RWOP',
        'Recycle',
        'Terminating',
        '',
        '',
        '<unset>',
        'VolumeFailedRecycle',
        '60m',
        '<unset>',
      ],
    ],
    [
      "minikube's default StorageClass",
      storageclasses,
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: {
          name: 'standard',
          creationTimestamp: T0,
          annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
        },
        provisioner: 'k8s.io/minikube-hostpath',
        reclaimPolicy: 'Delete',
        volumeBindingMode: 'Immediate',
      },
      ['standard (default)', 'k8s.io/minikube-hostpath', 'Delete', 'Immediate', false, '60m'],
    ],
    [
      'a StorageClass with its policies unset, default by the beta annotation',
      storageclasses,
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: {
          name: 'fast',
          creationTimestamp: T0,
          annotations: { 'storageclass.beta.kubernetes.io/is-default-class': 'true' },
        },
        provisioner: 'ebs.csi.aws.com',
        allowVolumeExpansion: true,
      },
      ['fast (default)', 'ebs.csi.aws.com', 'Delete', 'Immediate', true, '60m'],
    ],
    [
      'a StorageClass marked not default',
      storageclasses,
      {
        apiVersion: 'storage.k8s.io/v1',
        kind: 'StorageClass',
        metadata: {
          name: 'slow',
          creationTimestamp: T0,
          annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' },
        },
        provisioner: 'kubernetes.io/no-provisioner',
        reclaimPolicy: 'Retain',
        volumeBindingMode: 'WaitForFirstConsumer',
        allowVolumeExpansion: false,
      },
      ['slow', 'kubernetes.io/no-provisioner', 'Retain', 'WaitForFirstConsumer', false, '60m'],
    ],
  ])('%s', (_label, type, object, cells) => {
    const row = type.table!.row(object, context);
    expect(row).toEqual(cells);
    expect(row).toHaveLength(type.table!.columns.length);
  });
});
