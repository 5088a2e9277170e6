import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../../tests/api';

const DEPLOYS = '/apis/apps/v1/namespaces/default/deployments';
const deployment = (spec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: {
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
    ...spec,
  },
});

describe('workloads', () => {
  it('default their pod template as the API server does', async () => {
    const { request } = await createTestApi();
    const created = (await request('POST', DEPLOYS, deployment())).body;
    expect(created.spec.template.spec).toEqual({
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.27',
          imagePullPolicy: 'IfNotPresent',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
  });

  it('refuse a selector that does not select the template, with the real texts', async () => {
    const { request } = await createTestApi();
    const mismatch = await request('POST', DEPLOYS, deployment({ selector: { matchLabels: { app: 'other' } } }));
    expect(mismatch.body.message).toBe(
      'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    );
    const missing = await request('POST', DEPLOYS, deployment({ selector: undefined }));
    expect(
      missing.body.details.causes.map((c: { field: string; message: string }) => `${c.field}: ${c.message}`),
    ).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('keep their selector immutable', async () => {
    const { request } = await createTestApi();
    const created = (await request('POST', DEPLOYS, deployment())).body;
    const changed = {
      ...created,
      spec: {
        ...created.spec,
        selector: { matchLabels: { app: 'nginx2' } },
        template: { ...created.spec.template, metadata: { labels: { app: 'nginx2' } } },
      },
    };
    expect((await request('PUT', `${DEPLOYS}/web`, changed)).body.message).toBe(
      'Deployment.apps "web" is invalid: spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"nginx2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });
});
