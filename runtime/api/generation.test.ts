import { describe, expect, it } from 'vitest';
import { createTestApi, podManifest } from '../../tests/api';

const MERGE = { 'content-type': 'application/merge-patch+json' };
const STRATEGIC = { 'content-type': 'application/strategic-merge-patch+json' };
const CONFIGMAPS = '/api/v1/namespaces/default/configmaps';
const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments';
const PODS = '/api/v1/namespaces/default/pods';

const configMap = (name: string, generation?: number) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, generation },
  data: { a: '1' },
});

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', generation: 7 },
  spec: {
    replicas: 1,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
  },
};

const generationOf = (response: { body: { metadata: { generation?: number } } }) => response.body.metadata.generation;

describe('metadata.generation, as each registry strategy keeps it', () => {
  it('is absent from kinds whose strategy keeps none; a create keeps the body’s, an update the stored one', async () => {
    const { request } = await createTestApi();
    const plain = await request('POST', CONFIGMAPS, configMap('plain'));
    expect(plain.body.metadata).not.toHaveProperty('generation');
    const patched = await request('PATCH', `${CONFIGMAPS}/plain`, { data: { a: '2' } }, MERGE);
    expect(patched.body.metadata).not.toHaveProperty('generation');
    const ns = await request('POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'x' },
    });
    expect(ns.body.metadata).not.toHaveProperty('generation');
    expect(generationOf(await request('POST', CONFIGMAPS, configMap('kept', 5)))).toBe(5);
    const put = await request('PUT', `${CONFIGMAPS}/kept`, { ...configMap('kept', 9), data: { a: '3' } });
    expect(generationOf(put)).toBe(5);
    const negative = await request('POST', CONFIGMAPS, configMap('negative', -1));
    expect(negative.body.message).toBe(
      'ConfigMap "negative" is invalid: metadata.generation: Invalid value: -1: must be greater than or equal to 0',
    );
  });

  it('starts a Deployment at 1 and moves it on for spec and annotation changes, not labels or status', async () => {
    const { request } = await createTestApi();
    expect(generationOf(await request('POST', DEPLOYMENTS, deployment))).toBe(1);
    const patch = (body: object) => request('PATCH', `${DEPLOYMENTS}/web`, body, MERGE);
    expect(generationOf(await patch({ metadata: { labels: { tier: 'front' } } }))).toBe(1);
    expect(generationOf(await patch({ metadata: { annotations: { note: 'x' } } }))).toBe(2);
    expect(generationOf(await patch({ spec: { replicas: 2 } }))).toBe(3);
    const status = await request('PATCH', `${DEPLOYMENTS}/web/status`, { status: { replicas: 2 } }, MERGE);
    expect(generationOf(status)).toBe(3);
    await request('PATCH', `${DEPLOYMENTS}/web/scale`, { spec: { replicas: 3 } }, MERGE);
    expect(generationOf(await request('GET', `${DEPLOYMENTS}/web`))).toBe(4);
  });

  it('moves a PodTemplate on when its template changes', async () => {
    const { request } = await createTestApi();
    const path = '/api/v1/namespaces/default/podtemplates';
    const template = { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const created = await request('POST', path, {
      apiVersion: 'v1',
      kind: 'PodTemplate',
      metadata: { name: 't' },
      template,
    });
    expect(generationOf(created)).toBe(1);
    expect(generationOf(await request('PATCH', `${path}/t`, { metadata: { labels: { x: 'y' } } }, MERGE))).toBe(1);
    const changed = await request('PATCH', `${path}/t`, { template: { metadata: { labels: { app: 'b' } } } }, MERGE);
    expect(generationOf(changed)).toBe(2);
  });

  it('keeps a pod at 1 through its binding, and moves it on for spec changes and a graceful delete', async () => {
    const { request } = await createTestApi();
    expect(generationOf(await request('POST', PODS, podManifest('p')))).toBe(1);
    const binding = {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name: 'p' },
      target: { kind: 'Node', name: 'n1' },
    };
    expect((await request('POST', `${PODS}/p/binding`, binding)).status).toBe(201);
    expect(generationOf(await request('GET', `${PODS}/p`))).toBe(1);
    const image = { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } };
    expect(generationOf(await request('PATCH', `${PODS}/p`, image, STRATEGIC))).toBe(2);
    const deleting = await request('DELETE', `${PODS}/p`);
    expect([deleting.body.metadata.deletionGracePeriodSeconds, generationOf(deleting)]).toEqual([30, 3]);
  });

  it('moves one on when a finalizer keeps a deleted object', async () => {
    const { request } = await createTestApi();
    await request('POST', DEPLOYMENTS, deployment);
    const deleting = await request('DELETE', `${DEPLOYMENTS}/web`, { propagationPolicy: 'Foreground' });
    expect(generationOf(deleting)).toBe(2);
    expect(generationOf(await request('DELETE', `${DEPLOYMENTS}/web`))).toBe(2);
    await request('POST', CONFIGMAPS, { ...configMap('held'), metadata: { name: 'held', finalizers: ['x.io/y'] } });
    expect((await request('DELETE', `${CONFIGMAPS}/held`)).body.metadata).not.toHaveProperty('generation');
  });

  it('gives every custom resource one, moved on by any change but metadata (and status behind its subresource)', async () => {
    const { request } = await createTestApi();
    const crd = (plural: string, kind: string, status: boolean) => ({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${plural}.example.com` },
      spec: {
        group: 'example.com',
        scope: 'Namespaced',
        names: { plural, singular: kind.toLowerCase(), kind },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            schema: { openAPIV3Schema: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true } },
            ...(status ? { subresources: { status: {} } } : {}),
          },
        ],
      },
    });
    const definitions = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
    expect(generationOf(await request('POST', definitions, crd('widgets', 'Widget', true)))).toBe(1);
    await request('POST', definitions, crd('gadgets', 'Gadget', false));
    for (const [plural, kind, bumps] of [
      ['widgets', 'Widget', 1],
      ['gadgets', 'Gadget', 2],
    ] as const) {
      const path = `/apis/example.com/v1/namespaces/default/${plural}`;
      const created = await request('POST', path, { apiVersion: 'example.com/v1', kind, metadata: { name: 'w' } });
      expect(generationOf(created)).toBe(1);
      const patch = (body: object) => request('PATCH', `${path}/w`, body, MERGE);
      expect(generationOf(await patch({ metadata: { labels: { a: 'b' } } }))).toBe(1);
      expect(generationOf(await patch({ data: { size: 1 } }))).toBe(2);
      expect(generationOf(await patch({ status: { ready: true } }))).toBe(bumps + 1);
    }
  });
});
