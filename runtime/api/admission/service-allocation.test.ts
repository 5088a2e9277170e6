import { describe, expect, it } from 'vitest';
import { createTestApi } from '../../../tests/api';

const SERVICES = '/api/v1/namespaces/default/services';
const service = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { selector: { app: 'nginx' }, ports: [{ name: 'main', port: 80 }], ...spec },
});

const toNumber = (ip: string): number => ip.split('.').reduce((n, p) => n * 256 + Number(p), 0);

describe('service address allocation', () => {
  it('gives a ClusterIP from 10.96.0.0/12 above the static band, with the real defaults', async () => {
    const { request } = await createTestApi();
    const created = (await request('POST', SERVICES, service('nginx'))).body;
    const ip = created.spec.clusterIP as string;
    expect(toNumber(ip)).toBeGreaterThanOrEqual(toNumber('10.96.1.0'));
    expect(toNumber(ip)).toBeLessThan(toNumber('10.112.0.0'));
    expect(created.spec).toMatchObject({
      clusterIPs: [ip],
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      ports: [{ name: 'main', port: 80, protocol: 'TCP', targetPort: 80 }],
    });
  });

  it('gives NodePort services a port in 30128-32767 and keeps addresses across updates', async () => {
    const { request } = await createTestApi();
    const created = (await request('POST', SERVICES, service('web', { type: 'NodePort' }))).body;
    const nodePort = created.spec.ports[0].nodePort as number;
    expect(nodePort).toBeGreaterThanOrEqual(30128);
    expect(nodePort).toBeLessThanOrEqual(32767);
    const { clusterIP: _ip, clusterIPs: _ips, ...specWithoutIp } = created.spec;
    const replaced = (
      await request('PUT', `${SERVICES}/web`, {
        ...created,
        spec: { ...specWithoutIp, ports: [{ name: 'main', port: 80 }] },
      })
    ).body;
    expect(replaced.spec.clusterIP).toBe(created.spec.clusterIP);
    expect(replaced.spec.ports[0].nodePort).toBe(nodePort);
  });

  it('honours requested addresses and refuses taken or out-of-range ones with the real texts', async () => {
    const { request } = await createTestApi();
    const pinned = (
      await request(
        'POST',
        SERVICES,
        service('pinned', { type: 'NodePort', clusterIP: '10.96.0.50', ports: [{ port: 80, nodePort: 30978 }] }),
      )
    ).body;
    expect(pinned.spec.clusterIP).toBe('10.96.0.50');
    expect(pinned.spec.ports[0].nodePort).toBe(30978);
    expect((await request('POST', SERVICES, service('dup-ip', { clusterIP: '10.96.0.50' }))).body.message).toBe(
      'Service "dup-ip" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.50"}: failed to allocate IP 10.96.0.50: provided IP is already allocated',
    );
    expect(
      (
        await request(
          'POST',
          SERVICES,
          service('dup-port', { type: 'NodePort', ports: [{ port: 80, nodePort: 30978 }] }),
        )
      ).body.message,
    ).toBe(
      'Service "dup-port" is invalid: spec.ports[0].nodePort: Invalid value: 30978: provided port is already allocated',
    );
    expect(
      (await request('POST', SERVICES, service('low', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] }))).body
        .message,
    ).toBe(
      'Service "low" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
    const headless = (await request('POST', SERVICES, service('headless', { clusterIP: 'None' }))).body;
    expect(headless.spec.clusterIPs).toEqual(['None']);
  });
});
