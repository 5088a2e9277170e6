import { describe, expect, it } from 'vitest';
import { queryLogLine } from './coredns-log';

// Lines as CoreDNS's log plugin writes them in real clusters (published in the Kubernetes DNS
// debugging guide and in cloud providers' docs): a resolver's A and AAAA queries for the API's
// service, 54 bytes asked, 106 and 147 answered (names counted uncompressed).

describe("CoreDNS's query log", () => {
  it('logs an answered cluster query with its sizes and flags', () => {
    const query = { name: 'kubernetes.default.svc.cluster.local', type: 'A' as const };
    const response = {
      rcode: 'NOERROR' as const,
      authoritative: true,
      answers: [{ name: query.name, type: 'A' as const, ttl: 30, data: '10.96.0.1' }],
      authority: [],
    };
    expect(queryLogLine(query, response, { address: '10.244.0.3', port: 36491, id: 29548 }, 110_658)).toBe(
      '10.244.0.3:36491 - 29548 "A IN kubernetes.default.svc.cluster.local. udp 54 false 512" NOERROR qr,aa,rd 106 0.000110658s',
    );
  });

  it('counts the SOA of a NODATA answer', () => {
    const query = { name: 'kubernetes.default.svc.cluster.local', type: 'AAAA' as const };
    const soa = {
      name: 'cluster.local',
      type: 'SOA' as const,
      ttl: 30,
      data: 'ns.dns.cluster.local hostmaster.cluster.local 1764406000 7200 1800 86400 30',
    };
    const nodata = { rcode: 'NOERROR' as const, authoritative: true, answers: [], authority: [soa] };
    expect(queryLogLine(query, nodata, { address: '10.112.128.7', port: 44256, id: 26847 }, 57_075_876)).toBe(
      '10.112.128.7:44256 - 26847 "AAAA IN kubernetes.default.svc.cluster.local. udp 54 false 512" NOERROR qr,aa,rd 147 0.057075876s',
    );
  });

  it('counts the SOA of a denial, and marks forwarded answers as recursive', () => {
    const query = { name: 'nginx.svc.cluster.local', type: 'AAAA' as const };
    const soa = {
      name: 'cluster.local',
      type: 'SOA' as const,
      ttl: 30,
      data: 'ns.dns.cluster.local hostmaster.cluster.local 1767225610 7200 1800 86400 30',
    };
    const denial = { rcode: 'NXDOMAIN' as const, authoritative: true, answers: [], authority: [soa] };
    expect(queryLogLine(query, denial, { address: '10.244.0.4', port: 40000, id: 7 }, 80_000)).toBe(
      '10.244.0.4:40000 - 7 "AAAA IN nginx.svc.cluster.local. udp 41 false 512" NXDOMAIN qr,aa,rd 134 0.00008s',
    );
    const forwarded = { rcode: 'NXDOMAIN' as const, authoritative: false, answers: [], authority: [] };
    expect(
      queryLogLine(
        { name: 'example.com', type: 'A' },
        forwarded,
        { address: '10.244.0.4', port: 40001, id: 8 },
        2_000_000,
      ),
    ).toBe('10.244.0.4:40001 - 8 "A IN example.com. udp 29 false 512" NXDOMAIN qr,rd,ra 29 0.002s');
  });
});
