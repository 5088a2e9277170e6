import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock';
import type { EndpointSlice } from '../controllers/endpoints-types';
import { ServiceBalancer } from './service-balancer';
import { buildServiceRules, type ProxiedService } from './service-rules';

const service = (name: string, spec: ProxiedService['spec'], status?: ProxiedService['status']): ProxiedService => ({
  metadata: { namespace: 'default', name },
  spec,
  status,
});

const slice = (name: string, ports: EndpointSlice['ports'], endpoints: EndpointSlice['endpoints']): EndpointSlice => ({
  metadata: { namespace: 'default', name: `${name}-abcde`, labels: { 'kubernetes.io/service-name': name } },
  addressType: 'IPv4',
  ports,
  endpoints,
});

const ready = (
  address: string,
  conditions: EndpointSlice['endpoints'] extends Array<infer E> | null ? Partial<E> : never = {},
) => ({
  addresses: [address],
  conditions: { ready: true },
  ...conditions,
});

describe('kube-proxy rules', () => {
  const web = service('web', {
    type: 'NodePort',
    clusterIP: '10.96.10.1',
    externalIPs: ['203.0.113.9'],
    ports: [
      { name: 'http', port: 80, targetPort: 'web', protocol: 'TCP', nodePort: 30080 },
      { name: 'dns', port: 53, protocol: 'UDP' },
    ],
  });
  const webSlice = slice(
    'web',
    [
      { name: 'http', port: 8080, protocol: 'TCP' },
      { name: 'dns', port: 5353, protocol: 'UDP' },
    ],
    [
      ready('10.244.0.5'),
      { addresses: ['10.244.0.6'], conditions: { ready: false, serving: false, terminating: false } },
      ready('10.244.0.7'),
    ],
  );

  it('maps cluster IPs, external IPs and NodePorts to the ready endpoints of the matching slice port', () => {
    const rules = buildServiceRules([web], [webSlice]);
    expect([...rules.keys()]).toEqual([
      '10.96.10.1:80/TCP',
      '203.0.113.9:80/TCP',
      'node:30080/TCP',
      '10.96.10.1:53/UDP',
      '203.0.113.9:53/UDP',
    ]);
    expect(rules.get('node:30080/TCP')).toEqual({
      name: 'default/web:http',
      endpoints: [
        { address: '10.244.0.5', port: 8080 },
        { address: '10.244.0.7', port: 8080 },
      ],
      affinitySeconds: 0,
    });
    expect(rules.get('10.96.10.1:53/UDP')?.endpoints).toEqual([
      { address: '10.244.0.5', port: 5353 },
      { address: '10.244.0.7', port: 5353 },
    ]);
  });

  it('gives headless and ExternalName services no virtual IP, and a service without endpoints an empty rule', () => {
    const rules = buildServiceRules(
      [
        service('db', { clusterIP: 'None', ports: [{ port: 5432 }] }),
        service('ext', { type: 'ExternalName', externalName: 'example.com' }),
        service('empty', { clusterIP: '10.96.10.2', ports: [{ port: 80 }] }),
      ],
      [],
    );
    expect([...rules.entries()]).toEqual([
      ['10.96.10.2:80/TCP', { name: 'default/empty:', endpoints: [], affinitySeconds: 0 }],
    ]);
  });

  it('falls back to serving terminating endpoints when none is ready, and routes LoadBalancer ingress IPs', () => {
    const lb = service(
      'lb',
      { type: 'LoadBalancer', clusterIP: '10.96.10.3', ports: [{ port: 80, nodePort: 31000 }] },
      { loadBalancer: { ingress: [{ ip: '127.0.0.1' }] } },
    );
    const draining = slice(
      'lb',
      [{ port: 8080 }],
      [{ addresses: ['10.244.0.9'], conditions: { ready: false, serving: true, terminating: true } }],
    );
    const rules = buildServiceRules([lb], [draining]);
    expect([...rules.keys()]).toEqual(['10.96.10.3:80/TCP', '127.0.0.1:80/TCP', 'node:31000/TCP']);
    expect(rules.get('127.0.0.1:80/TCP')?.endpoints).toEqual([{ address: '10.244.0.9', port: 8080 }]);
  });
});

describe('kube-proxy balancing', () => {
  const endpoints = [
    { address: '10.244.0.5', port: 80 },
    { address: '10.244.0.7', port: 80 },
  ];

  it('takes the endpoints in turn', () => {
    const balancer = new ServiceBalancer(new VirtualClock(0));
    const rule = { name: 'default/web:', endpoints, affinitySeconds: 0 };
    const picks = ['a', 'a', 'b', 'a'].map((client) => balancer.pick(rule, client).address);
    expect(picks).toEqual(['10.244.0.5', '10.244.0.7', '10.244.0.5', '10.244.0.7']);
  });

  it('keeps a client on its endpoint with ClientIP affinity until the timeout passes', () => {
    const clock = new VirtualClock(0);
    const balancer = new ServiceBalancer(clock);
    const rule = { name: 'default/web:', endpoints, affinitySeconds: 10 };
    expect(balancer.pick(rule, 'a').address).toBe('10.244.0.5');
    expect(balancer.pick(rule, 'b').address).toBe('10.244.0.7');
    clock.advance(9_000);
    expect(balancer.pick(rule, 'a').address).toBe('10.244.0.5');
    // 10 s after its last connection, a's affinity is gone: it takes the next in turn.
    clock.advance(10_000);
    expect(balancer.pick(rule, 'c').address).toBe('10.244.0.5');
    expect(balancer.pick(rule, 'a').address).toBe('10.244.0.7');
    // Without the endpoint it held, the client moves on.
    expect(balancer.pick({ ...rule, endpoints: [endpoints[1]] }, 'a').address).toBe('10.244.0.7');
  });
});
