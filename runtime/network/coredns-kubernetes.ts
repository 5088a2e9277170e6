import type { EndpointSlice } from '../controllers/endpoints-types';
import type { DnsQuery, DnsRecord, DnsResponse } from './dns-types';
import type { ProxiedService } from './service-rules';

// CoreDNS's kubernetes plugin (plugin/kubernetes and plugin/backend_lookup.go) for the zone
// `cluster.local` with minikube's options (`pods insecure`, `ttl 30`): services, their
// endpoints, pod names made of IPs, and reverse names of cluster and endpoint IPs. Names carry
// no trailing dot here, in records as in questions.

export const CLUSTER_ZONE = 'cluster.local';
/** The Corefile's `ttl 30`. */
const TTL = 30;

/** What the plugin's informers hold. */
export interface ZoneData {
  services: ProxiedService[];
  slices: EndpointSlice[];
  namespaces: ReadonlySet<string>;
  /** The SOA serial: when services or endpoints last changed (Unix seconds). */
  serial: number;
}

/** One ready endpoint address of a service with its ports (CoreDNS's object.Endpoints, flattened). */
interface EndpointAddress {
  ip: string;
  hostname?: string;
  ports: Array<{ name: string; protocol: string; port: number }>;
}

/** One msg.Service: a host (an IP, or a name for CNAMEs), a port, and the name it is known by. */
interface Backend {
  host: string;
  port: number;
  /** The owner name of its address record (the SRV target). */
  domain: string;
}

/** Why a lookup has no records: the name does not exist (NXDOMAIN), or it does but not this type. */
type Lookup = { backends: Backend[] } | { nameError: true };

const isIp = (text: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(text) || text.includes(':');

/** endpointHostname: the endpoint's hostname, else its IP with dashes. */
const endpointHostname = (address: EndpointAddress): string => address.hostname ?? address.ip.replace(/[.:]/g, '-');

/** The ready addresses of a service (EndpointSliceToEndpoints; no ports: the sentinel port -1). */
function serviceEndpoints(data: ZoneData, namespace: string, name: string): EndpointAddress[] {
  const addresses: EndpointAddress[] = [];
  for (const slice of data.slices) {
    if (slice.metadata?.namespace !== namespace) continue;
    if (slice.metadata?.labels?.['kubernetes.io/service-name'] !== name || slice.addressType !== 'IPv4') continue;
    const ports = (slice.ports ?? []).map((p) => ({
      name: p.name ?? '',
      protocol: p.protocol ?? 'TCP',
      port: p.port ?? -1,
    }));
    for (const endpoint of slice.endpoints ?? []) {
      if (endpoint.conditions.ready === false) continue;
      for (const ip of endpoint.addresses)
        addresses.push({
          ip,
          hostname: endpoint.hostname,
          ports: ports.length ? ports : [{ name: '', protocol: '', port: -1 }],
        });
    }
  }
  return addresses;
}

const matches = (wanted: string, actual: string): boolean =>
  wanted === '' || wanted.toLowerCase() === actual.toLowerCase();

/** parseRequest: `[_port._protocol.|endpoint.]service.namespace.(svc|pod)` under the zone. */
interface RecordRequest {
  port: string;
  protocol: string;
  endpoint: string;
  service: string;
  namespace: string;
  podOrSvc: string;
}

function parseRequest(base: string): RecordRequest | 'invalid' {
  const r: RecordRequest = { port: '', protocol: '', endpoint: '', service: '', namespace: '', podOrSvc: '' };
  if (base === '' || base === 'svc' || base === 'pod') return r;
  const segs = base.split('.');
  let last = segs.length - 1;
  r.podOrSvc = segs[last--];
  if (r.podOrSvc !== 'svc' && r.podOrSvc !== 'pod') return 'invalid';
  if (last < 0) return r;
  r.namespace = segs[last--];
  if (last < 0) return r;
  r.service = segs[last--];
  if (last < 0) return r;
  if (last === 0) r.endpoint = segs[0];
  else if (last === 1) {
    r.protocol = segs[1].replace(/^_/, '');
    r.port = segs[0].replace(/^_/, '');
  } else return 'invalid';
  return r;
}

/** Records: the backends a name in the zone stands for (findServices / findPods). */
function records(data: ZoneData, base: string): Lookup {
  const r = parseRequest(base);
  if (r === 'invalid') return { nameError: true };
  if (r.podOrSvc === '') return { backends: [] };
  if (!data.namespaces.has(r.namespace)) return { nameError: true };
  if (r.service === '') return { backends: [] };
  if (r.podOrSvc === 'pod') {
    const name = r.service;
    const ip = (name.match(/-/g) ?? []).length === 3 && !name.includes('--') ? name.replace(/-/g, '.') : '';
    if (!isIp(ip)) return { nameError: true };
    return { backends: [{ host: ip, port: 0, domain: `${base}.${CLUSTER_ZONE}` }] };
  }
  const domain = `${r.service}.${r.namespace}.svc.${CLUSTER_ZONE}`;
  const backends: Backend[] = [];
  let found = false;
  for (const service of data.services) {
    if (
      service.metadata?.namespace !== r.namespace ||
      service.metadata?.name?.toLowerCase() !== r.service.toLowerCase()
    )
      continue;
    const spec = service.spec ?? {};
    if (spec.type === 'ExternalName') {
      if (r.endpoint || !spec.externalName || isIp(spec.externalName)) continue;
      backends.push({ host: spec.externalName, port: 0, domain });
      found = true;
      continue;
    }
    if (spec.clusterIP === 'None' || r.endpoint) {
      for (const address of serviceEndpoints(data, r.namespace, r.service)) {
        if (r.endpoint && !matches(r.endpoint, endpointHostname(address))) continue;
        for (const port of address.ports) {
          if (!matches(r.port, port.name) || !matches(r.protocol, port.protocol)) continue;
          backends.push({ host: address.ip, port: port.port, domain: `${endpointHostname(address)}.${domain}` });
          found = true;
        }
      }
      continue;
    }
    for (const port of spec.ports ?? []) {
      if (!matches(r.port, port.name ?? '') || !matches(r.protocol, port.protocol ?? 'TCP')) continue;
      found = true;
      for (const ip of spec.clusterIPs?.length ? spec.clusterIPs : [spec.clusterIP ?? ''])
        backends.push({ host: ip, port: port.port, domain });
    }
  }
  return found ? { backends } : { nameError: true };
}

/** serviceRecordForIP: the names of a cluster IP, else of the endpoints with the address. */
function reverseNames(data: ZoneData, ip: string): string[] {
  for (const service of data.services) {
    const spec = service.spec ?? {};
    if ((spec.clusterIPs ?? [spec.clusterIP]).includes(ip) && spec.clusterIP !== 'None')
      return [`${service.metadata?.name}.${service.metadata?.namespace}.svc.${CLUSTER_ZONE}`];
  }
  const names: string[] = [];
  for (const slice of data.slices) {
    const service = slice.metadata?.labels?.['kubernetes.io/service-name'];
    if (!service) continue;
    for (const address of serviceEndpoints(data, slice.metadata?.namespace ?? '', service)) {
      const name = `${endpointHostname(address)}.${service}.${slice.metadata?.namespace}.svc.${CLUSTER_ZONE}`;
      if (address.ip === ip && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** The zone's SOA (plugin.SOA): TTL and minimum the plugin's TTL, the serial its last change. */
export function zoneSoa(serial: number): DnsRecord {
  return {
    name: CLUSTER_ZONE,
    type: 'SOA',
    ttl: TTL,
    data: `ns.dns.${CLUSTER_ZONE} hostmaster.${CLUSTER_ZONE} ${serial} 7200 1800 86400 ${TTL}`,
  };
}

/** An IPv4 address from its reverse name (`5.0.244.10.in-addr.arpa` → `10.244.0.5`). */
export function addressFromReverse(name: string): string | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa$/.exec(name);
  return match ? [match[4], match[3], match[2], match[1]].join('.') : undefined;
}

/** Whether the plugin answers `name`: the cluster zone, or (with fallthrough) a reverse name it knows. */
export function inClusterZone(name: string): boolean {
  return name === CLUSTER_ZONE || name.endsWith(`.${CLUSTER_ZONE}`);
}

/**
 * The plugin's answer to a question in the cluster zone (handler.go's ServeDNS). `upstream`
 * answers the names outside the zone an ExternalName CNAME points to. A reverse name it does
 * not know returns undefined: the Corefile lets those fall through to the next plugins.
 */
export async function answerKubernetes(
  data: ZoneData,
  query: DnsQuery,
  upstream: (query: DnsQuery) => Promise<DnsResponse>,
): Promise<DnsResponse | undefined> {
  const name = query.name.toLowerCase();
  const respond = (answers: DnsRecord[]): DnsResponse =>
    answers.length
      ? { rcode: 'NOERROR', authoritative: true, answers: dedup(answers), authority: [] }
      : { rcode: 'NOERROR', authoritative: true, answers: [], authority: [zoneSoa(data.serial)] };
  const nxdomain: DnsResponse = {
    rcode: 'NXDOMAIN',
    authoritative: true,
    answers: [],
    authority: [zoneSoa(data.serial)],
  };
  if (name.endsWith('.in-addr.arpa') || name.endsWith('.ip6.arpa')) {
    const ip = addressFromReverse(name);
    const names = ip ? reverseNames(data, ip) : [];
    if (names.length === 0) return undefined;
    if (query.type !== 'PTR') return respond([]);
    return respond(names.map((target) => ({ name: query.name, type: 'PTR', ttl: TTL, data: target })));
  }
  if (!inClusterZone(name)) return undefined;
  const base = name === CLUSTER_ZONE ? '' : name.slice(0, -CLUSTER_ZONE.length - 1);
  if (query.type === 'SOA') return respond(name === CLUSTER_ZONE ? [zoneSoa(data.serial)] : []);
  if (query.type === 'NS' && name === CLUSTER_ZONE)
    return respond([{ name: query.name, type: 'NS', ttl: TTL, data: `ns.dns.${CLUSTER_ZONE}` }]);
  if (base === 'dns-version' && query.type === 'TXT')
    return respond([{ name: query.name, type: 'TXT', ttl: TTL, data: '"1.1.0"' }]);
  const found = records(data, base);
  if ('nameError' in found) return nxdomain;
  const answers: DnsRecord[] = [];
  if (query.type === 'A' || query.type === 'CNAME') {
    for (const backend of found.backends) {
      if (isIp(backend.host)) {
        if (query.type === 'A' && !backend.host.includes(':'))
          answers.push({ name: query.name, type: 'A', ttl: TTL, data: backend.host });
        continue;
      }
      const cname: DnsRecord = { name: query.name, type: 'CNAME', ttl: TTL, data: backend.host };
      if (query.type === 'CNAME') return respond([cname]);
      // The target outside the zone is looked up upstream; inside, in the zone again.
      const next = await (inClusterZone(backend.host)
        ? answerKubernetes(data, { name: backend.host, type: 'A' }, upstream)
        : upstream({ name: backend.host, type: 'A' }));
      if (inClusterZone(backend.host) && !next?.answers.length) continue;
      answers.push(cname, ...(next?.answers ?? []));
    }
  } else if (query.type === 'SRV') {
    const total = found.backends.filter((b) => b.port !== -1).length * 100;
    for (const backend of found.backends) {
      if (backend.port === -1) continue;
      const weight = Math.max(1, Math.floor((100 / total) * 100));
      const target = isIp(backend.host) ? backend.domain : backend.host;
      answers.push({ name: query.name, type: 'SRV', ttl: TTL, data: `0 ${weight} ${backend.port} ${target}` });
    }
  }
  return respond(answers);
}

/** dnsutil.Dedup: the same record once. */
function dedup(records: DnsRecord[]): DnsRecord[] {
  const seen = new Set<string>();
  return records.filter((r) => {
    const key = `${r.name.toLowerCase()} ${r.type} ${r.data}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
