// The API server's own objects: the system PriorityClasses and the `kubernetes` Service with
// its Endpoints and EndpointSlice, as on a fresh minikube.
import { describe, expect, it } from 'vitest';
import { createTestApi, TABLE_ACCEPT } from '../../../tests/api';
import { createCluster } from '../../cluster';
import { createSeededRng } from '../../rng';

describe('the API server bootstrap', () => {
  it('serves the kubernetes Service at 10.96.0.1:443, pointing at 192.168.49.2:8443', async () => {
    const { request } = await createTestApi();
    const service = (await request('GET', '/api/v1/namespaces/default/services/kubernetes')).body;
    expect(service.metadata.labels).toEqual({ component: 'apiserver', provider: 'kubernetes' });
    expect(service.spec).toMatchObject({
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 8443 }],
    });
    const endpoints = (await request('GET', '/api/v1/namespaces/default/endpoints/kubernetes')).body;
    expect(endpoints.subsets).toEqual([
      { addresses: [{ ip: '192.168.49.2' }], ports: [{ name: 'https', port: 8443, protocol: 'TCP' }] },
    ]);
    const slice = (await request('GET', '/apis/discovery.k8s.io/v1/namespaces/default/endpointslices/kubernetes')).body;
    expect(slice).toMatchObject({
      addressType: 'IPv4',
      endpoints: [{ addresses: ['192.168.49.2'], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 8443, protocol: 'TCP' }],
    });
    const table = (await request('GET', '/api/v1/namespaces/default/services', undefined, { accept: TABLE_ACCEPT }))
      .body;
    expect(table.rows.map((r: { cells: unknown[] }) => r.cells.slice(0, 5))).toEqual([
      ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP'],
    ]);
  });

  it('creates the two system PriorityClasses', async () => {
    const { request } = await createTestApi();
    const classes = (await request('GET', '/apis/scheduling.k8s.io/v1/priorityclasses')).body.items;
    expect(classes.map((c: { metadata: { name: string }; value: number }) => [c.metadata.name, c.value])).toEqual([
      ['system-cluster-critical', 2000000000],
      ['system-node-critical', 2000001000],
    ]);
  });

  it('adds nothing when the cluster is opened again', async () => {
    const { storage, cluster, clock } = await createTestApi();
    const revision = cluster.store.revision();
    const reopened = await createCluster({ clock, rng: createSeededRng('again'), storage });
    expect(reopened.store.revision()).toBe(revision);
  });
});
