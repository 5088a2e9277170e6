import type { ContainerNetwork } from '../images/types';
import type { Volume } from '../shell/fs/volume';
import type { DnsResponse, DnsType } from './dns-types';
import { hostsLookup } from './host-network';
import { NetError } from './socket';

/**
 * Name resolution as a container's libc does it (glibc's res_search and musl's name_from_dns
 * agree on these steps): `/etc/hosts` first; then the nameservers of `/etc/resolv.conf`, trying
 * the name as given first when it has at least `ndots` dots (or ends with a dot) and the
 * `search` domains otherwise, asking A and AAAA for each (getaddrinfo with AF_UNSPEC), moving
 * on to the next candidate on NXDOMAIN or an empty answer and giving up at the first timeout.
 * Clients:
 *
 *   const found = await resolveHost(ctx, 'nginx');
 *   if ('error' in found) … // 'NXDOMAIN' (no such name) or 'ETIMEDOUT' (no server answered)
 *   else found.addresses[0] // '10.96.12.34'; found.name is the name that answered
 *
 * `readResolvConf` and `searchCandidates` are for tools that walk the search list themselves
 * (busybox nslookup prints each server and name it asked).
 */

/** A parsed `/etc/resolv.conf`. */
export interface ResolvConf {
  nameservers: string[];
  search: string[];
  ndots: number;
  /** Seconds per query to one server (`options timeout:`; 5 by default). */
  timeout: number;
  /** Rounds over the servers (`options attempts:`; 2 by default). */
  attempts: number;
}

/** What resolving a host name found: its addresses, or why there are none. */
export type ResolveResult = { name: string; addresses: string[] } | { error: 'NXDOMAIN' | 'ETIMEDOUT' };

/** The process's view needed to resolve: its files and its network. */
export interface ResolverContext {
  fs: Volume;
  net?: ContainerNetwork;
}

const read = (fs: Volume, path: string): string => {
  try {
    return fs.readFile(path);
  } catch {
    return '';
  }
};

/** `/etc/resolv.conf` as libc reads it (no nameserver line → 127.0.0.1, as glibc defaults). */
export function parseResolvConf(text: string): ResolvConf {
  const conf: ResolvConf = { nameservers: [], search: [], ndots: 1, timeout: 5, attempts: 2 };
  for (const line of text.split('\n')) {
    const [keyword, ...values] = line
      .replace(/[#;].*/, '')
      .trim()
      .split(/\s+/);
    if (keyword === 'nameserver' && values[0] && conf.nameservers.length < 3) conf.nameservers.push(values[0]);
    else if (keyword === 'search' || keyword === 'domain') conf.search = values.slice(0, 6);
    else if (keyword === 'options')
      for (const option of values) {
        const [name, value] = option.split(':');
        const n = Number(value);
        if (name === 'ndots' && Number.isInteger(n)) conf.ndots = Math.min(n, 15);
        if (name === 'timeout' && Number.isInteger(n)) conf.timeout = Math.max(1, Math.min(n, 30));
        if (name === 'attempts' && Number.isInteger(n)) conf.attempts = Math.max(1, Math.min(n, 5));
      }
  }
  if (conf.nameservers.length === 0) conf.nameservers.push('127.0.0.1');
  return conf;
}

/** The container's `/etc/resolv.conf`, parsed. */
export function readResolvConf(fs: Volume): ResolvConf {
  return parseResolvConf(read(fs, '/etc/resolv.conf'));
}

/** The fully qualified names libc asks for, in order (no trailing dots). */
export function searchCandidates(conf: ResolvConf, name: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = conf.search.map((domain) => `${name}.${domain.replace(/\.$/, '')}`);
  return dots >= conf.ndots ? [name, ...searched] : [...searched, name];
}

const isIpv4 = (text: string): boolean =>
  /^\d{1,3}(\.\d{1,3}){3}$/.test(text) && text.split('.').every((part) => Number(part) <= 255);

/**
 * One question to the resolv.conf servers as libc sends it: each server in turn, `attempts`
 * rounds, each query waiting `timeout` seconds (the network's `query` gives up after one).
 * Undefined when no server answered.
 */
export async function queryServers(
  net: ContainerNetwork,
  conf: ResolvConf,
  name: string,
  type: DnsType,
): Promise<DnsResponse | undefined> {
  for (let round = 0; round < conf.attempts; round++)
    for (const server of conf.nameservers) {
      try {
        return await net.query(server, { name, type });
      } catch (error) {
        if (!(error instanceof NetError)) throw error;
      }
    }
  return undefined;
}

/** The IPv4 addresses `name` resolves to in the container (/etc/hosts first, then DNS). */
export async function resolveHost(ctx: ResolverContext, name: string): Promise<ResolveResult> {
  const bare = name.replace(/\.$/, '');
  if (isIpv4(bare)) return { name: bare, addresses: [bare] };
  const fromHosts = hostsLookup(read(ctx.fs, '/etc/hosts'), bare).filter(isIpv4);
  if (fromHosts.length > 0) return { name: bare, addresses: fromHosts };
  if (!ctx.net) return { error: 'NXDOMAIN' };
  const conf = readResolvConf(ctx.fs);
  for (const candidate of searchCandidates(conf, name)) {
    // getaddrinfo(AF_UNSPEC) asks A and AAAA together; the cluster answers only IPv4.
    const a = await queryServers(ctx.net, conf, candidate, 'A');
    const aaaa = a && (await queryServers(ctx.net, conf, candidate, 'AAAA'));
    if (!a || !aaaa) return { error: 'ETIMEDOUT' };
    const addresses = a.answers.filter((record) => record.type === 'A').map((record) => record.data);
    if (a.rcode === 'NOERROR' && addresses.length > 0) return { name: candidate, addresses };
  }
  return { error: 'NXDOMAIN' };
}
