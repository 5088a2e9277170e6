import type { Json } from './pod-types';

/** The cluster's DNS Service (kube-dns) and domain, as minikube configures the kubelet. */
const CLUSTER_DNS = '10.96.0.10';
const CLUSTER_DOMAIN = 'cluster.local';
/** What the minikube node's own /etc/resolv.conf says (docker's network gateway resolves). */
const NODE_RESOLV = {
  nameservers: ['192.168.49.1'],
  searches: [] as string[],
  options: ['edns0', 'trust-ad', 'ndots:0'],
};

/** kubelet's MaxDNSSearchPaths. */
const MAX_SEARCHES = 32;

const unique = (values: string[]): string[] => [...new Set(values)];

/** mergeDNSOptions: the pod's dnsConfig options replace same-named ones (in first-seen order here; Go's map order is random). */
function mergeOptions(existing: string[], extra: Array<{ name?: string; value?: string }>): string[] {
  const options = new Map<string, string>();
  for (const option of existing) {
    const colon = option.indexOf(':');
    options.set(colon < 0 ? option : option.slice(0, colon), colon < 0 ? '' : option.slice(colon + 1));
  }
  for (const option of extra) if (option.name) options.set(option.name, option.value ?? '');
  return [...options].map(([name, value]) => (value ? `${name}:${value}` : name));
}

/**
 * The pod's /etc/resolv.conf as the kubelet computes it (pkg/kubelet/network/dns GetPodDNS) and
 * the runtime writes it: the cluster's DNS for ClusterFirst (unless on the host network) and
 * ClusterFirstWithHostNet, the node's for Default, nothing but dnsConfig for None; then the
 * pod's dnsConfig appended (nameservers and searches without duplicates, options merged).
 */
export function podResolvConf(spec: Json, namespace: string): string {
  const policy = spec.dnsPolicy ?? 'ClusterFirst';
  const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !spec.hostNetwork);
  const base =
    policy === 'None'
      ? { nameservers: [] as string[], searches: [] as string[], options: [] as string[] }
      : cluster
        ? {
            nameservers: [CLUSTER_DNS],
            searches: [
              `${namespace}.svc.${CLUSTER_DOMAIN}`,
              `svc.${CLUSTER_DOMAIN}`,
              CLUSTER_DOMAIN,
              ...NODE_RESOLV.searches,
            ],
            options: ['ndots:5'],
          }
        : NODE_RESOLV;
  const config = spec.dnsConfig ?? {};
  const nameservers = unique([...base.nameservers, ...(config.nameservers ?? [])]);
  const searches = unique([...base.searches, ...(config.searches ?? [])]).slice(0, MAX_SEARCHES);
  const options = mergeOptions(base.options, config.options ?? []);
  let text = nameservers.map((server) => `nameserver ${server}\n`).join('');
  if (searches.length) text += `search ${searches.join(' ')}\n`;
  if (options.length) text += `options ${options.join(' ')}\n`;
  return text;
}

/** The lines the kubelet appends to a pod's /etc/hosts for `spec.hostAliases` (hostsEntriesFromHostAliases). */
export function hostAliases(spec: Json): string {
  const aliases: Array<{ ip?: string; hostnames?: string[] }> = spec.hostAliases ?? [];
  if (aliases.length === 0) return '';
  return `\n# Entries added by HostAliases.\n${aliases.map((a) => `${a.ip ?? ''}\t${(a.hostnames ?? []).join('\t')}\n`).join('')}`;
}
