import { describe, expect, it } from 'vitest';
import { createTestApi, podManifest } from '../../../tests/api';

const PODS = '/api/v1/namespaces/default/pods';
const DEPLOYS = '/apis/apps/v1/namespaces/default/deployments';

const accounts = (spec: { serviceAccount?: string; serviceAccountName?: string }) => [
  spec.serviceAccountName,
  spec.serviceAccount,
];

describe('serviceAccount, the deprecated alias of serviceAccountName (core/v1 conversion)', () => {
  it('is written back as the name on pods, and read as the name when only it is given', async () => {
    const { request } = await createTestApi();
    await request('POST', '/api/v1/namespaces/default/serviceaccounts', {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'builder' },
    });
    const created = async (name: string, spec: Record<string, unknown>) =>
      accounts((await request('POST', PODS, podManifest(name, { spec }))).body.spec);
    expect(await created('plain', {})).toEqual(['default', 'default']);
    expect(await created('old', { serviceAccount: 'builder' })).toEqual(['builder', 'builder']);
    expect(await created('both', { serviceAccountName: 'builder', serviceAccount: 'default' })).toEqual([
      'builder',
      'builder',
    ]);
  });

  it('shows in pod templates that name an account, and not in those that do not', async () => {
    const { request } = await createTestApi();
    const deployment = (name: string, spec: Record<string, unknown>) => ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'nginx' }], ...spec } },
      },
    });
    const template = async (name: string, spec: Record<string, unknown>) =>
      accounts((await request('POST', DEPLOYS, deployment(name, spec))).body.spec.template.spec);
    expect(await template('named', { serviceAccountName: 'coredns' })).toEqual(['coredns', 'coredns']);
    expect(await template('aliased', { serviceAccount: 'coredns' })).toEqual(['coredns', 'coredns']);
    expect(await template('none', {})).toEqual([undefined, undefined]);
  });
});
