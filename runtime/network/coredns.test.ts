import { describe, expect, it } from 'vitest';
import type { EndpointSlice } from '../controllers/endpoints-types';
import { createSeededRng } from '../rng';
import { answerCorefile } from './coredns';
import { shuffleAnswers } from './coredns-loadbalance';
import type { ZoneData } from './coredns-kubernetes';
import type { DnsType } from './dns-types';
import type { ProxiedService } from './service-rules';

// CoreDNS's answers for minikube's Corefile (kubernetes plugin with `pods insecure` and `ttl 30`,
// the hosts block, the forwarder), record by record.

const svc = (namespace: string, name: string, spec: ProxiedService['spec']): ProxiedService => ({
  metadata: { namespace, name },
  spec,
});

const slice = (
  name: string,
  ports: EndpointSlice['ports'],
  endpoints: EndpointSlice['endpoints'],
  namespace = 'default',
): EndpointSlice => ({
  metadata: { namespace, name: `${name}-x1`, labels: { 'kubernetes.io/service-name': name } },
  addressType: 'IPv4',
  ports,
  endpoints,
});

const data: ZoneData = {
  services: [
    svc('default', 'nginx', {
      clusterIP: '10.96.45.12',
      clusterIPs: ['10.96.45.12'],
      ports: [
        { name: 'http', port: 80, protocol: 'TCP' },
        { name: 'https', port: 443, protocol: 'TCP' },
      ],
    }),
    svc('default', 'db', { clusterIP: 'None', ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }] }),
    svc('default', 'idle', { clusterIP: 'None', ports: [{ port: 80 }] }),
    svc('default', 'search', { type: 'ExternalName', externalName: 'search.example.com' }),
    svc('default', 'alias', { type: 'ExternalName', externalName: 'nginx.default.svc.cluster.local' }),
  ],
  slices: [
    slice(
      'nginx',
      [{ name: 'http', port: 8080, protocol: 'TCP' }],
      [{ addresses: ['10.244.0.5'], conditions: { ready: true } }],
    ),
    slice(
      'db',
      [{ name: 'pg', port: 5432, protocol: 'TCP' }],
      [
        { addresses: ['10.244.0.7'], hostname: 'db-0', conditions: { ready: true } },
        { addresses: ['10.244.0.8'], hostname: 'db-1', conditions: { ready: true } },
        { addresses: ['10.244.0.9'], hostname: 'db-2', conditions: { ready: false } },
      ],
    ),
  ],
  namespaces: new Set(['default', 'kube-system']),
  serial: 1767225610,
};

const ask = (name: string, type: DnsType = 'A') => answerCorefile(data, { name, type });
const SOA = {
  name: 'cluster.local',
  type: 'SOA',
  ttl: 30,
  data: 'ns.dns.cluster.local hostmaster.cluster.local 1767225610 7200 1800 86400 30',
};
const nxdomain = { rcode: 'NXDOMAIN', authoritative: true, answers: [], authority: [SOA] };
const nodata = { rcode: 'NOERROR', authoritative: true, answers: [], authority: [SOA] };
const answer = (...answers: Array<[string, DnsType, string]>) => ({
  rcode: 'NOERROR',
  authoritative: true,
  answers: answers.map(([name, type, value]) => ({ name, type, ttl: 30, data: value })),
  authority: [],
});

describe('CoreDNS kubernetes plugin', () => {
  it('answers a service name with its cluster IP, and AAAA with no data', async () => {
    expect(await ask('nginx.default.svc.cluster.local')).toEqual(
      answer(['nginx.default.svc.cluster.local', 'A', '10.96.45.12']),
    );
    expect(await ask('nginx.default.svc.cluster.local', 'AAAA')).toEqual(nodata);
  });

  it('answers a headless service with its ready endpoints, and their hostnames (StatefulSet pods)', async () => {
    expect(await ask('db.default.svc.cluster.local')).toEqual(
      answer(['db.default.svc.cluster.local', 'A', '10.244.0.7'], ['db.default.svc.cluster.local', 'A', '10.244.0.8']),
    );
    expect(await ask('db-1.db.default.svc.cluster.local')).toEqual(
      answer(['db-1.db.default.svc.cluster.local', 'A', '10.244.0.8']),
    );
    // A not-ready endpoint has no name; a headless service without ready endpoints does not exist.
    expect(await ask('db-2.db.default.svc.cluster.local')).toEqual(nxdomain);
    expect(await ask('idle.default.svc.cluster.local')).toEqual(nxdomain);
  });

  it('names endpoints of services by their dashed IP', async () => {
    expect(await ask('10-244-0-5.nginx.default.svc.cluster.local')).toEqual(
      answer(['10-244-0-5.nginx.default.svc.cluster.local', 'A', '10.244.0.5']),
    );
  });

  it('answers pod names made of IPs in existing namespaces (pods insecure)', async () => {
    expect(await ask('10-244-0-99.default.pod.cluster.local')).toEqual(
      answer(['10-244-0-99.default.pod.cluster.local', 'A', '10.244.0.99']),
    );
    expect(await ask('10-244-0-99.nowhere.pod.cluster.local')).toEqual(nxdomain);
    expect(await ask('web-0.default.pod.cluster.local')).toEqual(nxdomain);
  });

  it('answers SRV by named port and protocol, and all ports with shared weights', async () => {
    expect(await ask('_http._tcp.nginx.default.svc.cluster.local', 'SRV')).toEqual(
      answer(['_http._tcp.nginx.default.svc.cluster.local', 'SRV', '0 100 80 nginx.default.svc.cluster.local']),
    );
    expect(await ask('nginx.default.svc.cluster.local', 'SRV')).toEqual(
      answer(
        ['nginx.default.svc.cluster.local', 'SRV', '0 50 80 nginx.default.svc.cluster.local'],
        ['nginx.default.svc.cluster.local', 'SRV', '0 50 443 nginx.default.svc.cluster.local'],
      ),
    );
    expect(await ask('_pg._tcp.db.default.svc.cluster.local', 'SRV')).toEqual(
      answer(
        ['_pg._tcp.db.default.svc.cluster.local', 'SRV', '0 50 5432 db-0.db.default.svc.cluster.local'],
        ['_pg._tcp.db.default.svc.cluster.local', 'SRV', '0 50 5432 db-1.db.default.svc.cluster.local'],
      ),
    );
    expect(await ask('_http._udp.nginx.default.svc.cluster.local', 'SRV')).toEqual(nxdomain);
  });

  it('answers ExternalName services with a CNAME, followed inside the zone', async () => {
    expect(await ask('search.default.svc.cluster.local', 'CNAME')).toEqual(
      answer(['search.default.svc.cluster.local', 'CNAME', 'search.example.com']),
    );
    // The target is looked up upstream, which knows no Internet names: the CNAME alone.
    expect(await ask('search.default.svc.cluster.local')).toEqual(
      answer(['search.default.svc.cluster.local', 'CNAME', 'search.example.com']),
    );
    expect(await ask('alias.default.svc.cluster.local')).toEqual(
      answer(
        ['alias.default.svc.cluster.local', 'CNAME', 'nginx.default.svc.cluster.local'],
        ['nginx.default.svc.cluster.local', 'A', '10.96.45.12'],
      ),
    );
  });

  it('answers PTR for cluster IPs and endpoint IPs', async () => {
    expect(await ask('12.45.96.10.in-addr.arpa', 'PTR')).toEqual(
      answer(['12.45.96.10.in-addr.arpa', 'PTR', 'nginx.default.svc.cluster.local']),
    );
    expect(await ask('8.0.244.10.in-addr.arpa', 'PTR')).toEqual(
      answer(['8.0.244.10.in-addr.arpa', 'PTR', 'db-1.db.default.svc.cluster.local']),
    );
    expect(await ask('5.0.244.10.in-addr.arpa', 'PTR')).toEqual(
      answer(['5.0.244.10.in-addr.arpa', 'PTR', '10-244-0-5.nginx.default.svc.cluster.local']),
    );
  });

  it('says NXDOMAIN with the zone SOA for names that do not exist, NODATA for namespaces', async () => {
    expect(await ask('nothing.default.svc.cluster.local')).toEqual(nxdomain);
    expect(await ask('nginx.default.default.svc.cluster.local')).toEqual(nxdomain);
    expect(await ask('nginx.cluster.local')).toEqual(nxdomain);
    expect(await ask('nginx.nowhere.svc.cluster.local')).toEqual(nxdomain);
    expect(await ask('default.svc.cluster.local')).toEqual(nodata);
    expect(await ask('svc.cluster.local')).toEqual(nodata);
    expect(await ask('cluster.local', 'SOA')).toEqual(answer(['cluster.local', 'SOA', SOA.data]));
    expect(await ask('nginx.default.svc.cluster.local', 'TXT')).toEqual(nodata);
  });
});

describe('CoreDNS beyond the cluster zone', () => {
  it('answers host.minikube.internal from the hosts block', async () => {
    expect(await ask('host.minikube.internal')).toEqual({
      rcode: 'NOERROR',
      authoritative: true,
      answers: [{ name: 'host.minikube.internal', type: 'A', ttl: 3600, data: '192.168.49.1' }],
      authority: [],
    });
    expect(await ask('1.49.168.192.in-addr.arpa', 'PTR')).toEqual({
      rcode: 'NOERROR',
      authoritative: true,
      answers: [{ name: '1.49.168.192.in-addr.arpa', type: 'PTR', ttl: 3600, data: 'host.minikube.internal' }],
      authority: [],
    });
  });

  it('forwards other names upstream, where nothing is known (no Internet)', async () => {
    const forwarded = { rcode: 'NXDOMAIN', authoritative: false, answers: [], authority: [] };
    expect(await ask('example.com')).toEqual(forwarded);
    expect(await ask('nginx.default.svc.cluster.local.default.svc')).toEqual(forwarded);
    expect(await ask('99.0.244.10.in-addr.arpa', 'PTR')).toEqual(forwarded);
  });
});

describe("CoreDNS's loadbalance plugin", () => {
  it('keeps CNAMEs first and permutes the address records', () => {
    const record = (type: DnsType, value: string) => ({ name: 'x', type, ttl: 30, data: value });
    const answers = [record('CNAME', 'y'), record('A', '10.0.0.1'), record('A', '10.0.0.2'), record('A', '10.0.0.3')];
    const orders = new Set<string>();
    const rng = createSeededRng('lb');
    for (let i = 0; i < 30; i++) {
      const shuffled = shuffleAnswers(answers, rng);
      expect(shuffled[0]).toEqual(answers[0]);
      expect([...shuffled].sort((a, b) => a.data.localeCompare(b.data))).toEqual(
        [...answers].sort((a, b) => a.data.localeCompare(b.data)),
      );
      orders.add(shuffled.map((r) => r.data).join(' '));
    }
    expect(orders.size).toBe(6);
  });
});
