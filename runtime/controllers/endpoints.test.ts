import { describe, expect, it } from 'vitest';
import { appPod, appService, endpointsTestbed, withoutServerFields } from '../../tests/endpoints-testbed';
import { formatTime } from '../util/time';

/** An address as the controller writes it for a pod on minikube. */
const address = (ip: string, pod: any, extra: Record<string, unknown> = {}) => ({
  ip,
  ...extra,
  nodeName: 'minikube',
  targetRef: { kind: 'Pod', namespace: 'default', name: pod.metadata.name, uid: pod.metadata.uid },
});

/** Creates pods `names` of app `app`, each running (ready as `ready` says); their objects and IPs. */
async function runPods(bed: any, app: string, ready: Record<string, boolean>, ports?: Record<string, number>) {
  const pods: Record<string, { pod: any; ip: string }> = {};
  for (const [name, isReady] of Object.entries(ready)) {
    const pod = await bed.create('pods', appPod(name, app, ports));
    pods[name] = { pod, ip: await bed.run(name, isReady) };
  }
  return pods;
}

describe('Endpoints controller', () => {
  it('lists ready pods in addresses and the others in notReadyAddresses, on the resolved port', async () => {
    const bed = await endpointsTestbed();
    await bed.create('services', appService('web'));
    await bed.wait(5000);
    const readyAt = formatTime(bed.clock.now());
    const pods = await runPods(bed, 'web', { 'web-a': true, 'web-b': true, 'web-c': false });
    await bed.wait();
    const { status, body } = await bed.endpoints('web');
    expect(status).toBe(200);
    expect(withoutServerFields(body)).toEqual({
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name: 'web',
        namespace: 'default',
        labels: { app: 'web' },
        // The earliest pod Ready transition since the sync before (that one, of the new Service, said its creation).
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': readyAt },
      },
      subsets: [
        {
          addresses: [address(pods['web-a'].ip, pods['web-a'].pod), address(pods['web-b'].ip, pods['web-b'].pod)],
          notReadyAddresses: [address(pods['web-c'].ip, pods['web-c'].pod)],
          ports: [{ port: 8080, protocol: 'TCP' }],
        },
      ],
    });
    expect(body.metadata.managedFields[0].manager).toBe('kube-controller-manager');
    expect(bed.errors).toEqual([]);
    expect(await bed.events()).toEqual([]);
    await bed.stop();
  });

  it('moves a pod that becomes ready to addresses, stamped with its Ready transition', async () => {
    const bed = await endpointsTestbed();
    await bed.create('services', appService('web'));
    const pods = await runPods(bed, 'web', { 'web-a': true, 'web-b': false });
    await bed.wait(60_000);
    const readyAt = formatTime(bed.clock.now());
    await bed.setReady('web-b', true);
    await bed.wait();
    const { body } = await bed.endpoints('web');
    expect(body.subsets).toEqual([
      {
        addresses: [address(pods['web-a'].ip, pods['web-a'].pod), address(pods['web-b'].ip, pods['web-b'].pod)],
        ports: [{ port: 8080, protocol: 'TCP' }],
      },
    ]);
    expect(body.metadata.annotations).toEqual({ 'endpoints.kubernetes.io/last-change-trigger-time': readyAt });
    await bed.stop();
  });

  it('resolves a named targetPort per pod, leaving out pods without that port', async () => {
    const bed = await endpointsTestbed();
    await bed.create(
      'services',
      appService('web', {
        ports: [
          { name: 'http', port: 80, targetPort: 'http' },
          { name: 'metrics', port: 9090, targetPort: 'metrics', appProtocol: 'http' },
        ],
      }),
    );
    const both = await runPods(bed, 'web', { 'web-a': true }, { http: 8080, metrics: 9100 });
    const httpOnly = await runPods(bed, 'web', { 'web-b': true }, { http: 8081 });
    await bed.wait();
    const { body } = await bed.endpoints('web');
    // One subset per set of ports. Ports sort by the MD5 of their dumps; subsets too, and as those
    // include pod UIDs, the test orders them itself.
    const byIP = [...body.subsets].sort((a: any, b: any) => (a.addresses[0].ip < b.addresses[0].ip ? -1 : 1));
    expect(byIP).toEqual([
      {
        addresses: [address(both['web-a'].ip, both['web-a'].pod)],
        ports: [
          { name: 'metrics', port: 9100, protocol: 'TCP', appProtocol: 'http' },
          { name: 'http', port: 8080, protocol: 'TCP' },
        ],
      },
      {
        addresses: [address(httpOnly['web-b'].ip, httpOnly['web-b'].pod)],
        ports: [{ name: 'http', port: 8081, protocol: 'TCP' }],
      },
    ]);
    await bed.stop();
  });

  it('publishes not-ready pods when asked, with hostnames under a headless Service', async () => {
    const bed = await endpointsTestbed();
    await bed.create('services', appService('db', { clusterIP: 'None', publishNotReadyAddresses: true }));
    const manifest = appPod('db-0', 'db');
    manifest.spec = { ...manifest.spec, hostname: 'db-0', subdomain: 'db' };
    const pod = await bed.create('pods', manifest);
    const ip = await bed.run('db-0', false);
    await bed.wait();
    const { body } = await bed.endpoints('db');
    expect(body.metadata.labels).toEqual({ app: 'db', 'service.kubernetes.io/headless': '' });
    expect(body.subsets).toEqual([
      { addresses: [address(ip, pod, { hostname: 'db-0' })], ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
    await bed.stop();
  });

  it('leaves out terminating pods and pods without an IP', async () => {
    const bed = await endpointsTestbed();
    await bed.create('services', appService('web'));
    const pods = await runPods(bed, 'web', { 'web-a': true, 'web-b': true });
    await bed.create('pods', appPod('web-pending', 'web'));
    // A running pod's deletion waits for its kubelet: it stays, terminating.
    await bed.request('DELETE', '/api/v1/namespaces/default/pods/web-b');
    await bed.wait();
    const { body } = await bed.endpoints('web');
    expect(body.subsets).toEqual([
      { addresses: [address(pods['web-a'].ip, pods['web-a'].pod)], ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
    await bed.stop();
  });

  it('deletes the Endpoints of a deleted Service', async () => {
    const bed = await endpointsTestbed();
    await bed.create('services', appService('web'));
    await runPods(bed, 'web', { 'web-a': true });
    await bed.wait();
    expect((await bed.endpoints('web')).status).toBe(200);
    await bed.request('DELETE', '/api/v1/namespaces/default/services/web');
    await bed.wait();
    expect((await bed.endpoints('web')).status).toBe(404);
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });

  it('leaves the Endpoints of Services without a selector alone', async () => {
    const bed = await endpointsTestbed();
    await bed.create('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'db' },
      spec: { ports: [{ port: 5432 }] },
    });
    const manual = await bed.create('endpoints', {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'db' },
      subsets: [{ addresses: [{ ip: '192.168.1.10' }], ports: [{ port: 5432 }] }],
    });
    await runPods(bed, 'db', { 'db-a': true });
    await bed.wait(10_000);
    const after = (await bed.endpoints('db')).body;
    expect(after.metadata.resourceVersion).toBe(manual.metadata.resourceVersion);
    const kubernetes = (await bed.endpoints('kubernetes')).body;
    expect(kubernetes.metadata.managedFields.map((f: any) => f.manager)).toEqual(['kube-apiserver']);
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });
});
