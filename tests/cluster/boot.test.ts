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
    const names = pods.map((p) => p.metadata.name.replace(/-[a-z0-9]{5}$/, '-<id>')).sort();
    // 66bc5c9577: the pod-template-hash of kubeadm's CoreDNS template on every v1.34 cluster
    // (../shared/docs/fidelity.md §5), computed here as the Deployment controller does.
    expect(names).toEqual([
      'coredns-66bc5c9577-<id>',
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

describe('the dashboard addon', () => {
  it('runs the dashboard and its metrics scraper in kubernetes-dashboard, behind two ClusterIP services', async () => {
    bed = await minikubeTestbed();
    await bed.wait(10_000);
    await bed.components.enableAddon('dashboard');
    await bed.wait(90_000);
    const pods = await bed.pods('kubernetes-dashboard');
    expect(pods.map((p) => p.metadata.name.replace(/-[a-z0-9]+-[a-z0-9]{5}$/, '')).sort()).toEqual([
      'dashboard-metrics-scraper',
      'kubernetes-dashboard',
    ]);
    for (const pod of pods) {
      expect(pod.status.phase).toBe('Running');
      expect(pod.status.containerStatuses[0]).toMatchObject({ ready: true, restartCount: 0 });
    }
    const services = (await bed.request('GET', '/api/v1/namespaces/kubernetes-dashboard/services')).body.items;
    expect(
      services
        .map((s: any) => `${s.metadata.name} ${s.spec.type} ${s.spec.ports[0].port}→${s.spec.ports[0].targetPort}`)
        .sort(),
    ).toEqual(['dashboard-metrics-scraper ClusterIP 8000→8000', 'kubernetes-dashboard ClusterIP 80→9090']);
    const events = (await bed.events('kubernetes-dashboard')).filter((e) => e.reason === 'Pulling');
    expect(events.map((e) => e.message).sort()).toEqual([
      'Pulling image "docker.io/kubernetesui/dashboard:v2.7.0@sha256:2e500d29e9d5f4a086b908eb8dfe7ecac57d2ab09d65b24f588b1d449841ef93"',
      'Pulling image "docker.io/kubernetesui/metrics-scraper:v1.0.8@sha256:76049887f07a0476dc93efc2d3569b9529bf982b22d29f356092ce206e98765c"',
    ]);
  });
});
