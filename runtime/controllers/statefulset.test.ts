import { describe, expect, it } from 'vitest';
import { statefulSetTestbed, webManifest } from '../../tests/statefulset-testbed';
import type { ControllerTestbed } from '../../tests/daemonset-testbed';
import { hashControllerRevision, templatePatch } from './controller-history';

const STS = '/apis/apps/v1/namespaces/default/statefulsets';
const PVCS = '/api/v1/namespaces/default/persistentvolumeclaims';
const REVISIONS = '/apis/apps/v1/namespaces/default/controllerrevisions';

const live = async (bed: ControllerTestbed): Promise<string[]> =>
  (await bed.pods()).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name);

/** Runs every pending pod and lets the controller react, `rounds` times. */
async function runAll(bed: ControllerTestbed, rounds: number): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await bed.runPods();
    await bed.wait();
  }
}

describe('StatefulSet controller', () => {
  it('creates web-0, then web-1 only once web-0 is Running and Ready, each after its claim', async () => {
    const bed = await statefulSetTestbed();
    const set = await bed.create(STS, webManifest(3));
    await bed.wait();
    expect(await live(bed)).toEqual(['web-0']);
    const revision = `web-${hashControllerRevision(templatePatch(set).raw, 0)}`;
    const pod = (await bed.pods())[0];
    expect(pod.metadata).toMatchObject({
      name: 'web-0',
      generateName: 'web-',
      labels: {
        app: 'nginx',
        'controller-revision-hash': revision,
        'statefulset.kubernetes.io/pod-name': 'web-0',
        'apps.kubernetes.io/pod-index': '0',
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          name: 'web',
          uid: set.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    });
    expect(pod.spec).toMatchObject({ hostname: 'web-0', subdomain: 'nginx' });
    expect(pod.spec.volumes).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-0' } });
    const claim = await bed.get(`${PVCS}/www-web-0`);
    expect(claim.metadata.labels).toEqual({ app: 'nginx' });
    expect(claim.metadata.ownerReferences).toBeUndefined();
    expect(claim.spec.resources).toEqual({ requests: { storage: '1Gi' } });
    // Not ready yet: nothing more.
    await bed.runPods(['web-0'], false);
    await bed.wait(10_000);
    expect(await live(bed)).toEqual(['web-0']);
    expect((await bed.get(`${STS}/web`)).status).toEqual({
      observedGeneration: 1,
      replicas: 1,
      currentReplicas: 1,
      updatedReplicas: 1,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
      availableReplicas: 0,
    });
    await bed.patch('/api/v1/namespaces/default/pods/web-0/status', {
      status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:10Z' }] },
    });
    await bed.wait();
    expect(await live(bed)).toEqual(['web-0', 'web-1']);
    await runAll(bed, 3);
    expect(await live(bed)).toEqual(['web-0', 'web-1', 'web-2']);
    expect((await bed.get(PVCS)).items.map((c: any) => c.metadata.name).sort()).toEqual([
      'www-web-0',
      'www-web-1',
      'www-web-2',
    ]);
    expect((await bed.events()).map((e) => [e.reason, e.message])).toEqual([
      ['SuccessfulCreate', 'create Claim www-web-0 Pod web-0 in StatefulSet web success'],
      ['SuccessfulCreate', 'create Pod web-0 in StatefulSet web successful'],
      ['SuccessfulCreate', 'create Claim www-web-1 Pod web-1 in StatefulSet web success'],
      ['SuccessfulCreate', 'create Pod web-1 in StatefulSet web successful'],
      ['SuccessfulCreate', 'create Claim www-web-2 Pod web-2 in StatefulSet web success'],
      ['SuccessfulCreate', 'create Pod web-2 in StatefulSet web successful'],
    ]);
    expect((await bed.get(`${STS}/web`)).status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: revision,
      updateRevision: revision,
      collisionCount: 0,
      availableReplicas: 3,
    });
    const revisions = (await bed.get(REVISIONS)).items;
    expect(revisions.map((r: any) => [r.metadata.name, r.revision])).toEqual([[revision, 1]]);
    expect(revisions[0].metadata.labels).toEqual({
      app: 'nginx',
      'controller.kubernetes.io/hash': revision.slice('web-'.length),
    });
    expect(bed.errors).toEqual([]);
  });

  it('scales down from the highest ordinal, one pod at a time, keeping the claims', async () => {
    const bed = await statefulSetTestbed();
    await bed.create(STS, webManifest(3));
    await bed.wait();
    await runAll(bed, 4);
    expect(await live(bed)).toEqual(['web-0', 'web-1', 'web-2']);
    await bed.patch(`${STS}/web`, { spec: { replicas: 1 } });
    await bed.wait();
    // web-2 terminates; web-1 waits for it to be gone.
    expect(await live(bed)).toEqual(['web-0', 'web-1']);
    await bed.wait(5000);
    expect(await live(bed)).toEqual(['web-0', 'web-1']);
    await bed.finishTerminating();
    await bed.wait();
    expect(await live(bed)).toEqual(['web-0']);
    await bed.finishTerminating();
    await bed.wait();
    expect((await bed.pods()).map((p) => p.metadata.name)).toEqual(['web-0']);
    expect((await bed.events('SuccessfulDelete')).map((e) => e.message)).toEqual([
      'delete Pod web-2 in StatefulSet web successful',
      'delete Pod web-1 in StatefulSet web successful',
    ]);
    // whenScaled: Retain (the default) keeps every claim.
    expect((await bed.get(PVCS)).items).toHaveLength(3);
    expect((await bed.get(`${STS}/web`)).status).toMatchObject({ replicas: 1, readyReplicas: 1, availableReplicas: 1 });
  });

  it('rolls an update out from the highest ordinal, each pod Ready before the next, above the partition', async () => {
    const bed = await statefulSetTestbed();
    const set = await bed.create(
      STS,
      webManifest(3, { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } } }),
    );
    await bed.wait();
    await runAll(bed, 4);
    const oldRevision = `web-${hashControllerRevision(templatePatch(set).raw, 0)}`;
    const updated = await bed.patch(`${STS}/web`, {
      spec: { template: { spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.27' }] } } },
    });
    const newRevision = `web-${hashControllerRevision(templatePatch(updated).raw, 0)}`;
    expect(newRevision).not.toBe(oldRevision);
    const order: string[] = [];
    for (let i = 0; i < 6; i++) {
      await bed.wait();
      for (const pod of await bed.pods()) if (pod.metadata.deletionTimestamp) order.push(pod.metadata.name);
      await bed.finishTerminating();
      await bed.wait();
      await bed.runPods();
    }
    await bed.wait();
    // web-0 is below the partition: it keeps the old revision.
    expect(order).toEqual(['web-2', 'web-1']);
    const revisions = Object.fromEntries(
      (await bed.pods()).map((p) => [p.metadata.name, p.metadata.labels['controller-revision-hash']]),
    );
    expect(revisions).toEqual({ 'web-0': oldRevision, 'web-1': newRevision, 'web-2': newRevision });
    expect((await bed.get(`${STS}/web`)).status).toEqual({
      observedGeneration: 2,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 1,
      updatedReplicas: 2,
      currentRevision: oldRevision,
      updateRevision: newRevision,
      collisionCount: 0,
      availableReplicas: 3,
    });
    // Partition 0: web-0 follows, and the update revision becomes the current one.
    await bed.patch(`${STS}/web`, { spec: { updateStrategy: { rollingUpdate: { partition: 0 } } } });
    await bed.wait();
    await bed.finishTerminating();
    await runAll(bed, 2);
    expect((await bed.get(`${STS}/web`)).status).toMatchObject({
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: newRevision,
      updateRevision: newRevision,
    });
    expect((await bed.get(REVISIONS)).items.map((r: any) => [r.metadata.name, r.revision]).sort()).toEqual(
      [
        [oldRevision, 1],
        [newRevision, 2],
      ].sort(),
    );
    expect(bed.errors).toEqual([]);
  });

  it('deletes a failed pod and creates it again under the same name, reusing its claim', async () => {
    const bed = await statefulSetTestbed();
    await bed.create(STS, webManifest(2));
    await bed.wait();
    await runAll(bed, 3);
    const before = await bed.get('/api/v1/namespaces/default/pods/web-1');
    await bed.patch('/api/v1/namespaces/default/pods/web-1/status', { status: { phase: 'Failed' } });
    await bed.wait();
    await bed.finishTerminating();
    await bed.wait();
    const after = await bed.get('/api/v1/namespaces/default/pods/web-1');
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.spec.volumes).toContainEqual({ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } });
    expect((await bed.events('SuccessfulDelete')).map((e) => e.message)).toEqual([
      'delete Pod web-1 in StatefulSet web successful',
    ]);
    const creates = (await bed.events('SuccessfulCreate')).map((e) => [e.message, e.count]);
    // The second create of web-1 is the same event again: its count goes up.
    expect(creates).toContainEqual(['create Pod web-1 in StatefulSet web successful', 2]);
    // The claim already exists: it is not created twice.
    expect(creates).toContainEqual(['create Claim www-web-1 Pod web-1 in StatefulSet web success', 1]);
    expect(bed.errors).toEqual([]);
  });
});
