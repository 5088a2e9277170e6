import { afterEach, describe, expect, it } from 'vitest';
import { minikubeTestbed, type MinikubeTestbed } from '../minikube';

let bed: MinikubeTestbed | undefined;
afterEach(async () => {
  await bed?.stop();
  bed = undefined;
});

const PVCS = '/api/v1/namespaces/default/persistentvolumeclaims';
const PODS = '/api/v1/namespaces/default/pods';

describe('storage object in-use protection on minikube', () => {
  it('keeps a claim a running pod mounts until the pod is gone, then its volume goes too', async () => {
    bed = await minikubeTestbed();
    await bed.wait(10_000);
    const claim = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data' },
      // Explicit: kubeplay has no DefaultStorageClass admission yet.
      spec: {
        accessModes: ['ReadWriteOnce'],
        resources: { requests: { storage: '1Gi' } },
        storageClassName: 'standard',
      },
    };
    expect((await bed.request('POST', PVCS, claim)).body.metadata.finalizers).toEqual(['kubernetes.io/pvc-protection']);
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'app' },
      spec: {
        containers: [
          {
            name: 'app',
            image: 'busybox',
            command: ['sleep', '3600'],
            volumeMounts: [{ name: 'data', mountPath: '/data' }],
          },
        ],
        volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'data' } }],
      },
    };
    expect((await bed.request('POST', PODS, pod)).status).toBe(201);
    await bed.wait(30_000);
    expect((await bed.request('GET', `${PODS}/app`)).body.status.phase).toBe('Running');
    const bound = (await bed.request('GET', `${PVCS}/data`)).body;
    const volumePath = `/api/v1/persistentvolumes/${bound.spec.volumeName}`;
    expect((await bed.request('GET', volumePath)).body.metadata.finalizers).toEqual(['kubernetes.io/pv-protection']);

    await bed.request('DELETE', `${PVCS}/data`);
    await bed.wait(60_000);
    const terminating = (await bed.request('GET', `${PVCS}/data`)).body;
    expect(terminating.metadata.deletionTimestamp).toBeDefined();
    expect(terminating.status.phase).toBe('Bound');

    await bed.request('DELETE', `${PODS}/app`);
    await bed.wait(60_000);
    expect((await bed.request('GET', `${PODS}/app`)).status).toBe(404);
    expect((await bed.request('GET', `${PVCS}/data`)).status).toBe(404);
    expect((await bed.request('GET', volumePath)).status).toBe(404);
    expect(bed.errors.filter((e) => e.component.endsWith('protection'))).toEqual([]);
  });
});
