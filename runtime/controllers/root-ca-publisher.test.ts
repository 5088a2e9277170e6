import { describe, expect, it } from 'vitest';
import { controllerTestbed, namespaceManifest } from '../../tests/resourcequota-testbed';
import { MINIKUBE_CA_CERT } from './minikube-ca';
import { DEFAULT_ROOT_CA_PUBLISHER_WORKERS, ROOT_CA_PUBLISHER_ACCOUNT, RootCAPublisher } from './root-ca-publisher';

const cmPath = (ns: string) => `/api/v1/namespaces/${ns}/configmaps/kube-root-ca.crt`;
const DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

async function testbed() {
  return controllerTestbed(
    ROOT_CA_PUBLISHER_ACCOUNT,
    DEFAULT_ROOT_CA_PUBLISHER_WORKERS,
    (deps) => new RootCAPublisher(deps),
  );
}

describe('root CA certificate publisher', () => {
  it('publishes kube-root-ca.crt in every namespace, with the description', async () => {
    const bed = await testbed();
    await bed.request('POST', '/api/v1/namespaces', namespaceManifest('shop'));
    await bed.wait();
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'shop']) {
      const cm = await bed.get(cmPath(ns));
      expect(cm.metadata.annotations, ns).toEqual({ 'kubernetes.io/description': DESCRIPTION });
      expect(cm.data).toEqual({ 'ca.crt': MINIKUBE_CA_CERT });
      expect(cm.metadata.managedFields.map((f: any) => f.manager)).toEqual(['kube-controller-manager']);
    }
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });

  it("is a 1111-byte PEM certificate like minikube's ca.crt", () => {
    const lines = MINIKUBE_CA_CERT.split('\n');
    expect(MINIKUBE_CA_CERT).toHaveLength(1111);
    expect(lines[0]).toBe('-----BEGIN CERTIFICATE-----');
    expect(lines.at(-2)).toBe('-----END CERTIFICATE-----');
    expect(lines.at(-1)).toBe('');
    const body = lines.slice(1, -2);
    for (const line of body.slice(0, -1)) expect(line).toMatch(/^[A-Za-z0-9+/]{64}$/);
    expect(body.at(-1)).toMatch(/^[A-Za-z0-9+/]{1,63}={0,2}$/);
    // The DER's subject holds CN=minikubeCA.
    expect(atob(body.join(''))).toContain('minikubeCA');
  });

  it('puts back edited data and a removed description, keeping other annotations', async () => {
    const bed = await testbed();
    await bed.wait();
    await bed.request(
      'PATCH',
      cmPath('default'),
      {
        metadata: { annotations: { 'kubernetes.io/description': null, team: 'web' } },
        data: { 'ca.crt': 'forged', extra: 'x' },
      },
      { 'content-type': 'application/merge-patch+json' },
    );
    await bed.wait();
    const cm = await bed.get(cmPath('default'));
    expect(cm.data).toEqual({ 'ca.crt': MINIKUBE_CA_CERT });
    expect(cm.metadata.annotations).toEqual({ 'kubernetes.io/description': DESCRIPTION, team: 'web' });
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });

  it('recreates the ConfigMap when it is deleted', async () => {
    const bed = await testbed();
    await bed.wait();
    const before = await bed.get(cmPath('kube-public'));
    expect((await bed.request('DELETE', cmPath('kube-public'))).status).toBe(200);
    await bed.wait();
    const after = await bed.get(cmPath('kube-public'));
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.data).toEqual({ 'ca.crt': MINIKUBE_CA_CERT });
    expect(bed.errors).toEqual([]);
    await bed.stop();
  });
});
