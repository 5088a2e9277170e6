import { describe, expect, it } from 'vitest';
import { componentSchemas, openApiDocument, openApiRoot, schemaName } from '../openapi';
import { ResourceRegistry } from '../registry';
import { unknownFields, type OpenApiSchemas } from './field-validation';

const schemas = await componentSchemas();

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: {
    name: 'web',
    namespace: 'default',
    labels: { app: 'web' },
    annotations: { 'deployment.kubernetes.io/revision': '1' },
    creationTimestamp: '2024-01-01T00:00:00Z',
    managedFields: [{ manager: 'kubectl', operation: 'Update', fieldsV1: { 'f:spec': { 'f:replicas': {} } } }],
  },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'nginx',
            image: 'nginx:1.27',
            ports: [{ containerPort: 80, protocol: 'TCP' }],
            resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: 0.25 } },
            env: [{ name: 'MODE', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
            readinessProbe: { httpGet: { path: '/', port: 'http' } },
          },
        ],
        volumes: [{ name: 'cache', emptyDir: { sizeLimit: '1Gi' } }],
      },
    },
  },
  status: { replicas: 3, conditions: [{ type: 'Available', status: 'True', lastUpdateTime: '2024-01-01T00:00:00Z' }] },
};

describe('unknownFields', () => {
  it('reports unknown fields with the paths the strict decoder gives them', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', bogus: 1 },
      spec: {
        bogusField: true,
        containers: [
          { name: 'a', image: 'nginx' },
          { name: 'b', imagePullPolicyy: 'Always' },
        ],
      },
    };
    expect(unknownFields(schemas, 'io.k8s.api.core.v1.Pod', pod)).toEqual([
      'metadata.bogus',
      'spec.bogusField',
      'spec.containers[1].imagePullPolicyy',
    ]);
  });

  it('finds nothing in a valid Deployment', () => {
    expect(unknownFields(schemas, 'io.k8s.api.apps.v1.Deployment', deployment)).toEqual([]);
  });

  it('matches field names case-sensitively, as the decoder does', () => {
    expect(unknownFields(schemas, 'io.k8s.api.apps.v1.Deployment', { spec: { Replicas: 1 } })).toEqual([
      'spec.Replicas',
    ]);
  });

  it('lets maps take any key, and checks their values', () => {
    const configMap = { apiVersion: 'v1', kind: 'ConfigMap', data: { 'any.key': 'x', 'game.properties': 'y' } };
    expect(unknownFields(schemas, 'io.k8s.api.core.v1.ConfigMap', configMap)).toEqual([]);
    const quota = { spec: { hard: { 'requests.cpu': '1', pods: 10 } } };
    expect(unknownFields(schemas, 'io.k8s.api.core.v1.ResourceQuota', quota)).toEqual([]);
  });

  it('takes anything in free-form fields (FieldsV1, RawExtension, JSON)', () => {
    const revision = {
      metadata: { managedFields: [{ fieldsV1: { 'f:anything': { '.': {} } } }] },
      data: { spec: { template: { whatever: true } } },
      revision: 1,
    };
    expect(unknownFields(schemas, 'io.k8s.api.apps.v1.ControllerRevision', revision)).toEqual([]);
    const crd = {
      spec: {
        group: 'example.com',
        names: { plural: 'widgets', kind: 'Widget' },
        scope: 'Namespaced',
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: {
                  spec: { type: 'object', default: { size: 1 }, 'x-kubernetes-preserve-unknown-fields': true },
                },
              },
            },
            bogus: 1,
          },
        ],
      },
    };
    expect(
      unknownFields(schemas, 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition', crd),
    ).toEqual(['spec.versions[0].bogus']);
  });

  it('honours x-kubernetes-preserve-unknown-fields and additionalProperties: true', () => {
    const own: OpenApiSchemas = {
      Thing: {
        type: 'object',
        properties: {
          known: { type: 'string' },
          open: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true },
          nested: { allOf: [{ $ref: '#/components/schemas/Nested' }] },
        },
      },
      Nested: { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: true },
    };
    const thing = { known: 'x', open: { anything: { at: 'all' } }, nested: { a: 'y', b: 'z' }, other: 1 };
    expect(unknownFields(own, 'Thing', thing)).toEqual(['other']);
  });

  it('leaves values of the wrong type and nulls to the type checks', () => {
    expect(unknownFields(schemas, 'io.k8s.api.core.v1.Pod', { spec: 'x', metadata: null, status: [1] })).toEqual([]);
  });
});

describe('OpenAPI v3 documents', () => {
  const registry = new ResourceRegistry();

  it('has a schema for every kind served', () => {
    for (const type of registry.resources) expect(schemas[schemaName(type)], schemaName(type)).toBeDefined();
  });

  it('carries the kinds of a group/version and everything they refer to', async () => {
    const document = (await openApiDocument(registry, 'apps', 'v1')) as any;
    const components = document.components.schemas;
    expect(components['io.k8s.api.apps.v1.Deployment']['x-kubernetes-group-version-kind']).toEqual([
      { group: 'apps', kind: 'Deployment', version: 'v1' },
    ]);
    for (const name of [
      'io.k8s.api.core.v1.PodSpec',
      'io.k8s.api.core.v1.Container',
      'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
      'io.k8s.apimachinery.pkg.api.resource.Quantity',
      'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
      'io.k8s.api.autoscaling.v1.Scale',
    ])
      expect(components[name], name).toBeDefined();
    const refs = JSON.stringify(components).match(/#\/components\/schemas\/[^"]+/g) ?? [];
    for (const ref of refs) expect(components[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    const patch = document.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', version: 'v1', kind: 'Deployment' });
    expect(patch.parameters.map((p: any) => p.name)).toContain('fieldValidation');
  });

  it('describes fields as upstream does', async () => {
    const document = (await openApiDocument(registry, '', 'v1')) as any;
    const spec = document.components.schemas['io.k8s.api.core.v1.PodSpec'];
    expect(spec.required).toEqual(['containers']);
    expect(spec.properties.containers).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/io.k8s.api.core.v1.Container' },
    });
    expect(spec.properties.containers.description).toMatch(/^List of containers belonging to the pod\./);
    const time = document.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.Time'];
    expect(time).toMatchObject({ type: 'string', format: 'date-time' });
    expect(document.components.schemas['io.k8s.api.core.v1.Pod'].properties.metadata.allOf).toEqual([
      { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
    ]);
  });

  it('lists each group/version with a hash of its document', async () => {
    const root = (await openApiRoot(registry)) as any;
    expect(root.paths['api/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{64}$/);
    expect(root.paths['apis/apps/v1'].serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=/);
    expect(await openApiDocument(registry, 'nope', 'v1')).toBeUndefined();
  });
});
