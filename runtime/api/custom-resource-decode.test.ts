import { describe, expect, it } from 'vitest';
import { createTestApi, widgetDefinition, type TestApi } from '../../tests/api';

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const WIDGETS = '/apis/example.com/v1/namespaces/default/widgets';

type Json = Record<string, any>;

/** A cluster with widgets.example.com, its spec schema given. */
async function cluster(spec: Json): Promise<TestApi> {
  const api = await createTestApi();
  const created = await api.request('POST', CRDS, widgetDefinition({ type: 'object', properties: { spec } }));
  expect(created.status).toBe(201);
  return api;
}

const widget = (spec: unknown): Json => ({
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: { name: 'w' },
  spec,
});

/** Changes the stored definition's spec schema. */
async function changeSchema({ request }: TestApi, edit: (spec: Json) => void): Promise<void> {
  const crd = (await request('GET', `${CRDS}/widgets.example.com`)).body;
  edit(crd.spec.versions[0].schema.openAPIV3Schema.properties.spec);
  expect((await request('PUT', `${CRDS}/widgets.example.com`, crd)).status).toBe(200);
}

describe('custom resources are decoded as the apiextensions-apiserver decodes them', () => {
  it('defaults missing fields, defaults inside defaults, and non-nullable nulls', async () => {
    const { request } = await cluster({
      type: 'object',
      properties: {
        replicas: { type: 'integer', default: 1 },
        strategy: {
          type: 'object',
          default: {},
          properties: { type: { type: 'string', default: 'Rolling' }, maxSurge: { type: 'integer', default: 25 } },
        },
        ports: {
          type: 'array',
          items: { type: 'object', properties: { protocol: { type: 'string', default: 'TCP' } } },
        },
        env: { type: 'object', additionalProperties: { type: 'string', default: 'unset' } },
      },
    });
    const { body } = await request('POST', WIDGETS, widget({ replicas: null, ports: [{}], env: { A: null } }));
    expect(body.spec).toEqual({
      replicas: 1,
      strategy: { type: 'Rolling', maxSurge: 25 },
      ports: [{ protocol: 'TCP' }],
      env: { A: 'unset' },
    });
  });

  it('prunes unknown fields even when field validation is off, but keeps x-kubernetes-preserve-unknown-fields parts', async () => {
    const { request } = await cluster({
      type: 'object',
      properties: {
        size: { type: 'integer' },
        config: {
          type: 'object',
          'x-kubernetes-preserve-unknown-fields': true,
          properties: { known: { type: 'object' } },
        },
        empty: { type: 'object' },
      },
    });
    const spec = { size: 1, bogus: true, config: { anything: { deep: 1 }, known: { pruned: 1 } }, empty: { gone: 1 } };
    const { body } = await request('POST', `${WIDGETS}?fieldValidation=Ignore`, widget(spec));
    expect(body.spec).toEqual({ size: 1, config: { anything: { deep: 1 }, known: {} }, empty: {} });
  });

  it('names what pruning drops in warnings, and refuses it under strict field validation', async () => {
    const { request } = await cluster({
      type: 'object',
      properties: { size: { type: 'integer' }, empty: { type: 'object' } },
    });
    const warned = await request('POST', WIDGETS, widget({ size: 1, empty: { gone: 1 } }));
    expect(warned.response.headers.warning).toBe('299 - "unknown field \\"spec.empty.gone\\""');
    const strict = await request('POST', `${WIDGETS}?fieldValidation=Strict`, {
      ...widget({ size: 1, bogus: 1 }),
      metadata: { name: 'x' },
    });
    expect(strict.body.message).toBe(
      'Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.bogus"',
    );
  });

  it('applies a default added to the schema later when the object is read', async () => {
    const api = await cluster({ type: 'object', properties: { size: { type: 'integer' } } });
    await api.request('POST', WIDGETS, widget({ size: 1 }));
    await changeSchema(api, (spec) => (spec.properties.mode = { type: 'string', default: 'fast' }));
    expect((await api.request('GET', `${WIDGETS}/w`)).body.spec).toEqual({ size: 1, mode: 'fast' });
    expect((await api.request('GET', WIDGETS)).body.items[0].spec).toEqual({ size: 1, mode: 'fast' });
  });

  it('drops a field the schema no longer has when the object is read', async () => {
    const api = await cluster({ type: 'object', properties: { size: { type: 'integer' }, color: { type: 'string' } } });
    await api.request('POST', WIDGETS, widget({ size: 1, color: 'red' }));
    await changeSchema(api, (spec) => delete spec.properties.color);
    expect((await api.request('GET', `${WIDGETS}/w`)).body.spec).toEqual({ size: 1 });
  });
});
