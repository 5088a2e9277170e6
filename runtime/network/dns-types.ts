/** The record types the cluster's DNS answers (CoreDNS's kubernetes plugin and its forwarders). */
export type DnsType = 'A' | 'AAAA' | 'CNAME' | 'PTR' | 'SRV' | 'TXT' | 'SOA' | 'NS' | 'MX' | 'ANY';

/** One question, as a resolver sends it to a nameserver (names fully qualified, no trailing dot). */
export interface DnsQuery {
  name: string;
  type: DnsType;
}

/** One resource record. `data` is the presentation form: an address, a target name, `prio weight port target` for SRV. */
export interface DnsRecord {
  name: string;
  type: DnsType;
  ttl: number;
  data: string;
}

/** A nameserver's answer: its rcode, answers, and the authority section (the zone's SOA on NXDOMAIN/NODATA). */
export interface DnsResponse {
  rcode: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED';
  /** The answer was authoritative (CoreDNS's cluster zone) or not (forwarded). */
  authoritative: boolean;
  answers: DnsRecord[];
  authority: DnsRecord[];
}
