import { describe, expect, it } from 'vitest';
import { createTestApi, widgetDefinition, type TestApi } from '../../tests/api';

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const WIDGETS = '/apis/example.com/v1/namespaces/default/widgets';

const SCHEMA = {
  type: 'object',
  properties: {
    spec: {
      type: 'object',
      required: ['size'],
      properties: {
        size: { type: 'integer', minimum: 1, maximum: 10 },
        ratio: {
          type: 'number',
          minimum: 0,
          exclusiveMinimum: true,
          maximum: 1,
          exclusiveMaximum: true,
          multipleOf: 0.25,
        },
        color: { type: 'string', enum: ['red', 'blue'] },
        name: { type: 'string', minLength: 3, maxLength: 8, pattern: '^[a-z]+$' },
        tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3, 'x-kubernetes-list-type': 'set' },
        ports: {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          'x-kubernetes-list-map-keys': ['name'],
          items: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string' }, port: { type: 'integer' } },
          },
        },
        labels: { type: 'object', additionalProperties: { type: 'string' }, minProperties: 1, maxProperties: 2 },
        limits: { type: 'object', additionalProperties: { type: 'integer' } },
        day: { type: 'string', format: 'date' },
        at: { type: 'string', format: 'date-time' },
        address: { type: 'string', format: 'ipv4' },
        big: { type: 'integer', format: 'int32' },
        port: { 'x-kubernetes-int-or-string': true },
        note: { type: 'string', nullable: true },
        mode: { type: 'string', default: 'fast' },
      },
    },
    status: { type: 'object', properties: { ready: { type: 'boolean' } } },
  },
};

/** A cluster with widgets.example.com defined by SCHEMA (status subresource on). */
async function cluster(): Promise<TestApi> {
  const api = await createTestApi();
  const created = await api.request('POST', CRDS, widgetDefinition(SCHEMA, { subresources: { status: {} } }));
  expect(created.status).toBe(201);
  return api;
}

const widget = (spec: unknown, name = 'w'): Record<string, unknown> => ({
  apiVersion: 'example.com/v1',
  kind: 'Widget',
  metadata: { name },
  spec,
});
const invalid = (detail: string): string => `Widget.example.com "w" is invalid: ${detail}`;

describe('custom resources are validated against their schema', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'type',
      { size: 'big' },
      'spec.size: Invalid value: "string": spec.size in body must be of type integer: "string"',
    ],
    ['required', { color: 'red' }, 'spec.size: Required value'],
    ['enum', { size: 1, color: 'green' }, 'spec.color: Unsupported value: "green": supported values: "red", "blue"'],
    ['maximum', { size: 11 }, 'spec.size: Invalid value: 11: spec.size in body should be less than or equal to 10'],
    ['minimum', { size: 0 }, 'spec.size: Invalid value: 0: spec.size in body should be greater than or equal to 1'],
    [
      'exclusiveMaximum',
      { size: 1, ratio: 1.5 },
      'spec.ratio: Invalid value: 1.5: spec.ratio in body should be less than 1',
    ],
    [
      'exclusiveMinimum',
      { size: 1, ratio: -0.5 },
      'spec.ratio: Invalid value: -0.5: spec.ratio in body should be greater than 0',
    ],
    [
      'multipleOf',
      { size: 1, ratio: 0.3 },
      'spec.ratio: Invalid value: 0.3: spec.ratio in body should be a multiple of 0.25',
    ],
    [
      'multipleOf, for an integer, truncated to an integer',
      { size: 1, ratio: 1 },
      '[spec.ratio: Invalid value: 0: factor MultipleOf declared for spec.ratio must be positive: 0, spec.ratio: Invalid value: 1: spec.ratio in body should be less than 1]',
    ],
    [
      'minLength',
      { size: 1, name: 'ab' },
      'spec.name: Invalid value: "ab": spec.name in body should be at least 3 chars long',
    ],
    ['maxLength', { size: 1, name: 'abcdefghij' }, 'spec.name: Too long: may not be more than 8 bytes'],
    ['pattern', { size: 1, name: 'Abc' }, `spec.name: Invalid value: "Abc": spec.name in body should match '^[a-z]+$'`],
    ['minItems', { size: 1, tags: [] }, 'spec.tags: Invalid value: 0: spec.tags in body should have at least 1 items'],
    ['maxItems', { size: 1, tags: ['a', 'b', 'c', 'd'] }, 'spec.tags: Too many: 4: must have at most 3 items'],
    ['list-type set', { size: 1, tags: ['a', 'b', 'a'] }, 'spec.tags[2]: Duplicate value: "a"'],
    [
      'list-type map',
      {
        size: 1,
        ports: [
          { name: 'http', port: 80 },
          { name: 'http', port: 81 },
        ],
      },
      'spec.ports[1]: Duplicate value: {"name":"http"}',
    ],
    ['items', { size: 1, ports: [{ port: 80 }] }, 'spec.ports[0].name: Required value'],
    [
      'minProperties',
      { size: 1, labels: {} },
      'spec.labels: Invalid value: 0: spec.labels in body should have at least 1 properties',
    ],
    [
      'maxProperties',
      { size: 1, labels: { a: 'x', b: 'y', c: 'z' } },
      'spec.labels: Too many: 3: must have at most 2 items',
    ],
    [
      'additionalProperties',
      { size: 1, limits: { cpu: 'two' } },
      'spec.limits.cpu: Invalid value: "string": spec.limits.cpu in body must be of type integer: "string"',
    ],
    [
      'format date',
      { size: 1, day: '2024-02-30' },
      'spec.day: Invalid value: "2024-02-30": spec.day in body must be of type date: "2024-02-30"',
    ],
    [
      'format date-time',
      { size: 1, at: 'yesterday' },
      'spec.at: Invalid value: "yesterday": spec.at in body must be of type date-time: "yesterday"',
    ],
    [
      'format ipv4',
      { size: 1, address: '10.0.0.256' },
      'spec.address: Invalid value: "10.0.0.256": spec.address in body must be of type ipv4: "10.0.0.256"',
    ],
    [
      'x-kubernetes-int-or-string',
      { size: 1, port: true },
      'spec.port: Invalid value: "boolean": spec.port in body must be of type integer,string: "boolean"',
    ],
    [
      'null where not nullable',
      { size: 1, tags: [null] },
      'spec.tags[0]: Invalid value: "null": spec.tags[0] in body must be of type string: "null"',
    ],
    ['a null field that is not nullable is dropped', { size: null }, 'spec.size: Required value'],
  ])('%s', async (_name, spec, detail) => {
    const { request } = await cluster();
    const { status, body } = await request('POST', WIDGETS, widget(spec));
    expect({ status, message: body.message }).toEqual({ status: 422, message: invalid(detail) });
    expect(body.details.causes[0].field).toBe(detail.replace(/^\[/, '').split(':')[0]);
  });

  it('accepts what the schema allows, defaults it, and ignores formats the server does not check', async () => {
    const { request } = await cluster();
    const spec = { size: 10, ratio: 0.75, port: 'http', note: null, big: 99999999999, at: '2024-01-02T03:04:05Z' };
    const { status, body } = await request('POST', WIDGETS, widget(spec));
    expect(status).toBe(201);
    expect(body.spec).toEqual({ ...spec, mode: 'fast' });
  });

  it('gives the type error its reason, and each cause its field', async () => {
    const { request } = await cluster();
    const { body } = await request('POST', WIDGETS, widget({ size: 'big', color: 'green' }));
    expect(body.details.causes).toEqual([
      {
        reason: 'FieldValueTypeInvalid',
        message: 'Invalid value: "string": spec.size in body must be of type integer: "string"',
        field: 'spec.size',
      },
      {
        reason: 'FieldValueNotSupported',
        message: 'Unsupported value: "green": supported values: "red", "blue"',
        field: 'spec.color',
      },
    ]);
  });

  it('checks writes to the status subresource against the status schema', async () => {
    const { request } = await cluster();
    const created = (await request('POST', WIDGETS, widget({ size: 1 }))).body;
    const put = await request('PUT', `${WIDGETS}/w/status`, { ...created, status: { ready: 'yes' } });
    expect({ status: put.status, message: put.body.message }).toEqual({
      status: 422,
      message: invalid('status.ready: Invalid value: "string": ready in body must be of type boolean: "string"'),
    });
    const ok = await request('PUT', `${WIDGETS}/w/status`, { ...created, status: { ready: true } });
    expect(ok.body.status).toEqual({ ready: true });
  });

  it('checks updates, but lets stay what an older schema allowed (ratcheting)', async () => {
    const { request } = await cluster();
    const created = (await request('POST', WIDGETS, widget({ size: 8, color: 'red' }))).body;
    const crd = (await request('GET', `${CRDS}/widgets.example.com`)).body;
    crd.spec.versions[0].schema.openAPIV3Schema.properties.spec.properties.size.maximum = 5;
    expect((await request('PUT', `${CRDS}/widgets.example.com`, crd)).status).toBe(200);
    const recoloured = await request('PUT', `${WIDGETS}/w`, { ...created, spec: { size: 8, color: 'blue' } });
    expect(recoloured.status).toBe(200);
    const grown = await request('PUT', `${WIDGETS}/w`, { ...recoloured.body, spec: { size: 9, color: 'blue' } });
    expect(grown.body.message).toBe(
      invalid('spec.size: Invalid value: 9: spec.size in body should be less than or equal to 5'),
    );
  });
});
