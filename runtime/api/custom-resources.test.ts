import { describe, expect, it } from 'vitest';
import { createTestApi, TABLE_ACCEPT } from '../../tests/api';

const crd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'crontabs.stable.example.com' },
  spec: {
    group: 'stable.example.com',
    scope: 'Namespaced',
    names: { plural: 'crontabs', singular: 'crontab', kind: 'CronTab', shortNames: ['ct'] },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
        subresources: { status: {} },
        additionalPrinterColumns: [
          { name: 'Spec', type: 'string', jsonPath: '.spec.cronSpec' },
          { name: 'Replicas', type: 'integer', jsonPath: '.spec.replicas' },
          { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp' },
        ],
      },
    ],
  },
};

describe('custom resources', () => {
  it('a CRD is established and makes its resource served, in discovery and for CRUD', async () => {
    const { request, clock } = await createTestApi();
    const created = (await request('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd)).body;
    expect(created.status.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`)).toEqual([
      'NamesAccepted=True',
      'Established=True',
    ]);
    const discovery = (await request('GET', '/apis/stable.example.com/v1')).body;
    expect(discovery.resources[0]).toMatchObject({
      name: 'crontabs',
      singularName: 'crontab',
      kind: 'CronTab',
      shortNames: ['ct'],
    });
    expect((await request('GET', '/apis')).body.groups.map((g: { name: string }) => g.name)).toContain(
      'stable.example.com',
    );
    const path = '/apis/stable.example.com/v1/namespaces/default/crontabs';
    const cr = {
      apiVersion: 'stable.example.com/v1',
      kind: 'CronTab',
      metadata: { name: 'tick' },
      spec: { cronSpec: '* * * * */5', replicas: 2 },
    };
    expect((await request('POST', path, cr)).status).toBe(201);
    clock.advance(90_000);
    const table = (await request('GET', path, undefined, { accept: TABLE_ACCEPT })).body;
    expect(table.columnDefinitions.map((c: { name: string }) => c.name)).toEqual(['Name', 'Spec', 'Replicas', 'Age']);
    expect(table.rows[0].cells).toEqual(['tick', '* * * * */5', 2, '90s']);
    expect((await request('GET', `${path}/tick`)).body.spec.replicas).toBe(2);
  });

  it('stops serving the resource when the CRD is deleted', async () => {
    const { request } = await createTestApi();
    await request('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', crd);
    await request('DELETE', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/crontabs.stable.example.com');
    expect((await request('GET', '/apis/stable.example.com/v1/namespaces/default/crontabs')).status).toBe(404);
  });
});

describe('custom resources with a structural schema', () => {
  it('drop unknown fields, warning about them, or refuse them under strict validation', async () => {
    const { request } = await createTestApi();
    const structural = structuredClone(crd);
    structural.spec.versions[0].schema = {
      openAPIV3Schema: {
        type: 'object',
        properties: {
          spec: { type: 'object', properties: { cronSpec: { type: 'string' }, replicas: { type: 'integer' } } },
        },
      },
    } as never;
    await request('POST', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions', structural);
    const path = '/apis/stable.example.com/v1/namespaces/default/crontabs';
    const cr = {
      apiVersion: 'stable.example.com/v1',
      kind: 'CronTab',
      metadata: { name: 'tick', labels: { a: 'b' } },
      spec: { cronSpec: '* * * * *', bogus: 1 },
    };
    expect((await request('POST', `${path}?fieldValidation=Strict`, cr)).body).toMatchObject({
      code: 400,
      message:
        'CronTab in version "v1" cannot be handled as a CronTab: strict decoding error: unknown field "spec.bogus"',
    });
    const warned = await request('POST', path, cr);
    expect(warned.response.headers.warning).toBe('299 - "unknown field \\"spec.bogus\\""');
    expect(warned.body.spec).toEqual({ cronSpec: '* * * * *' });
    expect(warned.body.metadata.labels).toEqual({ a: 'b' });
  });
});
