import { describe, expect, it } from 'vitest';
import type { ContainerNetwork } from '../images/types';
import { Volume } from '../shell/fs/volume';
import type { DnsQuery, DnsResponse } from './dns-types';
import { parseResolvConf, resolveHost, searchCandidates } from './resolver';
import { NetError } from './socket';

const POD_RESOLV_CONF =
  'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n';
const HOSTS = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost\n10.244.0.4\tclient\n';

/** A network whose nameservers answer from `zone` (name → address), logging each question. */
function fakeNetwork(zone: Record<string, string>, down: string[] = []): { net: ContainerNetwork; asked: string[] } {
  const asked: string[] = [];
  const net: ContainerNetwork = {
    address: '10.244.0.4',
    connect: () => Promise.reject(new Error('unused')),
    http: () => Promise.reject(new Error('unused')),
    query(server: string, query: DnsQuery): Promise<DnsResponse> {
      asked.push(`${server} ${query.type} ${query.name}`);
      if (down.includes(server)) return Promise.reject(new NetError('ETIMEDOUT', server, 53));
      const address = zone[query.name];
      return Promise.resolve(
        address
          ? {
              rcode: 'NOERROR',
              authoritative: true,
              answers: [{ name: query.name, type: 'A', ttl: 30, data: address }],
              authority: [],
            }
          : { rcode: 'NXDOMAIN', authoritative: true, answers: [], authority: [] },
      );
    },
  };
  return { net, asked };
}

const container = (net: ContainerNetwork, resolvConf = POD_RESOLV_CONF) => ({
  fs: new Volume({ '/etc/resolv.conf': resolvConf, '/etc/hosts': HOSTS }),
  net,
});

describe('resolv.conf', () => {
  it('reads nameservers, search domains and options, with libc defaults', () => {
    expect(parseResolvConf(POD_RESOLV_CONF)).toEqual({
      nameservers: ['10.96.0.10'],
      search: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
      ndots: 5,
      timeout: 5,
      attempts: 2,
    });
    expect(parseResolvConf('# empty\noptions timeout:2 attempts:3\n')).toEqual({
      nameservers: ['127.0.0.1'],
      search: [],
      ndots: 1,
      timeout: 2,
      attempts: 3,
    });
  });

  it('tries the search list first below ndots dots, the name first at or above, and only the name with a trailing dot', () => {
    const conf = parseResolvConf(POD_RESOLV_CONF);
    expect(searchCandidates(conf, 'nginx')).toEqual([
      'nginx.default.svc.cluster.local',
      'nginx.svc.cluster.local',
      'nginx.cluster.local',
      'nginx',
    ]);
    expect(searchCandidates({ ...conf, ndots: 1 }, 'example.com')[0]).toBe('example.com');
    expect(searchCandidates(conf, 'example.com.')).toEqual(['example.com']);
  });
});

describe('resolveHost', () => {
  it('resolves a short service name through the search list', async () => {
    const { net, asked } = fakeNetwork({ 'nginx.default.svc.cluster.local': '10.96.45.12' });
    expect(await resolveHost(container(net), 'nginx')).toEqual({
      name: 'nginx.default.svc.cluster.local',
      addresses: ['10.96.45.12'],
    });
    expect(asked).toEqual([
      '10.96.0.10 A nginx.default.svc.cluster.local',
      '10.96.0.10 AAAA nginx.default.svc.cluster.local',
    ]);
  });

  it('takes /etc/hosts and IP literals before any query', async () => {
    const { net, asked } = fakeNetwork({});
    expect(await resolveHost(container(net), 'client')).toEqual({ name: 'client', addresses: ['10.244.0.4'] });
    expect(await resolveHost(container(net), 'localhost')).toEqual({ name: 'localhost', addresses: ['127.0.0.1'] });
    expect(await resolveHost(container(net), '10.96.0.1')).toEqual({ name: '10.96.0.1', addresses: ['10.96.0.1'] });
    expect(asked).toEqual([]);
  });

  it('walks the whole list before NXDOMAIN', async () => {
    const { net, asked } = fakeNetwork({});
    expect(await resolveHost(container(net), 'nothing.default')).toEqual({ error: 'NXDOMAIN' });
    expect(asked).toEqual(
      [
        'nothing.default.default.svc.cluster.local',
        'nothing.default.svc.cluster.local',
        'nothing.default.cluster.local',
        'nothing.default',
      ].flatMap((name) => [`10.96.0.10 A ${name}`, `10.96.0.10 AAAA ${name}`]),
    );
  });

  it('gives up at the first name no server answers, after every attempt on every server', async () => {
    const { net, asked } = fakeNetwork({}, ['10.96.0.10', '10.96.0.11']);
    const conf = 'nameserver 10.96.0.10\nnameserver 10.96.0.11\nsearch default.svc.cluster.local\noptions ndots:5\n';
    expect(await resolveHost(container(net, conf), 'nginx')).toEqual({ error: 'ETIMEDOUT' });
    expect(asked).toEqual([
      '10.96.0.10 A nginx.default.svc.cluster.local',
      '10.96.0.11 A nginx.default.svc.cluster.local',
      '10.96.0.10 A nginx.default.svc.cluster.local',
      '10.96.0.11 A nginx.default.svc.cluster.local',
    ]);
  });
});
