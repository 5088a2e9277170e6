import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../tests/api';
import { changedFields, fieldsOf } from './field-sets';
import { recordUpdate, union } from './managed-fields';

const DEPLOYS = '/apis/apps/v1/namespaces/default/deployments';
const APPLY = { 'content-type': 'application/apply-patch+yaml' };
const config = (replicas: number, labels: Record<string, string> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels },
  spec: {
    replicas,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
  },
});

describe('managed fields', () => {
  it('give the creator what it sent and the scheme defaults, and an updater what it changed', async () => {
    const { request } = await createTestApi();
    await request('POST', `${DEPLOYS}?fieldManager=kubectl-create`, config(1));
    const labeled = await request(
      'PATCH',
      `${DEPLOYS}/web?fieldManager=kubectl-label`,
      { metadata: { labels: { tier: 'front' } } },
      {
        'content-type': 'application/merge-patch+json',
      },
    );
    const [created, label] = labeled.body.metadata.managedFields;
    expect(created).toMatchObject({
      manager: 'kubectl-create',
      operation: 'Update',
      apiVersion: 'apps/v1',
      fieldsType: 'FieldsV1',
    });
    expect(created.fieldsV1['f:spec']['f:template']['f:spec']['f:containers']['k:{"name":"nginx"}']).toEqual({
      '.': {},
      'f:image': {},
      'f:imagePullPolicy': {},
      'f:name': {},
      'f:resources': {},
      'f:terminationMessagePath': {},
      'f:terminationMessagePolicy': {},
    });
    expect(created.fieldsV1['f:spec']['f:strategy']).toEqual({
      'f:rollingUpdate': { '.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {} },
      'f:type': {},
    });
    expect(label).toMatchObject({
      manager: 'kubectl-label',
      fieldsV1: { 'f:metadata': { 'f:labels': { 'f:tier': {} } } },
    });
  });

  it('make server-side apply conflict with other managers until forced, and remove what it stops applying', async () => {
    const { request } = await createTestApi();
    expect((await request('PATCH', `${DEPLOYS}/web?fieldManager=ci`, config(2, { team: 'a' }), APPLY)).status).toBe(
      201,
    );
    await request(
      'PATCH',
      `${DEPLOYS}/web/scale?fieldManager=kubectl-scale`,
      { spec: { replicas: 5 } },
      { 'content-type': 'application/merge-patch+json' },
    );
    const conflict = await request('PATCH', `${DEPLOYS}/web?fieldManager=ci`, config(2, { team: 'a' }), APPLY);
    expect(conflict.body).toMatchObject({
      code: 409,
      reason: 'Conflict',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-scale" using apps/v1: .spec.replicas',
      details: {
        causes: [
          {
            reason: 'FieldManagerConflict',
            message: 'conflict with "kubectl-scale" using apps/v1',
            field: '.spec.replicas',
          },
        ],
      },
    });
    // Applying the live value co-owns the field instead.
    expect((await request('PATCH', `${DEPLOYS}/web?fieldManager=ci`, config(5, { team: 'a' }), APPLY)).status).toBe(
      200,
    );
    const forced = await request('PATCH', `${DEPLOYS}/web?fieldManager=ci&force=true`, config(3), APPLY);
    expect(forced.body.spec.replicas).toBe(3);
    expect(forced.body.metadata.labels).toBeUndefined();
    expect(forced.body.metadata.managedFields.map((e: { manager: string }) => e.manager)).toEqual(['ci']);
  });

  it('require a field manager for apply', async () => {
    const { request } = await createTestApi();
    expect((await request('PATCH', `${DEPLOYS}/web`, config(1), APPLY)).body).toMatchObject({
      code: 400,
      message: 'fieldManager is required for apply requests',
    });
  });
});

describe('status writes that change only the status', () => {
  const owner = (manager: string, subresource?: 'status') => ({
    manager,
    operation: 'Update' as const,
    apiVersion: 'v1',
    time: '2026-01-01T00:00:10Z',
    ...(subresource ? { subresource } : {}),
  });
  const condition = (type: string, status: string) => ({ type, status, lastTransitionTime: '2026-01-01T00:00:00Z' });
  const pod = (status: Record<string, unknown>) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', labels: { app: 'web' }, finalizers: ['x/y'] },
    spec: { nodeName: 'minikube', containers: [{ name: 'web', image: 'busybox' }] },
    status,
  });

  it('give the same entries as working over the whole object', () => {
    const first = pod({ phase: 'Pending', conditions: [condition('PodScheduled', 'True')] });
    let entries = recordUpdate([], owner('kube-controller-manager'), fieldsOf(first), fieldsOf(first));
    entries = recordUpdate(
      entries,
      owner('kube-scheduler', 'status'),
      fieldsOf(first, 'status'),
      union(fieldsOf(first), fieldsOf(first, 'status')),
    );
    const writes = [
      { phase: 'Pending', conditions: [condition('PodScheduled', 'True'), condition('Ready', 'False')], hostIP: 'a' },
      { phase: 'Running', conditions: [condition('Ready', 'True')], podIP: '10.244.0.3' },
      { phase: 'Running', conditions: [condition('Ready', 'True')], podIP: '10.244.0.3' },
      { phase: 'Failed' },
    ];
    let old = first;
    for (const [i, status] of writes.entries()) {
      const next = { ...old, status };
      const statusFields = fieldsOf(next, 'status');
      const changed = changedFields(statusFields, next, old);
      const writer = owner(i === 2 ? 'kube-scheduler' : 'kubelet', 'status');
      const whole = recordUpdate(entries, writer, changed, union(fieldsOf(next), statusFields));
      const scoped = recordUpdate(entries, writer, changed, statusFields, 'f:status');
      expect(JSON.stringify(scoped)).toBe(JSON.stringify(whole));
      entries = whole;
      old = next;
    }
    expect(entries.map((e) => e.manager)).toEqual(['kube-controller-manager', 'kubelet']);
  });
});
