import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../tests/api';

const MERGE = { 'content-type': 'application/merge-patch+json' };
const NAMESPACES = '/api/v1/namespaces';
const SLICES = '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices';
const DAEMONSETS = '/apis/apps/v1/namespaces/default/daemonsets';
const HPAS = '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers';
const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

const namespace = (name: string, spec?: object) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec });

describe('Namespace lifecycle (pkg/registry/core/namespace)', () => {
  it('marks a namespace Terminating on the first delete, with no grace period', async () => {
    const { request } = await createTestApi();
    await request('POST', NAMESPACES, namespace('foo'));
    const first = await request('DELETE', `${NAMESPACES}/foo`, { propagationPolicy: 'Background' });
    expect(first.status).toBe(200);
    expect(first.body.metadata.deletionTimestamp).toBe('2026-01-01T00:00:00Z');
    expect(first.body.metadata).not.toHaveProperty('deletionGracePeriodSeconds');
    expect(first.body.metadata).not.toHaveProperty('finalizers');
    expect(first.body.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(first.body.status).toEqual({ phase: 'Terminating' });
  });

  it('answers a delete of a terminating namespace with it, unchanged (no Conflict since v1.17)', async () => {
    const { request, clock } = await createTestApi();
    await request('POST', NAMESPACES, namespace('foo'));
    const first = await request('DELETE', `${NAMESPACES}/foo`);
    clock.advance(5000);
    const again = await request('DELETE', `${NAMESPACES}/foo`, { propagationPolicy: 'Foreground' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await request('GET', `${NAMESPACES}/foo`)).body).toEqual(first.body);
  });

  it('keeps the garbage collector finalizer a first delete asks for', async () => {
    const { request } = await createTestApi();
    await request('POST', NAMESPACES, namespace('foo'));
    const deleting = await request('DELETE', `${NAMESPACES}/foo`, { propagationPolicy: 'Orphan' });
    expect(deleting.body.metadata.finalizers).toEqual(['orphan']);
    expect(deleting.body.metadata).not.toHaveProperty('deletionGracePeriodSeconds');
  });

  it('goes once finalized and its last metadata finalizer is removed', async () => {
    const { request } = await createTestApi();
    await request('POST', NAMESPACES, namespace('foo'));
    await request('PATCH', `${NAMESPACES}/foo`, { metadata: { finalizers: ['example.com/hold'] } }, MERGE);
    await request('DELETE', `${NAMESPACES}/foo`);
    // Removing the metadata finalizer while spec.finalizers remain keeps it.
    await request('PATCH', `${NAMESPACES}/foo`, { metadata: { finalizers: null } }, MERGE);
    expect((await request('GET', `${NAMESPACES}/foo`)).status).toBe(200);
    await request('PATCH', `${NAMESPACES}/foo`, { metadata: { finalizers: ['example.com/hold'] } }, MERGE);
    await request('PUT', `${NAMESPACES}/foo/finalize`, namespace('foo', { finalizers: [] }));
    expect((await request('GET', `${NAMESPACES}/foo`)).body.spec).toEqual({});
    await request('PATCH', `${NAMESPACES}/foo`, { metadata: { finalizers: null } }, MERGE);
    expect((await request('GET', `${NAMESPACES}/foo`)).status).toBe(404);
  });

  it('adds the kubernetes finalizer on create, owned by no one, and keeps spec.finalizers on updates', async () => {
    const { request } = await createTestApi();
    const created = (await request('POST', NAMESPACES, namespace('foo'))).body;
    expect(created.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(created.metadata.managedFields[0].fieldsV1).toEqual({
      'f:metadata': { 'f:labels': { '.': {}, 'f:kubernetes.io/metadata.name': {} } },
    });
    const own = (await request('POST', NAMESPACES, namespace('bar', { finalizers: ['example.com/x'] }))).body;
    expect(own.spec).toEqual({ finalizers: ['example.com/x', 'kubernetes'] });
    const updated = await request('PUT', `${NAMESPACES}/foo`, namespace('foo', { finalizers: [] }));
    expect(updated.body.spec).toEqual({ finalizers: ['kubernetes'] });
  });
});

describe('EndpointSlice generation (pkg/registry/discovery/endpointslice)', () => {
  const slice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-abcde', labels: { app: 'web' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.244.0.5'] }],
  };

  it('starts at 1 and moves on when more than metadata changes, or the labels do', async () => {
    const { request } = await createTestApi();
    const created = (await request('POST', SLICES, slice)).body;
    expect(created.metadata.generation).toBe(1);
    const patch = (body: object) => request('PATCH', `${SLICES}/web-abcde`, body, MERGE);
    expect((await patch({ metadata: { annotations: { note: 'x' } } })).body.metadata.generation).toBe(1);
    expect((await patch({ metadata: { labels: { app: 'api' } } })).body.metadata.generation).toBe(2);
    expect((await patch({ endpoints: [{ addresses: ['10.244.0.6'] }] })).body.metadata.generation).toBe(3);
    expect((await patch({ ports: [{ name: 'http', port: 80, protocol: 'TCP' }] })).body.metadata.generation).toBe(4);
    const unchanged = await request('PUT', `${SLICES}/web-abcde`, (await request('GET', `${SLICES}/web-abcde`)).body);
    expect(unchanged.body.metadata.generation).toBe(4);
  });
});

describe('DaemonSet template generation (pkg/registry/apps/daemonset, pkg/apis/apps/v1 conversion)', () => {
  const daemonset = (annotations?: Record<string, string>, name = 'agent') => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, annotations },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'busybox' }] } },
    },
  });

  it('sets the annotation to 1 on create, owned by the creator', async () => {
    const { request } = await createTestApi();
    const created = (await request('POST', `${DAEMONSETS}?fieldManager=kubectl-create`, daemonset())).body;
    expect(created.metadata.annotations).toEqual({ [TEMPLATE_GENERATION]: '1' });
    expect(created.metadata.generation).toBe(1);
    expect(created.metadata.managedFields[0].fieldsV1['f:metadata']).toEqual({
      'f:annotations': { '.': {}, [`f:${TEMPLATE_GENERATION}`]: {} },
    });
  });

  it('takes a template generation from the annotation on create, at least 1, and refuses one it cannot parse', async () => {
    const { request } = await createTestApi();
    const annotation = (value: string, name: string) =>
      request('POST', DAEMONSETS, daemonset({ [TEMPLATE_GENERATION]: value }, name));
    expect((await annotation('+07', 'a')).body.metadata.annotations[TEMPLATE_GENERATION]).toBe('7');
    expect((await annotation('-3', 'b')).body.metadata.annotations[TEMPLATE_GENERATION]).toBe('1');
    const bad = await annotation('two', 'c');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      reason: 'BadRequest',
      message:
        'DaemonSet in version "v1" cannot be handled as a DaemonSet: strconv.ParseInt: parsing "two": invalid syntax',
    });
    expect((await annotation('9223372036854775808', 'd')).body.message).toBe(
      'DaemonSet in version "v1" cannot be handled as a DaemonSet: strconv.ParseInt: parsing "9223372036854775808": value out of range',
    );
  });

  it('moves the annotation on with each template change only, whatever an update or status write sends', async () => {
    const { request } = await createTestApi();
    await request('POST', DAEMONSETS, daemonset());
    const patch = (body: object) => request('PATCH', `${DAEMONSETS}/agent`, body, MERGE);
    const strategy = (await patch({ spec: { minReadySeconds: 5 } })).body.metadata;
    expect([strategy.generation, strategy.annotations[TEMPLATE_GENERATION]]).toEqual([2, '1']);
    const image = { spec: { template: { spec: { containers: [{ name: 'agent', image: 'busybox:1.36' }] } } } };
    const rolled = (await patch(image)).body.metadata;
    expect([rolled.generation, rolled.annotations[TEMPLATE_GENERATION]]).toEqual([3, '2']);
    const sent = (await patch({ metadata: { annotations: { [TEMPLATE_GENERATION]: '9' } } })).body.metadata;
    expect([sent.generation, sent.annotations[TEMPLATE_GENERATION]]).toEqual([3, '2']);
    const current = (await request('GET', `${DAEMONSETS}/agent`)).body;
    const status = { ...current, metadata: { ...current.metadata, annotations: {} }, status: { numberReady: 0 } };
    const written = await request('PUT', `${DAEMONSETS}/agent/status`, status);
    expect(written.body.metadata.annotations).toEqual({ [TEMPLATE_GENERATION]: '2' });
  });
});

describe('HorizontalPodAutoscaler defaults (pkg/apis/autoscaling/v2/defaults.go)', () => {
  const hpa = (spec: object = {}) => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: 'web' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, ...spec },
  });

  it('defaults minReplicas and an 80% CPU metric, starts with the zero status and no generation', async () => {
    const { request } = await createTestApi();
    const created = await request('POST', HPAS, hpa());
    expect(created.status).toBe(201);
    expect(created.body.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      minReplicas: 1,
      maxReplicas: 5,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } },
      ],
    });
    expect(created.body.status).toEqual({ desiredReplicas: 0, currentMetrics: null });
    expect(created.body.metadata).not.toHaveProperty('generation');
    expect((await request('GET', `${HPAS}/web`)).body).toEqual(created.body);
  });

  it('keeps the metrics and minReplicas it is given', async () => {
    const { request } = await createTestApi();
    const memory = {
      type: 'Resource',
      resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '200Mi' } },
    };
    const created = (await request('POST', HPAS, hpa({ minReplicas: 2, metrics: [memory] }))).body;
    expect(created.spec.minReplicas).toBe(2);
    expect(created.spec.metrics).toEqual([memory]);
  });

  it('fills in the rules of a behavior that is there, and drops tolerances (HPAConfigurableTolerance is off)', async () => {
    const { request } = await createTestApi();
    const behavior = { scaleDown: { stabilizationWindowSeconds: 60, tolerance: '0.05' } };
    const created = (await request('POST', HPAS, hpa({ behavior }))).body;
    expect(created.spec.behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: {
        stabilizationWindowSeconds: 60,
        selectPolicy: 'Max',
        policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
      },
    });
    const empty = await request('PATCH', `${HPAS}/web`, { spec: { behavior: { scaleUp: null } } }, MERGE);
    expect(empty.body.spec.behavior.scaleUp.policies).toHaveLength(2);
    const none = (await request('POST', HPAS, { ...hpa(), metadata: { name: 'plain' } })).body;
    expect(none.spec).not.toHaveProperty('behavior');
  });
});
