import { describe, expect, it } from 'vitest';
import { createTestApi, widgetDefinition } from '../../tests/api';

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const INVALID = 'CustomResourceDefinition.apiextensions.k8s.io "widgets.example.com" is invalid: ';

type Json = Record<string, any>;

/** A valid definition of widgets.example.com, changed by `edit`. */
function widgets(edit: (crd: Json) => void = () => {}): Json {
  const crd = widgetDefinition(
    { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } },
    {},
    { shortNames: ['wd'] },
  );
  edit(crd);
  return crd;
}

const schemaOf = (crd: Json): Json => crd.spec.versions[0].schema.openAPIV3Schema;

describe('CustomResourceDefinition validation', () => {
  it.each<[string, (crd: Json) => void, string]>([
    [
      'the name is the plural and the group',
      (crd) => (crd.metadata.name = 'foo'),
      'CustomResourceDefinition.apiextensions.k8s.io "foo" is invalid: metadata.name: Invalid value: "foo": must be spec.names.plural+"."+spec.group',
    ],
    [
      'the group is a domain with a dot',
      (crd) => {
        crd.metadata.name = 'widgets.example';
        crd.spec.group = 'example';
      },
      'CustomResourceDefinition.apiextensions.k8s.io "widgets.example" is invalid: spec.group: Invalid value: "example": should be a domain with at least one dot',
    ],
    [
      'the scope is Cluster or Namespaced',
      (crd) => (crd.spec.scope = 'Global'),
      `${INVALID}spec.scope: Unsupported value: "Global": supported values: "Cluster", "Namespaced"`,
    ],
    ['the scope is required', (crd) => delete crd.spec.scope, `${INVALID}spec.scope: Required value`],
    [
      'names are DNS-1035 labels; kind may have mixed case',
      (crd) => (crd.spec.names = { plural: 'widgets', kind: 'Wid_get', shortNames: ['W'], categories: ['all'] }),
      `${INVALID}[spec.names.singular: Invalid value: "wid_get": ${DNS1035}, spec.names.kind: Invalid value: "Wid_get": may have mixed case, but should otherwise match: ${DNS1035}, spec.names.listKind: Invalid value: "Wid_getList": may have mixed case, but should otherwise match: ${DNS1035}, spec.names.shortNames[0]: Invalid value: "W": ${DNS1035}]`,
    ],
    [
      'kind is required (and so singular and listKind, defaulted from it)',
      (crd) => (crd.spec.names = { plural: 'widgets' }),
      `${INVALID}[spec.names.singular: Required value, spec.names.kind: Required value, spec.names.listKind: Required value]`,
    ],
    [
      'kind and listKind differ',
      (crd) => (crd.spec.names.listKind = 'Widget'),
      `${INVALID}spec.names.listKind: Invalid value: "Widget": kind and listKind may not be the same`,
    ],
    [
      'version names are DNS-1035 labels (the first is also spec.version inside)',
      (crd) => (crd.spec.versions[0].name = 'V1'),
      `${INVALID}[spec.versions[0].name: Invalid value: "V1": ${DNS1035}, spec.version: Invalid value: "V1": ${DNS1035}]`,
    ],
    [
      'exactly one version is the storage version',
      (crd) => (crd.spec.versions[0].storage = false),
      `${INVALID}[spec.versions: Invalid value: [{"Name":"v1","Served":true,"Storage":false,"Deprecated":false,"DeprecationWarning":null,"Schema":null,"Subresources":null,"AdditionalPrinterColumns":null,"SelectableFields":null}]: must have exactly one version marked as storage version, status.storedVersions: Invalid value: null: must have at least one stored version]`,
    ],
    [
      'version names are unique',
      (crd) => crd.spec.versions.push({ ...crd.spec.versions[0], storage: false }),
      `${INVALID}spec.versions: Invalid value: [{"Name":"v1","Served":true,"Storage":true,"Deprecated":false,"DeprecationWarning":null,"Schema":null,"Subresources":null,"AdditionalPrinterColumns":null,"SelectableFields":null},{"Name":"v1","Served":true,"Storage":false,"Deprecated":false,"DeprecationWarning":null,"Schema":null,"Subresources":null,"AdditionalPrinterColumns":null,"SelectableFields":null}]: must contain unique version names`,
    ],
    [
      'every version has a schema',
      (crd) => delete crd.spec.versions[0].schema,
      `${INVALID}spec.versions[0].schema.openAPIV3Schema: Required value`,
    ],
    [
      'a schema shared by every version is checked as spec.validation: a type at every level',
      (crd) => delete schemaOf(crd).properties.spec.type,
      `${INVALID}spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields`,
    ],
    [
      'types are OpenAPI v3 types',
      (crd) => (schemaOf(crd).properties.spec.properties.size.type = 'int'),
      `${INVALID}spec.validation.openAPIV3Schema.properties[spec].properties[size].type: Unsupported value: "int": supported values: "array", "boolean", "integer", "number", "object", "string"`,
    ],
    [
      'the root is an object',
      (crd) => (schemaOf(crd).type = 'string'),
      `${INVALID}spec.validation.openAPIV3Schema.type: Invalid value: "string": must be object at the root`,
    ],
    [
      'arrays have items',
      (crd) => (schemaOf(crd).properties.spec.properties.tags = { type: 'array' }),
      `${INVALID}spec.validation.openAPIV3Schema.properties[spec].properties[tags].items: Required value: must be specified`,
    ],
    [
      'x-kubernetes-preserve-unknown-fields is true or absent',
      (crd) => (schemaOf(crd).properties.spec['x-kubernetes-preserve-unknown-fields'] = false),
      `${INVALID}spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-preserve-unknown-fields: Invalid value: false: must be true or undefined`,
    ],
    [
      'properties and additionalProperties exclude each other',
      (crd) => (schemaOf(crd).properties.spec.additionalProperties = { type: 'string' }),
      `${INVALID}spec.validation.openAPIV3Schema.properties[spec].additionalProperties: Forbidden: additionalProperties and properties are mutual exclusive`,
    ],
    [
      'defaults validate against their schema',
      (crd) => (schemaOf(crd).properties.spec.properties.size.default = 'big'),
      `${INVALID}spec.validation.openAPIV3Schema.properties[spec].properties[size].default: Invalid value: "string":  in body must be of type integer: "string"`,
    ],
    [
      'defaults have no pruned fields',
      (crd) => (schemaOf(crd).properties.spec.default = { size: 1, colour: 'red' }),
      `${INVALID}spec.validation.openAPIV3Schema.properties[spec].default: Invalid value: {"colour":"red","size":1}: must not have unknown fields`,
    ],
    [
      'metadata has no defaults',
      (crd) => (schemaOf(crd).properties.metadata = { type: 'object', default: { name: 'x' } }),
      `${INVALID}spec.validation.openAPIV3Schema.properties[metadata].default: Forbidden: must not be set in top-level metadata`,
    ],
    [
      'list-type map lists have keys',
      (crd) =>
        (schemaOf(crd).properties.spec.properties.ports = {
          type: 'array',
          'x-kubernetes-list-type': 'map',
          items: { type: 'object' },
        }),
      `${INVALID}spec.validation.openAPIV3Schema.properties[spec].properties[ports].x-kubernetes-list-map-keys: Required value: must not be empty if x-kubernetes-list-type is map`,
    ],
    [
      'printer columns have a name, a known type and a JSONPath',
      (crd) => (crd.spec.versions[0].additionalPrinterColumns = [{ type: 'text', format: 'short' }]),
      `${INVALID}[spec.additionalPrinterColumns[0].name: Required value, spec.additionalPrinterColumns[0].type: Invalid value: "text": must be one of boolean,date,integer,number,string, spec.additionalPrinterColumns[0].format: Invalid value: "short": must be one of byte,date,date-time,double,float,int32,int64,password, spec.additionalPrinterColumns[0].JSONPath: Required value]`,
    ],
    [
      'scale paths point into spec and status',
      (crd) => (crd.spec.versions[0].subresources = { scale: { specReplicasPath: '.status.replicas' } }),
      `${INVALID}[spec.subresources.scale.specReplicasPath: Invalid value: ".status.replicas": should be a json path under .spec, spec.subresources.scale.statusReplicasPath: Required value]`,
    ],
    [
      'groups under k8s.io need API approval',
      (crd) => {
        crd.metadata.name = 'widgets.x.k8s.io';
        crd.spec.group = 'x.k8s.io';
      },
      'CustomResourceDefinition.apiextensions.k8s.io "widgets.x.k8s.io" is invalid: metadata.annotations[api-approved.kubernetes.io]: Required value: protected groups must have approval annotation "api-approved.kubernetes.io", see https://github.com/kubernetes/enhancements/pull/1111',
    ],
  ])('%s', async (_name, edit, message) => {
    const { request } = await createTestApi();
    const { status, body } = await request('POST', CRDS, widgets(edit));
    expect({ status, message: body.message }).toEqual({ status: 422, message });
  });

  it('reports per-version schemas under their version when the versions differ', async () => {
    const { request } = await createTestApi();
    const crd = widgets((c) => {
      const v2 = structuredClone(c.spec.versions[0]);
      v2.name = 'v2';
      v2.storage = false;
      delete v2.schema.openAPIV3Schema.properties.spec.type;
      c.spec.versions.push(v2);
    });
    expect((await request('POST', CRDS, crd)).body.message).toBe(
      `${INVALID}spec.versions[1].schema.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields`,
    );
  });

  it('fills in the names, the conversion and the status a new definition gets', async () => {
    const { request } = await createTestApi();
    const { status, body } = await request('POST', CRDS, widgets());
    expect(status).toBe(201);
    expect(body.spec.names).toEqual({
      plural: 'widgets',
      singular: 'widget',
      kind: 'Widget',
      listKind: 'WidgetList',
      shortNames: ['wd'],
    });
    expect(body.spec.conversion).toEqual({ strategy: 'None' });
    expect(body.status).toEqual({
      conditions: [
        {
          type: 'NamesAccepted',
          status: 'True',
          lastTransitionTime: '2026-01-01T00:00:00Z',
          reason: 'NoConflicts',
          message: 'no conflicts found',
        },
        {
          type: 'Established',
          status: 'True',
          lastTransitionTime: '2026-01-01T00:00:00Z',
          reason: 'InitialNamesAccepted',
          message: 'the initial names have been accepted',
        },
      ],
      acceptedNames: {
        plural: 'widgets',
        singular: 'widget',
        shortNames: ['wd'],
        kind: 'Widget',
        listKind: 'WidgetList',
      },
      storedVersions: ['v1'],
    });
  });

  it('keeps the scope, kind, group and plural of an established definition', async () => {
    const { request } = await createTestApi();
    const created = (await request('POST', CRDS, widgets())).body;
    const changed = structuredClone(created);
    changed.spec.scope = 'Cluster';
    changed.spec.names.kind = 'Gadget';
    changed.spec.names.listKind = 'GadgetList';
    changed.spec.group = 'other.example.com';
    const { status, body } = await request('PUT', `${CRDS}/widgets.example.com`, changed);
    expect({ status, message: body.message }).toEqual({
      status: 422,
      message: `${INVALID}[spec.scope: Invalid value: "Cluster": field is immutable, spec.names.kind: Invalid value: "Gadget": field is immutable, spec.group: Invalid value: "other.example.com": field is immutable]`,
    });
  });
});
