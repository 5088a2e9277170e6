import type { DnsQuery, DnsRecord, DnsResponse } from './dns-types';

// The line CoreDNS's `log` plugin (in minikube's Corefile) writes for every query, in its
// default format:
//   {remote}:{port} - {>id} "{type} {class} {name} {proto} {size} {>do} {>bufsize}" {rcode} {>rflags} {rsize} {duration}
// Sizes are of the DNS messages on the wire, names uncompressed as the plugin counts them.

/** A name's length on the wire: each label with its length byte, then the root. */
const nameLength = (name: string): number =>
  name === '' ? 1 : name.split('.').reduce((n, label) => n + 1 + label.length, 0) + 1;

const RDATA: Record<string, (data: string) => number> = {
  A: () => 4,
  AAAA: () => 16,
  CNAME: nameLength,
  PTR: nameLength,
  NS: nameLength,
  SRV: (data) => 6 + nameLength(data.split(' ')[3] ?? ''),
  SOA: (data) => nameLength(data.split(' ')[0]) + nameLength(data.split(' ')[1]) + 20,
  TXT: (data) => 1 + data.replace(/^"|"$/g, '').length,
};

const recordLength = (record: DnsRecord): number =>
  nameLength(record.name) + 10 + (RDATA[record.type]?.(record.data) ?? 0);

/** A query's size: the header and the question (no EDNS: the pods' resolvers send none). */
export const querySize = (query: DnsQuery): number => 12 + nameLength(query.name) + 4;

/** A response's size: the header, the question, the answer and authority sections. */
export const responseSize = (query: DnsQuery, response: DnsResponse): number =>
  [...response.answers, ...response.authority].reduce((n, r) => n + recordLength(r), querySize(query));

/** Who asked: the client's address and port, and the query's ID. */
export interface QueryOrigin {
  address: string;
  port: number;
  id: number;
}

/** The log plugin's line for one answered query (without the `[INFO] ` prefix). */
export function queryLogLine(query: DnsQuery, response: DnsResponse, origin: QueryOrigin, durationNs: number): string {
  const flags = ['qr', ...(response.authoritative ? ['aa'] : []), 'rd', ...(response.authoritative ? [] : ['ra'])];
  const seconds = (durationNs / 1e9).toString();
  return `${origin.address}:${origin.port} - ${origin.id} "${query.type} IN ${query.name}. udp ${querySize(query)} false 512" ${response.rcode} ${flags.join(',')} ${responseSize(query, response)} ${seconds}s`;
}
