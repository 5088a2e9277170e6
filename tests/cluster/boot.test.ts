import { afterEach, describe, expect, it } from 'vitest';
import { minikubeTestbed, type MinikubeTestbed } from '../minikube';

let bed: MinikubeTestbed | undefined;
afterEach(async () => {
  await bed?.stop();
  bed = undefined;
});

const summary = (pods: any[]) =>
  pods
    .map(
      (p) =>
        `${p.metadata.name} ${p.status?.phase} ${p.status?.containerStatuses?.map((c: any) => `${c.ready}/${c.restartCount}`).join(',')}`,
    )
    .sort();

describe('minikube boots', () => {
  it('runs the kube-system pods of a fresh minikube', async () => {
    bed = await minikubeTestbed();
    await bed.wait(60_000);
    const pods = await bed.pods('kube-system');
    const names = pods
      .map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, '-<id>').replace(/^coredns-[a-z0-9]+-/, 'coredns-<hash>-'))
      .sort();
    expect(names).toEqual([
      'coredns-<hash>-<id>',
      'etcd-minikube',
      'kube-apiserver-minikube',
      'kube-controller-manager-minikube',
      'kube-proxy-<id>',
      'kube-scheduler-minikube',
      'storage-provisioner',
    ]);
    expect(summary(pods).every((line) => line.endsWith(' Running true/0'))).toBe(true);
    // Optimistic-concurrency conflicts are retried, as in the real components; nothing else may fail.
    expect(bed.errors.filter((e) => !e.message.includes('the object has been modified'))).toEqual([]);
  });
});

describe('a pod on minikube', () => {
  it('goes ContainerCreating → Running, pulling nginx once per node, with the kubelet events and logs', async () => {
    bed = await minikubeTestbed();
    await bed.wait(30_000);
    const created = await bed.request('POST', '/api/v1/namespaces/default/pods', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'qingge' },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    });
    expect(created.status).toBe(201);
    await bed.wait(1_000);
    let [pod] = await bed.pods();
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.containerStatuses[0].state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    await bed.wait(15_000);
    [pod] = await bed.pods();
    expect(pod.status.phase).toBe('Running');
    const status = pod.status.containerStatuses[0];
    expect(status).toMatchObject({ image: 'nginx:latest', name: 'nginx', ready: true, restartCount: 0, started: true });
    expect(status.containerID).toMatch(/^docker:\/\/[0-9a-f]{64}$/);
    expect(status.imageID).toMatch(/^docker-pullable:\/\/nginx@sha256:[0-9a-f]{64}$/);
    expect(pod.status.podIP).toMatch(/^10\.244\.0\.\d+$/);
    expect(pod.status.conditions.map((c: any) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    const events = (await bed.events()).filter((e) => e.involvedObject.name === 'qingge');
    expect(
      events.map(
        (e) => `${e.reason}: ${e.message.replace(/ in [\d.]+m?s \([\d.]+m?s including waiting\)/, ' in <t>')}`,
      ),
    ).toEqual([
      'Scheduled: Successfully assigned default/qingge to minikube',
      'Pulling: Pulling image "nginx"',
      'Pulled: Successfully pulled image "nginx" in <t>. Image size: 192004242 bytes.',
      'Created: Created container: nginx',
      'Started: Started container nginx',
    ]);
    const log = await bed.request('GET', '/api/v1/namespaces/default/pods/qingge/log');
    expect(log.text.split('\n')[0]).toBe(
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
    );
    expect(log.text).toContain('[notice] 1#1: start worker processes');
  });
});
