import { describe, expect, it } from 'vitest';
import { daemonSetManifest, daemonSetTestbed, type ControllerTestbed } from '../../tests/daemonset-testbed';
import { NAME_SUFFIX_ALPHABET } from '../rng';
import { computeHash } from './pod-template-hash';

const DS_PATH = '/apis/apps/v1/namespaces/default/daemonsets';
const REVISIONS = '/apis/apps/v1/namespaces/default/controllerrevisions';
const POD_NAME = new RegExp(`^agent-[${NAME_SUFFIX_ALPHABET}]{5}$`);
const GPU_TAINT = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };

/** The tolerations every daemon pod gets (AddOrUpdateDaemonPodTolerations), in order. */
const DAEMON_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];

const nodeOf = (pod: any): string =>
  pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0]
    .values[0];

async function threeNodes(bed: ControllerTestbed): Promise<void> {
  await bed.addNode('minikube');
  await bed.addNode('minikube-m02');
  await bed.addNode('minikube-m03', { taints: [GPU_TAINT] });
}

describe('DaemonSet controller', () => {
  it('runs one pod on each node whose taints it tolerates, pinned by node affinity', async () => {
    const bed = await daemonSetTestbed();
    await threeNodes(bed);
    const ds = await bed.create(DS_PATH, daemonSetManifest('agent'));
    await bed.wait();
    const pods = await bed.pods();
    expect(pods.map(nodeOf).sort()).toEqual(['minikube', 'minikube-m02']);
    const hash = computeHash(ds.spec.template);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(POD_NAME);
      expect(pod.metadata.generateName).toBe('agent-');
      expect(pod.metadata.labels).toEqual({
        app: 'agent',
        'controller-revision-hash': hash,
        'pod-template-generation': '1',
      });
      expect(pod.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: 'agent',
          uid: ds.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
      expect(pod.spec.affinity).toEqual({
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeOf(pod)] }] }],
          },
        },
      });
      expect(pod.spec.tolerations).toEqual(DAEMON_TOLERATIONS);
      expect(pod.spec.nodeName).toBeUndefined();
    }
    const revisions = (await bed.get(REVISIONS)).items;
    expect(revisions.map((r: any) => [r.metadata.name, r.revision, r.metadata.labels])).toEqual([
      [`agent-${hash}`, 1, { app: 'agent', 'controller-revision-hash': hash }],
    ]);
    expect(revisions[0].data.spec.template.$patch).toBe('replace');
    const created = (await bed.events('SuccessfulCreate')).map((e) => e.message).sort();
    expect(created).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect((await bed.get(`${DS_PATH}/agent`)).status).toEqual({
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      desiredNumberScheduled: 2,
      numberReady: 0,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
      numberUnavailable: 2,
    });
    await bed.runPods();
    await bed.wait();
    expect((await bed.get(`${DS_PATH}/agent`)).status).toEqual({
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      desiredNumberScheduled: 2,
      numberReady: 2,
      observedGeneration: 1,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    });
    expect(bed.errors).toEqual([]);
  });

  it('creates a pod on a node that joins, and on a tainted node once the template tolerates it', async () => {
    const bed = await daemonSetTestbed();
    await threeNodes(bed);
    await bed.create(DS_PATH, daemonSetManifest('agent'));
    await bed.wait();
    await bed.addNode('minikube-m04');
    await bed.wait();
    expect((await bed.pods()).map(nodeOf).sort()).toEqual(['minikube', 'minikube-m02', 'minikube-m04']);
    await bed.patch(`${DS_PATH}/agent`, {
      spec: {
        template: {
          spec: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }] },
        },
      },
    });
    await bed.wait();
    // The new template rolls out: the three old pods go one by one; m03 gets a new pod at once.
    const pods = (await bed.pods()).filter((p) => !p.metadata.deletionTimestamp);
    expect(pods.map(nodeOf)).toContain('minikube-m03');
    expect((await bed.get(`${DS_PATH}/agent`)).status).toMatchObject({
      desiredNumberScheduled: 4,
      observedGeneration: 2,
    });
  });

  it('rolls a new template out one node at a time, waiting for each new pod to be available', async () => {
    const bed = await daemonSetTestbed();
    await threeNodes(bed);
    const ds = await bed.create(DS_PATH, daemonSetManifest('agent'));
    const oldHash = computeHash(ds.spec.template);
    await bed.wait();
    await bed.runPods();
    await bed.wait();
    const before = (await bed.pods()).map((p) => p.metadata.name);
    const updated = await bed.patch(`${DS_PATH}/agent`, {
      spec: { template: { spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] } } },
    });
    const newHash = computeHash(updated.spec.template);
    await bed.wait();
    // One old pod is deleted (it terminates, bound and running); its replacement waits for it to go.
    let deleted = (await bed.events('SuccessfulDelete')).map((e) => e.message);
    expect(deleted).toHaveLength(1);
    await bed.finishTerminating();
    await bed.wait();
    let fresh = (await bed.pods()).filter((p) => p.metadata.labels['controller-revision-hash'] === newHash);
    expect(fresh).toHaveLength(1);
    expect(fresh[0].metadata.labels['pod-template-generation']).toBe('2');
    // Nothing more until the new pod is available.
    expect(await bed.events('SuccessfulDelete')).toHaveLength(1);
    await bed.runPods();
    await bed.wait();
    deleted = (await bed.events('SuccessfulDelete')).map((e) => e.message);
    expect(deleted).toHaveLength(2);
    await bed.finishTerminating();
    await bed.wait();
    await bed.runPods();
    await bed.wait();
    fresh = (await bed.pods()).filter((p) => p.metadata.labels['controller-revision-hash'] === newHash);
    expect(fresh.map(nodeOf).sort()).toEqual(['minikube', 'minikube-m02']);
    expect(deleted.sort()).toEqual(before.map((n) => `Deleted pod: ${n}`).sort());
    const revisions = (await bed.get(REVISIONS)).items.map((r: any) => [r.metadata.name, r.revision]);
    expect(revisions.sort()).toEqual(
      [
        [`agent-${oldHash}`, 1],
        [`agent-${newHash}`, 2],
      ].sort(),
    );
    expect((await bed.get(`${DS_PATH}/agent`)).status).toEqual({
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      desiredNumberScheduled: 2,
      numberReady: 2,
      observedGeneration: 2,
      updatedNumberScheduled: 2,
      numberAvailable: 2,
    });
    expect(bed.errors).toEqual([]);
  });

  it('kills a failed daemon pod with a FailedDaemonPod event and replaces it', async () => {
    const bed = await daemonSetTestbed();
    await bed.addNode('minikube');
    await bed.create(DS_PATH, daemonSetManifest('agent'));
    await bed.wait();
    await bed.runPods();
    const [failed] = await bed.pods();
    await bed.patch(`/api/v1/namespaces/default/pods/${failed.metadata.name}/status`, { status: { phase: 'Failed' } });
    await bed.wait();
    expect((await bed.events('FailedDaemonPod')).map((e) => [e.type, e.message])).toEqual([
      ['Warning', `Found failed daemon pod default/${failed.metadata.name} on node minikube, will try to kill it`],
    ]);
    expect((await bed.events('SuccessfulDelete')).map((e) => e.message)).toEqual([
      `Deleted pod: ${failed.metadata.name}`,
    ]);
    await bed.finishTerminating();
    await bed.wait();
    const pods = await bed.pods();
    expect(pods).toHaveLength(1);
    expect(pods[0].metadata.name).not.toBe(failed.metadata.name);
    expect(nodeOf(pods[0])).toBe('minikube');
  });
});
