import type { DnsQuery, DnsResponse } from './dns-types';

/**
 * The resolver beyond the cluster: the node's (192.168.49.1, docker's gateway, which forwards
 * to the learner's host), where CoreDNS's `forward . /etc/resolv.conf` sends what it does not
 * know. The simulated host has no Internet, so every name is unknown there: NXDOMAIN, not
 * authoritative. (kubeplay's choice; the real one would answer public names.)
 */
export function upstreamAnswer(query: DnsQuery): DnsResponse {
  void query;
  return { rcode: 'NXDOMAIN', authoritative: false, answers: [], authority: [] };
}
