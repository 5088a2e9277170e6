import { describe, expect, it } from 'vitest';
import { appPod, appService, endpointsTestbed, withoutServerFields } from '../../tests/endpoints-testbed';
import { NAME_SUFFIX_ALPHABET } from '../rng';
import { formatTime } from '../util/time';

const SLICE_NAME = new RegExp(`^web-[${NAME_SUFFIX_ALPHABET}]{5}$`);

/** An endpoint as the controller writes it for a pod on minikube. */
const endpoint = (ip: string, pod: any, ready: boolean, extra: Record<string, unknown> = {}) => ({
  addresses: [ip],
  conditions: { ready, serving: ready, terminating: false },
  targetRef: { kind: 'Pod', namespace: 'default', name: pod.metadata.name, uid: pod.metadata.uid },
  nodeName: 'minikube',
  ...extra,
});

async function runPods(bed: any, app: string, ready: Record<string, boolean>) {
  const pods: Record<string, { pod: any; ip: string }> = {};
  for (const [name, isReady] of Object.entries(ready)) {
    const pod = await bed.create('pods', appPod(name, app));
    pods[name] = { pod, ip: await bed.run(name, isReady) };
  }
  return pods;
}

describe('EndpointSlice controller', () => {
  it('writes one owned, labelled slice with each pod’s conditions', async () => {
    const bed = await endpointsTestbed();
    const service = await bed.create(
      'services',
      appService('web', { ports: [{ port: 80, targetPort: 'http', appProtocol: 'http' }] }),
    );
    await bed.wait(5000);
    const readyAt = formatTime(bed.clock.now());
    const pods = await runPods(bed, 'web', { 'web-a': true, 'web-b': true, 'web-c': false });
    await bed.wait();
    const slices = await bed.slices('web');
    expect(slices).toHaveLength(1);
    const [slice] = slices;
    expect(slice.metadata.name).toMatch(SLICE_NAME);
    expect(withoutServerFields(slice)).toEqual({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: slice.metadata.name,
        generateName: 'web-',
        namespace: 'default',
        // Created empty, then one update for each pod that came up.
        generation: 4,
        labels: {
          app: 'web',
          'kubernetes.io/service-name': 'web',
          'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
        },
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': readyAt },
        ownerReferences: [
          {
            apiVersion: 'v1',
            kind: 'Service',
            name: 'web',
            uid: service.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      addressType: 'IPv4',
      endpoints: [
        endpoint(pods['web-a'].ip, pods['web-a'].pod, true),
        endpoint(pods['web-b'].ip, pods['web-b'].pod, true),
        endpoint(pods['web-c'].ip, pods['web-c'].pod, false),
      ],
      ports: [{ name: '', protocol: 'TCP', port: 8080, appProtocol: 'http' }],
    });
    expect(slice.metadata.managedFields[0].manager).toBe('kube-controller-manager');
    expect(bed.errors).toEqual([]);
    expect(await bed.events()).toEqual([]);
    await bed.stop();
  });

  it('keeps a placeholder slice without endpoints for a Service with no pods', async () => {
    const bed = await endpointsTestbed();
    await bed.create('services', appService('web'));
    await bed.wait(10_000);
    const slices = await bed.slices('web');
    expect(slices).toHaveLength(1);
    expect(slices[0]).toMatchObject({ addressType: 'IPv4', endpoints: null, ports: null });
    // Nothing changes, so nothing is written again.
    const version = slices[0].metadata.resourceVersion;
    await bed.request(
      'PATCH',
      '/api/v1/namespaces/default/services/web',
      { metadata: { annotations: { a: 'b' } } },
      {
        'content-type': 'application/merge-patch+json',
      },
    );
    await bed.wait(10_000);
    expect((await bed.slices('web'))[0].metadata.resourceVersion).toBe(version);
    await bed.stop();
  });

  it('updates the endpoint of a pod that becomes ready in place, with its zone', async () => {
    const bed = await endpointsTestbed({ nodeLabels: { 'topology.kubernetes.io/zone': 'zone-a' } });
    await bed.create('services', appService('web'));
    const pods = await runPods(bed, 'web', { 'web-a': false });
    await bed.wait();
    const [before] = await bed.slices('web');
    expect(before.endpoints).toEqual([endpoint(pods['web-a'].ip, pods['web-a'].pod, false, { zone: 'zone-a' })]);
    await bed.wait(30_000);
    const readyAt = formatTime(bed.clock.now());
    await bed.setReady('web-a', true);
    await bed.wait();
    const [after] = await bed.slices('web');
    expect(after.metadata.name).toBe(before.metadata.name);
    expect(after.endpoints).toEqual([endpoint(pods['web-a'].ip, pods['web-a'].pod, true, { zone: 'zone-a' })]);
    expect(after.metadata.annotations['endpoints.kubernetes.io/last-change-trigger-time']).toBe(readyAt);
    await bed.stop();
  });

  it('marks a terminating pod not ready but still serving', async () => {
    const bed = await endpointsTestbed();
    await bed.create('services', appService('web'));
    const pods = await runPods(bed, 'web', { 'web-a': true });
    await bed.request('DELETE', '/api/v1/namespaces/default/pods/web-a');
    await bed.wait();
    const [slice] = await bed.slices('web');
    expect(slice.endpoints).toEqual([
      {
        ...endpoint(pods['web-a'].ip, pods['web-a'].pod, true),
        conditions: { ready: false, serving: true, terminating: true },
      },
    ]);
    await bed.stop();
  });

  it('spreads 250 pods over slices of 100, 100 and 50', async () => {
    const bed = await endpointsTestbed();
    await bed.create('services', appService('web'));
    const names = Array.from({ length: 250 }, (_, i) => `web-${String(i).padStart(3, '0')}`);
    // A burst, as a rollout makes: the controllers see it all at once.
    for (const name of names) {
      await bed.request('POST', '/api/v1/namespaces/default/pods', appPod(name, 'web'));
      await bed.run(name, true, false);
    }
    await bed.wait(5000);
    const slices = await bed.slices('web');
    expect(slices.map((s) => s.endpoints.length).sort((a, b) => b - a)).toEqual([100, 100, 50]);
    expect(slices.flatMap((s) => s.endpoints.map((e: any) => e.targetRef.name)).sort()).toEqual(names);
    // A new pod fills the slice with room rather than a new one.
    await runPods(bed, 'web', { 'web-new': true });
    await bed.wait(5000);
    const after = await bed.slices('web');
    expect(after.map((s) => s.metadata.name)).toEqual(slices.map((s) => s.metadata.name));
    expect(after.map((s) => s.endpoints.length).sort((a, b) => b - a)).toEqual([100, 100, 51]);
    expect(bed.errors).toEqual([]);
    await bed.stop();
  }, 60_000);

  it('leaves Services without a selector alone, and a deleted Service’s slices to the garbage collector', async () => {
    const bed = await endpointsTestbed();
    await bed.create('services', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'db' },
      spec: { ports: [{ port: 5432 }] },
    });
    await bed.create('services', appService('web'));
    await runPods(bed, 'web', { 'web-a': true });
    await bed.wait();
    expect(await bed.slices('db')).toEqual([]);
    const [slice] = await bed.slices('web');
    await bed.request('DELETE', '/api/v1/namespaces/default/services/web');
    await bed.wait(10_000);
    expect((await bed.slices('web')).map((s) => s.metadata.name)).toEqual([slice.metadata.name]);
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });

  it('reports a pod on an unknown node as FailedToUpdateEndpointSlices and retries', async () => {
    const bed = await endpointsTestbed();
    await bed.create('services', appService('web'));
    await bed.create('pods', appPod('web-a', 'web'));
    await bed.request('POST', '/api/v1/namespaces/default/pods/web-a/binding', {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name: 'web-a' },
      target: { apiVersion: 'v1', kind: 'Node', name: 'ghost' },
    });
    await bed.request(
      'PATCH',
      '/api/v1/namespaces/default/pods/web-a/status',
      { status: { phase: 'Running', podIP: '10.244.0.9', podIPs: [{ ip: '10.244.0.9' }] } },
      {
        'content-type': 'application/merge-patch+json',
      },
    );
    await bed.wait(1500);
    const message = 'skipping Pod web-a for Service default/web: Node ghost Not Found';
    expect(bed.errors.filter((e) => e.controller === 'endpointslice')).toEqual([
      { controller: 'endpointslice', key: 'default/web', message },
      { controller: 'endpointslice', key: 'default/web', message },
    ]);
    const events = (await bed.events()).filter((e: any) => e.source.component === 'endpoint-slice-controller');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'Warning',
      reason: 'FailedToUpdateEndpointSlices',
      message: `Error updating Endpoint Slices for Service default/web: ${message}`,
      involvedObject: { kind: 'Service', name: 'web', namespace: 'default' },
      count: 2,
    });
    // The slice goes on without the pod.
    expect((await bed.slices('web'))[0].endpoints).toBeNull();
    await bed.stop();
  });
});
