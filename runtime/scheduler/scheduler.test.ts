import { afterEach, describe, expect, it } from 'vitest';
import { schedulerTestbed, type SchedulerTestbed } from '../../tests/scheduler';
import { SCHEDULER_USER_AGENT } from './scheduler';

let bed: SchedulerTestbed;
afterEach(async () => {
  await bed?.stop();
});

const scheduled = (pod: any) => pod.status?.conditions?.find((c: any) => c.type === 'PodScheduled');
const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('kube-scheduler', () => {
  it('binds a pod to the only node that fits, with the Scheduled event', async () => {
    bed = await schedulerTestbed();
    await bed.addNode('small', { cpu: '1' });
    await bed.addNode('big', { cpu: '4' });
    await bed.addPod('web', {}, '2');
    await bed.wait();
    const pod = await bed.pod('web');
    expect(pod.spec.nodeName).toBe('big');
    // The binding updates storage directly (BindingREST.setPodNodeAndMetadata's GuaranteedUpdate):
    // the pod's managed fields stay its creator's, with no entry for the scheduler.
    expect(pod.metadata.managedFields.map((m: any) => m.manager)).toEqual(['unknown']);
    const [event] = await bed.events();
    expect(event).toMatchObject({
      apiVersion: 'events.k8s.io/v1',
      reportingController: 'default-scheduler',
      reportingInstance: 'default-scheduler-minikube',
      action: 'Binding',
      reason: 'Scheduled',
      type: 'Normal',
      note: 'Successfully assigned default/web to big',
      regarding: { kind: 'Pod', namespace: 'default', name: 'web', apiVersion: 'v1' },
    });
    expect(SCHEDULER_USER_AGENT).toBe('kube-scheduler/v1.34.0 (linux/amd64) kubernetes/f28b4c9/scheduler');
  });

  it('spreads the pods of one ReplicaSet-like owner across nodes', async () => {
    bed = await schedulerTestbed();
    for (const name of ['n1', 'n2', 'n3']) await bed.addNode(name);
    const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true };
    for (let i = 0; i < 6; i++) {
      await bed.addPod(`web-${i}`, {}, '100m', { labels: { app: 'web' }, ownerReferences: [owner] });
    }
    await bed.wait();
    const counts: Record<string, number> = {};
    for (let i = 0; i < 6; i++) {
      const node = (await bed.pod(`web-${i}`)).spec.nodeName;
      counts[node] = (counts[node] ?? 0) + 1;
    }
    expect(counts).toEqual({ n1: 2, n2: 2, n3: 2 });
  });

  it('reports Insufficient cpu, then schedules once a pod is deleted or a node is added', async () => {
    bed = await schedulerTestbed();
    await bed.addNode('minikube', { cpu: '2' });
    await bed.addPod('a', {}, '1500m');
    await bed.addPod('b', {}, '1');
    await bed.wait();
    expect((await bed.pod('a')).spec.nodeName).toBe('minikube');
    const message =
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';
    const b = await bed.pod('b');
    expect(b.spec.nodeName).toBeUndefined();
    expect(scheduled(b)).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
    const failed = (await bed.events()).filter((e) => e.reason === 'FailedScheduling');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ type: 'Warning', action: 'Scheduling', note: message });
    expect(bed.scheduler.queue.where('default/b')).toBe('unschedulable');

    // Nothing the pod cares about happens: it stays in the pool, with no new attempt.
    await bed.wait(60_000);
    expect((await bed.events()).filter((e) => e.reason === 'FailedScheduling')).toHaveLength(1);

    await bed.deletePod('a');
    await bed.wait();
    expect((await bed.pod('b')).spec.nodeName).toBe('minikube');

    await bed.addPod('c', {}, '2');
    await bed.wait();
    expect(scheduled(await bed.pod('c'))?.reason).toBe('Unschedulable');
    await bed.addNode('minikube-m02', { cpu: '2' });
    await bed.wait();
    expect((await bed.pod('c')).spec.nodeName).toBe('minikube-m02');
  });

  it('says when a pod asks for more than any node has, and too many pods', async () => {
    bed = await schedulerTestbed();
    await bed.addNode('minikube', { cpu: '2', pods: '1' });
    await bed.addPod('huge', {}, '3');
    await bed.addPod('one');
    await bed.addPod('two');
    await bed.wait();
    expect(scheduled(await bed.pod('huge')).message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
    expect((await bed.pod('one')).spec.nodeName).toBe('minikube');
    expect(scheduled(await bed.pod('two')).message).toBe(
      '0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.',
    );
  });

  it.each([
    [
      'nodeSelector',
      { nodeSelector: { disktype: 'ssd' } },
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    ],
    [
      'required node affinity',
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }],
            },
          },
        },
      },
      "0/2 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.",
    ],
    [
      'host ports',
      { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] }] },
      "0/2 nodes are available: 1 node(s) didn't have free ports for the requested pod ports, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    ],
  ])('explains a pod that no node fits: %s', async (_name, spec, message) => {
    bed = await schedulerTestbed();
    await bed.addNode('minikube', { labels: { zone: 'a' }, taints: [CONTROL_PLANE_TAINT] });
    await bed.addNode('minikube-m02', { labels: { zone: 'a' } });
    await bed.addPod('holder', {
      nodeName: 'minikube-m02',
      containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80, hostPort: 8080 }] }],
    });
    await bed.addPod('x', spec);
    await bed.wait();
    const pod = await bed.pod('x');
    expect(pod.spec.nodeName).toBeUndefined();
    expect(scheduled(pod)).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
    const failed = (await bed.events()).find((e) => e.reason === 'FailedScheduling');
    expect(failed.note).toBe(message);
  });

  it('honours taints, tolerations and cordoned nodes', async () => {
    bed = await schedulerTestbed();
    await bed.addNode('minikube', { taints: [CONTROL_PLANE_TAINT] });
    await bed.addNode('minikube-m02', { unschedulable: true });
    await bed.addPod('plain');
    await bed.wait();
    expect(scheduled(await bed.pod('plain')).message).toBe(
      '0/2 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
    await bed.addPod('tolerant', {
      tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }],
    });
    await bed.wait();
    expect((await bed.pod('tolerant')).spec.nodeName).toBe('minikube');
    await bed.addPod('drainer', {
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
    });
    await bed.wait();
    expect((await bed.pod('drainer')).spec.nodeName).toBe('minikube-m02');
    // Uncordoning the node (a node update) lets the plain pod in.
    await bed.request(
      'PATCH',
      '/api/v1/nodes/minikube-m02',
      { spec: { unschedulable: null } },
      {
        'content-type': 'application/merge-patch+json',
      },
    );
    await bed.wait();
    expect((await bed.pod('plain')).spec.nodeName).toBe('minikube-m02');
  });

  it('keeps required anti-affinity and affinity by hostname', async () => {
    bed = await schedulerTestbed();
    await bed.addNode('n1');
    await bed.addNode('n2');
    const anti = {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' },
          ],
        },
      },
    };
    for (const name of ['db-0', 'db-1', 'db-2']) await bed.addPod(name, anti, undefined, { labels: { app: 'db' } });
    await bed.wait();
    const nodes = [(await bed.pod('db-0')).spec.nodeName, (await bed.pod('db-1')).spec.nodeName];
    expect(nodes.sort()).toEqual(['n1', 'n2']);
    expect(scheduled(await bed.pod('db-2')).message).toBe(
      // The running pods' own anti-affinity is checked first (and is symmetric).
      "0/2 nodes are available: 2 node(s) didn't satisfy existing pods anti-affinity rules. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.",
    );
    await bed.addPod('cache', {
      affinity: {
        podAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [
            { labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' },
          ],
        },
      },
    });
    await bed.wait();
    expect(['n1', 'n2']).toContain((await bed.pod('cache')).spec.nodeName);
  });

  it('retries a pod that met an error after 1 s, 2 s, 4 s, 8 s, then every 10 s', async () => {
    bed = await schedulerTestbed();
    const start = bed.clock.now();
    await bed.addPod('lonely');
    await bed.wait();
    const pod = await bed.pod('lonely');
    expect(scheduled(pod)).toMatchObject({ reason: 'SchedulerError', message: 'no nodes available to schedule pods' });
    const attempts: number[] = [];
    let last = 1;
    for (let ms = 0; ms <= 36_000; ms += 500) {
      await bed.wait(500);
      const events = await bed.events();
      // The first failure's status write changes the pod's resourceVersion, so the second
      // failure starts a new event (its reference differs); later ones extend its series.
      const count = events.reduce((sum, e) => sum + (e.series?.count ?? 1), 0);
      if (count > last) attempts.push((bed.clock.now() - start) / 1000);
      last = count;
    }
    // Failures at 0 s; retries at 1, 3, 7, 15, 25, 35 s.
    expect(attempts).toEqual([1, 3, 7, 15, 25, 35]);
    await bed.addNode('late');
    await bed.wait(10_000);
    expect((await bed.pod('lonely')).spec.nodeName).toBe('late');
  });
});
