import { afterEach, describe, expect, it } from 'vitest';
import { nodeLifecycleTestbed, type NodeLifecycleTestbed } from '../../tests/node-lifecycle-testbed';
import { formatTime } from '../util/time';

const MERGE = { 'content-type': 'application/merge-patch+json' };
let bed: NodeLifecycleTestbed | undefined;
afterEach(() => bed?.stop());

/** Waits in monitor periods until node `name`'s Ready condition has `status`; the time it took. */
async function waitForReady(b: NodeLifecycleTestbed, name: string, status: string, limitMs = 120_000): Promise<number> {
  for (let waited = 0; waited <= limitMs; waited += 5_000) {
    const ready = (await b.node(name)).status.conditions.find((c: any) => c.type === 'Ready');
    if (ready.status === status) return waited;
    await b.wait(5_000);
  }
  throw new Error(`node ${name} never became Ready=${status}`);
}

const eventsOf = (events: any[], reason: string) =>
  events
    .filter((e) => e.reason === reason)
    .map((e) => [e.involvedObject.kind, e.involvedObject.name, e.message])
    .sort((a, b) => (a.join() < b.join() ? -1 : 1));

describe('node lifecycle controller', () => {
  it('marks a silent node Unknown after the grace period, taints it unreachable and its pods NotReady', async () => {
    bed = await nodeLifecycleTestbed();
    await bed.addNode('minikube');
    await bed.addNode('minikube-m02');
    await bed.runPod('web', 'minikube-m02');
    await bed.wait(20_000);
    const heartbeat = (await bed.node('minikube-m02')).status.conditions[0].lastHeartbeatTime;
    const stoppedAt = bed.clock.now();
    bed.stopKubelet('minikube-m02');
    await bed.wait(45_000);
    expect((await bed.node('minikube-m02')).status.conditions[0].status).toBe('True');
    await waitForReady(bed, 'minikube-m02', 'Unknown');
    // The NoExecute taint follows at the next pass, which sees the Unknown it wrote.
    await bed.wait(6_000);
    const node = await bed.node('minikube-m02');
    const since = node.status.conditions[0].lastTransitionTime;
    const nextPass = formatTime(Date.parse(since) + 5_000);
    // Unknown once the last renewal seen is older than 50 s, at a 5 s monitor pass.
    expect(Date.parse(since) - stoppedAt).toBeGreaterThan(50_000);
    expect(Date.parse(since) - stoppedAt).toBeLessThanOrEqual(70_000);
    expect(node.status.conditions).toEqual([
      {
        type: 'Ready',
        status: 'Unknown',
        lastHeartbeatTime: heartbeat,
        lastTransitionTime: since,
        reason: 'NodeStatusUnknown',
        message: 'Kubelet stopped posting node status.',
      },
      ...['MemoryPressure', 'DiskPressure', 'PIDPressure'].map((type) => ({
        type,
        status: 'Unknown',
        lastHeartbeatTime: node.metadata.creationTimestamp,
        lastTransitionTime: since,
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
      })),
    ]);
    expect(node.spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: since },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: nextPass },
    ]);
    expect((await bed.node('minikube')).spec?.taints).toBeUndefined();
    const pod = await bed.pod('web');
    expect(pod.status.conditions.find((c: any) => c.type === 'Ready')).toEqual({
      type: 'Ready',
      status: 'False',
      lastProbeTime: null,
      lastTransitionTime: since,
    });
    const events = await bed.events();
    expect(eventsOf(events, 'RegisteredNode')).toEqual([
      ['Node', 'minikube', 'Node minikube event: Registered Node minikube in Controller'],
      ['Node', 'minikube-m02', 'Node minikube-m02 event: Registered Node minikube-m02 in Controller'],
    ]);
    expect(eventsOf(events, 'NodeNotReady')).toEqual([
      ['Node', 'minikube-m02', 'Node minikube-m02 status is now: NodeNotReady'],
      ['Pod', 'web', 'Node is not ready'],
    ]);
    const podEvent = events.find((e) => e.involvedObject.kind === 'Pod');
    expect(podEvent).toMatchObject({ type: 'Warning', source: { component: 'node-controller' } });
    expect(bed.errors).toEqual([]);
  });

  it('evicts pods of an unreachable node after their 300 s tolerations, others as they tolerate', async () => {
    bed = await nodeLifecycleTestbed();
    await bed.addNode('minikube');
    await bed.addNode('minikube-m02');
    await bed.runPod('web', 'minikube-m02');
    const unreachable = { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' };
    await bed.runPod('forever', 'minikube-m02', { tolerations: [unreachable] });
    await bed.runPod('brief', 'minikube-m02', { tolerations: [{ ...unreachable, tolerationSeconds: 10 }] });
    expect((await bed.pod('web')).spec.tolerations).toContainEqual({ ...unreachable, tolerationSeconds: 300 });
    bed.stopKubelet('minikube-m02');
    await waitForReady(bed, 'minikube-m02', 'Unknown');
    await bed.wait(6_000);
    const taintedAt = Date.parse((await bed.node('minikube-m02')).spec.taints[1].timeAdded);
    await bed.wait(taintedAt + 11_000 - bed.clock.now());
    expect((await bed.pod('brief')).metadata.deletionTimestamp).toBeDefined();
    expect((await bed.pod('web')).metadata.deletionTimestamp).toBeUndefined();
    await bed.wait(taintedAt + 295_000 - bed.clock.now());
    expect((await bed.pod('web')).metadata.deletionTimestamp).toBeUndefined();
    await bed.wait(10_000);
    const web = await bed.pod('web');
    expect(web.metadata.deletionTimestamp).toBeDefined();
    expect(web.status.conditions.find((c: any) => c.type === 'DisruptionTarget')).toEqual({
      // The patch's lastProbeTime: null deletes the field; a real server would show it as null.
      type: 'DisruptionTarget',
      status: 'True',
      lastTransitionTime: expect.any(String),
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
    });
    expect((await bed.pod('forever')).metadata.deletionTimestamp).toBeUndefined();
    const evictions = (await bed.events()).filter((e) => e.reason === 'TaintManagerEviction');
    expect(evictions.map((e) => e.message)).toEqual([
      'Marking for deletion Pod default/brief',
      'Marking for deletion Pod default/web',
    ]);
    expect(evictions[0]).toMatchObject({
      type: 'Normal',
      involvedObject: { apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'brief' },
      source: { component: 'taint-eviction-controller' },
    });
  });

  it('deletes pods that do not tolerate a NoExecute taint at once', async () => {
    bed = await nodeLifecycleTestbed();
    await bed.addNode('minikube');
    await bed.runPod('web', 'minikube');
    const taint = { key: 'dedicated', value: 'db', effect: 'NoExecute' };
    await bed.request('PATCH', '/api/v1/nodes/minikube', { spec: { taints: [taint] } }, MERGE);
    await bed.wait();
    expect((await bed.pod('web')).metadata.deletionTimestamp).toBe(formatTime(bed.clock.now() + 30_000));
  });

  it('removes the taints and cancels evictions when the kubelet comes back', async () => {
    bed = await nodeLifecycleTestbed();
    await bed.addNode('minikube');
    await bed.addNode('minikube-m02');
    await bed.runPod('web', 'minikube-m02');
    bed.stopKubelet('minikube-m02');
    await waitForReady(bed, 'minikube-m02', 'Unknown');
    await bed.wait(6_000);
    expect((await bed.node('minikube-m02')).spec.taints).toHaveLength(2);
    await bed.startKubelet('minikube-m02');
    await bed.wait(5_000);
    expect((await bed.node('minikube-m02')).spec.taints).toBeUndefined();
    await bed.wait(400_000);
    expect((await bed.pod('web')).metadata.deletionTimestamp).toBeUndefined();
    const evictions = (await bed.events()).filter((e) => e.reason === 'TaintManagerEviction');
    expect(evictions.map((e) => e.message)).toEqual(['Cancelling deletion of Pod default/web']);
  });

  it('on a single node taints NoSchedule only: master disruption mode evicts nothing', async () => {
    bed = await nodeLifecycleTestbed();
    await bed.addNode('minikube');
    await bed.runPod('web', 'minikube');
    bed.stopKubelet('minikube');
    await waitForReady(bed, 'minikube', 'Unknown');
    await bed.wait(400_000);
    const node = await bed.node('minikube');
    expect(node.spec.taints.map((t: any) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
    ]);
    const pod = await bed.pod('web');
    expect(pod.metadata.deletionTimestamp).toBeUndefined();
    expect(pod.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('False');
  });

  it('mirrors cordon as the unschedulable NoSchedule taint', async () => {
    bed = await nodeLifecycleTestbed();
    await bed.addNode('minikube');
    await bed.request('PATCH', '/api/v1/nodes/minikube', { spec: { unschedulable: true } }, MERGE);
    await bed.wait();
    expect((await bed.node('minikube')).spec.taints).toEqual([
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule', timeAdded: formatTime(bed.clock.now()) },
    ]);
    await bed.request('PATCH', '/api/v1/nodes/minikube', { spec: { unschedulable: null } }, MERGE);
    await bed.wait();
    expect((await bed.node('minikube')).spec.taints).toBeUndefined();
  });
});
