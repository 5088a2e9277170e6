import { describe, expect, it } from 'vitest';
import { hostAliases, podResolvConf } from './pod-dns';

describe("a pod's /etc/resolv.conf", () => {
  it('points ClusterFirst pods at kube-dns with the namespace search path', () => {
    expect(podResolvConf({}, 'shop')).toBe(
      'nameserver 10.96.0.10\nsearch shop.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n',
    );
  });

  it("gives host-network pods the node's resolver unless they ask for ClusterFirstWithHostNet", () => {
    const node = 'nameserver 192.168.49.1\noptions edns0 trust-ad ndots:0\n';
    expect(podResolvConf({ hostNetwork: true }, 'default')).toBe(node);
    expect(podResolvConf({ dnsPolicy: 'Default' }, 'default')).toBe(node);
    expect(podResolvConf({ hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }, 'default')).toBe(
      'nameserver 10.96.0.10\nsearch default.svc.cluster.local svc.cluster.local cluster.local\noptions ndots:5\n',
    );
  });

  it('appends dnsConfig: nameservers and searches once each, options merged by name', () => {
    const dnsConfig = {
      nameservers: ['10.96.0.10', '1.1.1.1'],
      searches: ['cluster.local', 'corp.example'],
      options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }],
    };
    expect(podResolvConf({ dnsConfig }, 'default')).toBe(
      'nameserver 10.96.0.10\nnameserver 1.1.1.1\nsearch default.svc.cluster.local svc.cluster.local cluster.local corp.example\noptions ndots:2 edns0\n',
    );
    expect(podResolvConf({ dnsPolicy: 'None', dnsConfig: { nameservers: ['1.1.1.1'] } }, 'default')).toBe(
      'nameserver 1.1.1.1\n',
    );
  });
});

describe("a pod's host aliases", () => {
  it('follow the managed entries under their own heading', () => {
    expect(hostAliases({})).toBe('');
    expect(hostAliases({ hostAliases: [{ ip: '10.1.2.3', hostnames: ['foo.local', 'bar.local'] }] })).toBe(
      '\n# Entries added by HostAliases.\n10.1.2.3\tfoo.local\tbar.local\n',
    );
  });
});
