import { describe, expect, it } from 'vitest';
import { controllerTestbed, namespaceManifest } from '../../tests/resourcequota-testbed';
import {
  DEFAULT_SERVICE_ACCOUNT_WORKERS,
  SERVICE_ACCOUNT_CONTROLLER_ACCOUNT,
  ServiceAccountsController,
} from './serviceaccounts';

const saPath = (ns: string, name = 'default') => `/api/v1/namespaces/${ns}/serviceaccounts/${name}`;

async function testbed() {
  return controllerTestbed(
    SERVICE_ACCOUNT_CONTROLLER_ACCOUNT,
    DEFAULT_SERVICE_ACCOUNT_WORKERS,
    (deps) => new ServiceAccountsController(deps),
  );
}

describe('ServiceAccounts controller', () => {
  it('gives every namespace there is a default service account with nothing but its name', async () => {
    const bed = await testbed();
    await bed.wait();
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      const sa = await bed.get(saPath(ns));
      expect(sa, ns).toMatchObject({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: 'default', namespace: ns },
      });
      expect(Object.keys(sa).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
      // It sets no field but its name, so no manager owns anything in it (as on a real cluster).
      expect(sa.metadata.managedFields ?? []).toEqual([]);
    }
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });

  it('creates one in a new namespace, and again when it is deleted', async () => {
    const bed = await testbed();
    await bed.request('POST', '/api/v1/namespaces', namespaceManifest('shop'));
    await bed.wait();
    const first = await bed.get(saPath('shop'));
    expect(first.metadata.name).toBe('default');
    expect((await bed.request('DELETE', saPath('shop'))).status).toBe(200);
    await bed.wait();
    const second = await bed.get(saPath('shop'));
    expect(second.metadata.name).toBe('default');
    expect(second.metadata.uid).not.toBe(first.metadata.uid);
    // Other service accounts are left alone: deleting one brings back nothing but `default`.
    await bed.request('POST', '/api/v1/namespaces/shop/serviceaccounts', { metadata: { name: 'builder' } });
    await bed.request('DELETE', saPath('shop', 'builder'));
    await bed.wait();
    expect(await bed.get(saPath('shop', 'builder'))).toBeUndefined();
    expect((await bed.get(saPath('shop'))).metadata.uid).toBe(second.metadata.uid);
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });

  it('creates nothing in a namespace that is terminating', async () => {
    const bed = await testbed();
    await bed.request('POST', '/api/v1/namespaces', namespaceManifest('doomed'));
    await bed.wait();
    // No namespace controller runs: the namespace stays Terminating, holding its content.
    await bed.request('DELETE', '/api/v1/namespaces/doomed');
    await bed.wait();
    expect((await bed.get('/api/v1/namespaces/doomed')).status.phase).toBe('Terminating');
    await bed.request('DELETE', saPath('doomed'));
    await bed.wait(60_000);
    expect(await bed.get(saPath('doomed'))).toBeUndefined();
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });
});
