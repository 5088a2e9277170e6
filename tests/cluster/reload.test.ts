import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../runtime/clock';
import { MemoryBackend } from '../../runtime/storage/backend';
import { TEST_EPOCH } from '../harness';
import { minikubeTestbed } from '../minikube';

describe('a reload of the page', () => {
  it('finds the cluster as it left it, an hour older: same pods Running, same containers, logs intact', async () => {
    const storage = new MemoryBackend();
    const first = await minikubeTestbed('before', storage);
    await first.wait(10_000);
    await first.request('POST', '/api/v1/namespaces/default/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web' },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    });
    await first.wait(20_000);
    const [before] = await first.pods();
    expect(before.status.phase).toBe('Running');
    const log = (await first.request('GET', '/api/v1/namespaces/default/pods/web/log')).text;
    await first.stop();

    const later = new VirtualClock(TEST_EPOCH + 3_600_000);
    const second = await minikubeTestbed('after', storage, later);
    await second.wait(30_000);
    const [after] = await second.pods();
    expect(after.metadata.uid).toBe(before.metadata.uid);
    expect(after.status.phase).toBe('Running');
    const [was, is] = [before.status.containerStatuses[0], after.status.containerStatuses[0]];
    expect(is.containerID).toBe(was.containerID);
    expect(is.state).toEqual(was.state);
    expect(is.restartCount).toBe(0);
    expect(is.ready).toBe(true);
    expect(after.status.podIP).toBe(before.status.podIP);
    expect((await second.request('GET', '/api/v1/namespaces/default/pods/web/log')).text).toBe(log);
    const system = await second.pods('kube-system');
    expect(system).toHaveLength(7);
    expect(system.every((p) => p.status.phase === 'Running')).toBe(true);
    const nodes = (await second.request('GET', '/api/v1/nodes')).body.items;
    expect(nodes.map((n: any) => n.metadata.name)).toEqual(['minikube']);
    expect(second.errors.filter((e) => !e.message.includes('the object has been modified'))).toEqual([]);
    await second.stop();
  });

  it('keeps the nodes that joined: their kubelets run again, and the next node takes the next number', async () => {
    const storage = new MemoryBackend();
    const first = await minikubeTestbed('nodes-before', storage);
    await first.components.addNode();
    await first.components.addNode();
    await first.wait(30_000);
    await first.stop();

    // Two hours later: well past the 40 s a node may go without a heartbeat.
    const second = await minikubeTestbed('nodes-after', storage, new VirtualClock(TEST_EPOCH + 7_200_000));
    await second.wait(120_000);
    expect(second.components.kubelets.map((k) => k.nodeName)).toEqual(['minikube', 'minikube-m02', 'minikube-m03']);
    const ready = async () =>
      (await second.request('GET', '/api/v1/nodes')).body.items.map((n: any) => [
        n.metadata.name,
        n.status.addresses[0].address,
        n.spec.podCIDR,
        n.status.conditions.find((c: any) => c.type === 'Ready').status,
        n.spec.taints ?? [],
      ]);
    expect(await ready()).toEqual([
      ['minikube', '192.168.49.2', '10.244.0.0/24', 'True', []],
      ['minikube-m02', '192.168.49.3', '10.244.1.0/24', 'True', []],
      ['minikube-m03', '192.168.49.4', '10.244.2.0/24', 'True', []],
    ]);
    await second.components.addNode();
    await second.wait(30_000);
    expect((await ready()).map((row: unknown[]) => row.slice(0, 4))).toEqual([
      ['minikube', '192.168.49.2', '10.244.0.0/24', 'True'],
      ['minikube-m02', '192.168.49.3', '10.244.1.0/24', 'True'],
      ['minikube-m03', '192.168.49.4', '10.244.2.0/24', 'True'],
      ['minikube-m04', '192.168.49.5', '10.244.3.0/24', 'True'],
    ]);
    await second.stop();
  });
});
