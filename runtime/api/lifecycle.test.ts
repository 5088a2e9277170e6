import { describe, expect, it } from 'vitest';
import { createTestApi, podManifest } from '../../tests/api';

const PODS = '/api/v1/namespaces/default/pods';
const RS = '/apis/apps/v1/namespaces/default/replicasets';
const replicaset = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'nginx' },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'nginx' } },
    template: { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
};

describe('object lifecycle', () => {
  it('generates names from generateName with five characters of the Kubernetes alphabet', async () => {
    const { request } = await createTestApi();
    const created = (
      await request('POST', PODS, { ...podManifest('x'), metadata: { generateName: 'nginx-7c5ddbdf54-' } })
    ).body;
    expect(created.metadata.name).toMatch(/^nginx-7c5ddbdf54-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(created.metadata.generateName).toBe('nginx-7c5ddbdf54-');
  });

  it('keeps objects with finalizers until the last one is removed', async () => {
    const { request } = await createTestApi();
    await request('POST', PODS, podManifest('held', { metadata: { finalizers: ['example.com/hold'] } }));
    const deleting = (await request('DELETE', `${PODS}/held`)).body;
    expect(deleting.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z');
    expect((await request('GET', `${PODS}/held`)).status).toBe(200);
    await request(
      'PATCH',
      `${PODS}/held`,
      { metadata: { finalizers: null } },
      { 'content-type': 'application/merge-patch+json' },
    );
    expect((await request('GET', `${PODS}/held`)).status).toBe(404);
  });

  it('keeps a pod in its grace period through status updates, and removes it on the final delete', async () => {
    const { request } = await createTestApi();
    await request('POST', PODS, podManifest('graceful', { spec: { nodeName: 'minikube' } }));
    const deleting = (await request('DELETE', `${PODS}/graceful`)).body;
    expect(deleting.metadata).toMatchObject({ deletionGracePeriodSeconds: 30 });
    const patch = { 'content-type': 'application/merge-patch+json' };
    const updated = await request('PATCH', `${PODS}/graceful/status`, { status: { phase: 'Running' } }, patch);
    expect(updated.status).toBe(200);
    expect((await request('GET', `${PODS}/graceful`)).body.status.phase).toBe('Running');
    // The kubelet's last word: delete with no grace left.
    await request('DELETE', `${PODS}/graceful`, { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0 });
    expect((await request('GET', `${PODS}/graceful`)).status).toBe(404);
  });

  it('gives a Job a selector of its UID and labels its pod template, unless the selector is manual', async () => {
    const { request } = await createTestApi();
    const job = (extra: object = {}) => ({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'hello' },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' } }, ...extra },
    });
    const created = (await request('POST', '/apis/batch/v1/namespaces/default/jobs', job())).body;
    const uid = created.metadata.uid;
    expect(created.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(created.spec.template.metadata.labels).toEqual({
      'job-name': 'hello',
      'batch.kubernetes.io/job-name': 'hello',
      'controller-uid': uid,
      'batch.kubernetes.io/controller-uid': uid,
    });
    const manual = job({
      manualSelector: true,
      selector: { matchLabels: { app: 'x' } },
      template: {
        metadata: { labels: { app: 'x' } },
        spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'Never' },
      },
    });
    manual.metadata.name = 'manual';
    const kept = (await request('POST', '/apis/batch/v1/namespaces/default/jobs', manual)).body;
    expect(kept.spec.selector).toEqual({ matchLabels: { app: 'x' } });
    expect(kept.spec.template.metadata.labels).toEqual({ app: 'x' });
  });

  it("defaults a pod container's missing requests to its limits", async () => {
    const { request } = await createTestApi();
    const resources = { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100m' } };
    const pod = podManifest('sized', { spec: { containers: [{ name: 'c', image: 'nginx', resources }] } });
    const created = (await request('POST', PODS, pod)).body;
    expect(created.spec.containers[0].resources.requests).toEqual({ cpu: '100m', memory: '128Mi' });
    expect(created.status.qosClass).toBe('Burstable');
  });

  it.each([
    ['Foreground', 'foregroundDeletion'],
    ['Orphan', 'orphan'],
  ])('propagationPolicy %s leaves the garbage collector its finalizer', async (policy, finalizer) => {
    const { request } = await createTestApi();
    await request('POST', RS, replicaset);
    const deleting = (
      await request('DELETE', `${RS}/nginx`, { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: policy })
    ).body;
    expect(deleting.metadata.finalizers).toEqual([finalizer]);
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
  });

  it('deletes at once with Background propagation, and refuses unknown policies', async () => {
    const { request } = await createTestApi();
    await request('POST', RS, replicaset);
    expect((await request('DELETE', `${RS}/nginx?propagationPolicy=Sideways`)).body).toMatchObject({
      code: 400,
      message:
        'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil"',
    });
    await request('DELETE', `${RS}/nginx`, { propagationPolicy: 'Background' });
    expect((await request('GET', `${RS}/nginx`)).status).toBe(404);
  });

  it('terminates a namespace until it is finalized, refusing new content meanwhile', async () => {
    const { request } = await createTestApi();
    await request('POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' } });
    const deleting = (await request('DELETE', '/api/v1/namespaces/foo')).body;
    expect(deleting.status.phase).toBe('Terminating');
    expect((await request('POST', '/api/v1/namespaces/foo/pods', podManifest('late'))).body).toMatchObject({
      code: 403,
      message: 'pods "late" is forbidden: unable to create new content in namespace foo because it is being terminated',
    });
    const finalize = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'foo' }, spec: { finalizers: [] } };
    await request('PUT', '/api/v1/namespaces/foo/finalize', finalize);
    expect((await request('GET', '/api/v1/namespaces/foo')).status).toBe(404);
  });
});

describe('LimitRanger admission', () => {
  const LIMITS = '/api/v1/namespaces/default/limitranges';
  const limits = (item: Record<string, unknown>) => ({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'limits' },
    spec: { limits: [{ type: 'Container', ...item }] },
  });

  it('fills in default requests and limits and says so in an annotation', async () => {
    const { request } = await createTestApi();
    await request(
      'POST',
      LIMITS,
      limits({ default: { cpu: '500m', memory: '256Mi' }, defaultRequest: { cpu: '100m' } }),
    );
    const pod = (await request('POST', PODS, podManifest('p'))).body;
    expect(pod.spec.containers[0].resources).toEqual({
      limits: { cpu: '500m', memory: '256Mi' },
      requests: { cpu: '100m', memory: '256Mi' },
    });
    expect(pod.metadata.annotations['kubernetes.io/limit-ranger']).toBe(
      'LimitRanger plugin set: cpu, memory request for container nginx; cpu, memory limit for container nginx',
    );
    expect(pod.status.qosClass).toBe('Burstable');
  });

  it('refuses containers outside min and max with the real texts', async () => {
    const { request } = await createTestApi();
    await request('POST', LIMITS, limits({ min: { cpu: '100m' }, max: { memory: '1Gi' } }));
    const big = podManifest('big', {
      spec: {
        containers: [
          { name: 'nginx', image: 'nginx', resources: { requests: { cpu: '50m' }, limits: { memory: '2Gi' } } },
        ],
      },
    });
    expect((await request('POST', PODS, big)).body.message).toBe(
      'pods "big" is forbidden: [minimum cpu usage per Container is 100m, but request is 50m, maximum memory usage per Container is 1Gi, but limit is 2Gi]',
    );
  });
});

describe('pod updates', () => {
  it('may change images, labels and additional tolerations, but nothing else in the spec', async () => {
    const { request } = await createTestApi();
    const pod = (await request('POST', PODS, podManifest('p'))).body;
    const newImage = structuredClone(pod);
    newImage.spec.containers[0].image = 'nginx:1.27';
    newImage.metadata.labels = { app: 'web' };
    const updated = await request('PUT', `${PODS}/p`, newImage);
    expect(updated.status).toBe(200);
    expect(updated.body.spec.containers[0].image).toBe('nginx:1.27');
    const restart = structuredClone(updated.body);
    restart.spec.restartPolicy = 'Never';
    const refused = await request('PUT', `${PODS}/p`, restart);
    expect(refused.body.message).toBe(
      'Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
    );
    // A manifest replaced as it was written lacks what admission added on create: refused too.
    expect((await request('PUT', `${PODS}/p`, podManifest('p'))).status).toBe(422);
  });
});
