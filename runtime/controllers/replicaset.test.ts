import { describe, expect, it } from 'vitest';
import { podManifest } from '../../tests/api';
import { replicaSetManifest, replicaSetTestbed } from '../../tests/controllers';
import { NAME_SUFFIX_ALPHABET } from '../rng';

/** The owner reference a ReplicaSet's controller sets on its pods. */
const controllerRef = (rs: { metadata: { uid: string } }) => [
  {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    name: 'frontend',
    uid: rs.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  },
];

const RS_PATH = '/apis/apps/v1/namespaces/default/replicasets';
const POD_NAME = new RegExp(`^frontend-[${NAME_SUFFIX_ALPHABET}]{5}$`);
const names = (pods: any[]): string[] => pods.map((p) => p.metadata.name).sort();

/** The sizes of the create batches, read off how many creates were in flight as each was sent. */
function batchSizes(inFlight: number[]): number[] {
  const sizes: number[] = [];
  for (const n of inFlight) {
    if (n === 1) sizes.push(1);
    else sizes[sizes.length - 1] = n;
  }
  return sizes;
}

describe('ReplicaSet controller', () => {
  it('scales 0 → 5 in slow-start batches of 1, 2, 2, with owned, labelled pods', async () => {
    const bed = await replicaSetTestbed();
    await bed.request('POST', RS_PATH, replicaSetManifest('frontend', 0));
    await bed.wait();
    const rs = await bed.replicaSet('frontend');
    expect(rs.status).toEqual({ replicas: 0, observedGeneration: 1 });
    await bed.scale('frontend', 5);
    const pods = await bed.pods();
    expect(pods).toHaveLength(5);
    expect(batchSizes(bed.creates.map((c) => c.inFlight))).toEqual([1, 2, 2]);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(POD_NAME);
      expect(pod.metadata.generateName).toBe('frontend-');
      expect(pod.metadata.labels).toEqual({ app: 'frontend', tier: 'frontend' });
      expect(pod.metadata.ownerReferences).toEqual(controllerRef(rs));
      expect(pod.metadata.managedFields[0].manager).toBe('kube-controller-manager');
    }
    expect((await bed.replicaSet('frontend')).status).toEqual({
      replicas: 5,
      fullyLabeledReplicas: 5,
      observedGeneration: 2,
    });
    const events = await bed.events();
    expect(events.map((e) => e.message).sort()).toEqual(names(pods).map((n) => `Created pod: ${n}`));
    for (const event of events) {
      expect(event).toMatchObject({
        type: 'Normal',
        reason: 'SuccessfulCreate',
        source: { component: 'replicaset-controller' },
        reportingComponent: 'replicaset-controller',
        involvedObject: { kind: 'ReplicaSet', name: 'frontend', namespace: 'default', uid: rs.metadata.uid },
      });
      expect(event.metadata.name).toMatch(/^frontend\.[0-9a-f]+$/);
    }
    expect(bed.errors).toEqual([]);
  });

  it('scales down unscheduled pods first, then the newest', async () => {
    const bed = await replicaSetTestbed();
    await bed.request('POST', RS_PATH, replicaSetManifest('frontend', 3));
    await bed.wait();
    const old = names(await bed.pods());
    for (const name of old) await bed.run(name);
    await bed.wait(100_000);
    await bed.scale('frontend', 5);
    const fresh = names(await bed.pods()).filter((n) => !old.includes(n));
    expect(fresh).toHaveLength(2);
    await bed.wait(1000);
    // One new pod gets a node and runs; the other stays Pending without one.
    await bed.run(fresh[1]);
    await bed.wait(1000);
    await bed.scale('frontend', 3);
    await bed.wait();
    const after = await bed.pods();
    // The unscheduled pod is gone at once; the running one is Terminating for its grace period.
    expect(names(after)).toEqual([...old, fresh[1]].sort());
    const terminating = after.filter((p) => p.metadata.deletionTimestamp);
    expect(names(terminating)).toEqual([fresh[1]]);
    expect((await bed.replicaSet('frontend')).status).toMatchObject({ replicas: 3, readyReplicas: 3 });
    const deleted = (await bed.events()).filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message);
    expect(deleted.sort()).toEqual([`Deleted pod: ${fresh[0]}`, `Deleted pod: ${fresh[1]}`].sort());
  });

  it('replaces a deleted pod while the old one is still terminating', async () => {
    const bed = await replicaSetTestbed();
    await bed.request('POST', RS_PATH, replicaSetManifest('frontend', 3));
    await bed.wait();
    const before = names(await bed.pods());
    for (const name of before) await bed.run(name);
    await bed.request('DELETE', `/api/v1/namespaces/default/pods/${before[0]}`);
    await bed.wait();
    const after = await bed.pods();
    expect(after).toHaveLength(4);
    const victim = after.find((p) => p.metadata.name === before[0]);
    expect(victim.metadata.deletionTimestamp).toBeDefined();
    const replacement = after.filter((p) => !before.includes(p.metadata.name));
    expect(replacement).toHaveLength(1);
    expect(replacement[0].metadata.name).toMatch(POD_NAME);
    expect((await bed.replicaSet('frontend')).status.replicas).toBe(3);
    // A pod no kubelet runs goes at once, and is replaced too.
    await bed.request('DELETE', `/api/v1/namespaces/default/pods/${replacement[0].metadata.name}`);
    await bed.wait();
    const active = (await bed.pods()).filter((p) => !p.metadata.deletionTimestamp);
    expect(active).toHaveLength(3);
    expect(names(active)).not.toContain(replacement[0].metadata.name);
  });

  it('releases a pod relabelled out of its selector and creates another; the relabelled one keeps running', async () => {
    const bed = await replicaSetTestbed();
    await bed.request('POST', RS_PATH, replicaSetManifest('frontend', 3));
    await bed.wait();
    const before = names(await bed.pods());
    for (const name of before) await bed.run(name);
    await bed.request(
      'PATCH',
      `/api/v1/namespaces/default/pods/${before[0]}`,
      { metadata: { labels: { app: 'debug' } } },
      { 'content-type': 'application/merge-patch+json' },
    );
    await bed.wait();
    const relabelled = (await bed.request('GET', `/api/v1/namespaces/default/pods/${before[0]}`)).body;
    expect(relabelled.metadata.ownerReferences ?? []).toEqual([]);
    expect(relabelled.status.phase).toBe('Running');
    expect(relabelled.metadata.deletionTimestamp).toBeUndefined();
    const selected = await bed.pods('app=frontend');
    expect(selected).toHaveLength(3);
    expect(names(selected)).not.toContain(before[0]);
    expect((await bed.pods()).length).toBe(4);
    const released = relabelled.metadata.managedFields.find((f: any) => f.manager === 'kube-controller-manager');
    expect(released).toBeDefined();
  });

  it('adopts an orphan whose labels match, and creates only the rest', async () => {
    const bed = await replicaSetTestbed();
    await bed.request(
      'POST',
      '/api/v1/namespaces/default/pods',
      podManifest('stray', { metadata: { labels: { app: 'frontend' } } }),
    );
    await bed.request('POST', RS_PATH, replicaSetManifest('frontend', 3));
    await bed.wait();
    const pods = await bed.pods();
    expect(pods).toHaveLength(3);
    const rs = await bed.replicaSet('frontend');
    const stray = pods.find((p) => p.metadata.name === 'stray');
    expect(stray.metadata.ownerReferences).toEqual(controllerRef(rs));
    expect(bed.creates).toHaveLength(2);
    // The template's tier label is missing on the stray: it is not fully labelled.
    expect(rs.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 2 });
    // An orphan created later is adopted too, and then, as the newest pod, deleted as surplus.
    await bed.wait(100_000);
    await bed.request(
      'POST',
      '/api/v1/namespaces/default/pods',
      podManifest('late', { metadata: { labels: { app: 'frontend' } } }),
    );
    await bed.wait();
    expect((await bed.request('GET', '/api/v1/namespaces/default/pods/late')).status).toBe(404);
    expect((await bed.events()).filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message)).toEqual([
      'Deleted pod: late',
    ]);
    expect(await bed.pods()).toHaveLength(3);
  });
});
