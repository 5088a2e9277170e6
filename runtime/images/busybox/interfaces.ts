// The pod's network interfaces as its network namespace has them: lo, and eth0 — one end of the
// veth pair the CNI (minikube's bridge) made, with the pod's address on 10.244.0.0/16, the
// bridge's gateway 10.244.0.1, and a MAC the kernel made up (derived here from the address).
// ifconfig and `ip addr|link|route` print them; the counters are the simulation's (zero).
import type { ProcessContext } from '../types';

export interface Interface {
  name: string;
  index: number;
  /** The peer's index on the node (veth), shown as `eth0@ifN`. */
  peer?: number;
  mac: string;
  address: string;
  prefix: number;
  mtu: number;
  loopback: boolean;
}

const octets = (ip: string): number[] => ip.split('.').map(Number);

/** A locally administered unicast MAC made from the address (stable for a pod). */
function macFor(ip: string): string {
  let hash = 2166136261;
  for (const ch of ip) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const bytes = [
    ((hash >>> 24) & 0xfc) | 0x02,
    (hash >>> 16) & 0xff,
    (hash >>> 8) & 0xff,
    hash & 0xff,
    ...octets(ip).slice(2),
  ];
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** The IPv6 link-local address of `mac` (EUI-64): `fe80::4c3b:8aff:fe1c:2d5f`. */
export function linkLocal(mac: string): string {
  const b = mac.split(':').map((h) => parseInt(h, 16));
  const eui = [b[0] ^ 0x02, b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]];
  const groups = [0, 2, 4, 6].map((i) => ((eui[i] << 8) | eui[i + 1]).toString(16));
  return `fe80::${groups.join(':')}`;
}

/** `a.b.c.d` of a prefix length. */
export function maskOf(prefix: number): string {
  const bits = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((shift) => (bits >>> shift) & 0xff).join('.');
}

/** The broadcast address of `ip/prefix`. */
export function broadcastOf(ip: string, prefix: number): string {
  const mask = octets(maskOf(prefix));
  return octets(ip)
    .map((o, i) => (o & mask[i]) | (~mask[i] & 0xff))
    .join('.');
}

/** The first address of `ip/prefix` (the network). */
export function networkOf(ip: string, prefix: number): string {
  const mask = octets(maskOf(prefix));
  return octets(ip)
    .map((o, i) => o & mask[i])
    .join('.');
}

const LOOPBACK: Interface = {
  name: 'lo',
  index: 1,
  mac: '00:00:00:00:00:00',
  address: '127.0.0.1',
  prefix: 8,
  mtu: 65536,
  loopback: true,
};

/** The process's interfaces: lo, and eth0 when it has a network. */
export function interfacesOf(ctx: ProcessContext): Interface[] {
  const address = ctx.net?.address;
  if (!address) return [LOOPBACK];
  const pod = address.startsWith('10.244.');
  const eth0: Interface = {
    name: 'eth0',
    index: 2,
    // The node's end of the veth: the node's own links come first (lo, eth0, docker0, bridge).
    peer: pod ? 4 + (octets(address)[3] % 250) : undefined,
    mac: macFor(address),
    address,
    prefix: pod ? 16 : 24,
    mtu: 1500,
    loopback: false,
  };
  return [LOOPBACK, eth0];
}

/** The default gateway: the bridge's address on the pod network (the node's for the node). */
export const gatewayOf = (iface: Interface): string =>
  `${networkOf(iface.address, iface.prefix).replace(/\.0$/, '')}.1`;
