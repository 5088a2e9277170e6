import type { Rng } from '../../rng';
import { isObject, type KubeObject } from '../object';
import type { ObjectStore } from '../object-store';
import type { FieldError } from '../resource';
import { services } from '../resources/services';
import { invalid } from '../status';
import { invalid as invalidField } from '../validation';

/** minikube's service CIDR (10.96.0.0/12) and the default NodePort range. */
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;
/**
 * The low band that dynamic allocation leaves to explicit requests (KEP-3070 / KEP-3668):
 * min(max(16, size/16), 256) addresses and min(max(16, size/16), 128) ports.
 */
const IP_STATIC_BAND = Math.min(Math.max(16, CIDR_SIZE / 16), 256);
const PORT_STATIC_BAND = Math.min(Math.max(16, (NODE_PORT_MAX - NODE_PORT_MIN + 1) / 16), 128);

type Port = { port?: number; nodePort?: number };
type Spec = { type?: string; clusterIP?: string; clusterIPs?: string[]; ports?: Port[] };

const ipText = (n: number): string => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
function ipNumber(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0) >>> 0;
}

/** ClusterIPs and NodePorts every existing service holds. */
function allocated(objects: ObjectStore, except?: string): { ips: Set<string>; ports: Set<number> } {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const service of objects.list(services, {}).items) {
    if (except && `${service.metadata?.namespace}/${service.metadata?.name}` === except) continue;
    const spec = (service.spec ?? {}) as Spec;
    for (const ip of spec.clusterIPs ?? []) ips.add(ip);
    for (const port of spec.ports ?? []) if (port.nodePort) ports.add(port.nodePort);
  }
  return { ips, ports };
}

/** A random free member of [lo, hi], tried in the dynamic band first, then anywhere. */
function pick(rng: Rng, lo: number, hi: number, staticBand: number, taken: (n: number) => boolean): number | undefined {
  for (const [from, to] of [
    [lo + staticBand, hi],
    [lo, hi],
  ]) {
    const size = to - from + 1;
    const start = rng.int(size);
    for (let i = 0; i < size; i++) {
      const candidate = from + ((start + i) % size);
      if (!taken(candidate)) return candidate;
    }
  }
  return undefined;
}

function fail(name: string, errors: FieldError[]): never {
  throw invalid('Service', '', name, errors);
}

/**
 * The service IP and NodePort allocators, as the API server runs them on create: a ClusterIP
 * from 10.96.0.0/12 (random, above the static band; or the one asked for, if free), and a
 * NodePort from 30000-32767 for each port of a NodePort or LoadBalancer service.
 */
export function allocateServiceAddresses(objects: ObjectStore, rng: Rng, service: KubeObject, old?: KubeObject): void {
  if (!isObject(service.spec)) return;
  const spec = service.spec as Spec;
  const name = service.metadata?.name ?? '';
  const oldSpec = (old?.spec ?? {}) as Spec;
  const { ips, ports } = allocated(objects, old ? `${old.metadata?.namespace}/${old.metadata?.name}` : undefined);
  if (spec.type !== 'ExternalName') {
    if (old && !spec.clusterIP && oldSpec.clusterIP) {
      spec.clusterIP = oldSpec.clusterIP;
      spec.clusterIPs = oldSpec.clusterIPs;
    } else if (!spec.clusterIP) {
      const n = pick(rng, CIDR_BASE + 1, CIDR_BASE + CIDR_SIZE - 2, IP_STATIC_BAND, (c) => ips.has(ipText(c)));
      if (n === undefined) fail(name, [invalidField('spec.clusterIPs', [], 'failed to allocate IP: range is full')]);
      spec.clusterIP = ipText(n);
      spec.clusterIPs = [spec.clusterIP];
    } else if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None'];
    } else if (!old || spec.clusterIP !== oldSpec.clusterIP) {
      const n = ipNumber(spec.clusterIP);
      const field = 'spec.clusterIPs';
      const shown = `[]string{"${spec.clusterIP}"}`;
      if (n === undefined) {
        fail(name, [
          {
            type: 'FieldValueInvalid',
            field,
            message: `Invalid value: ${shown}: must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`,
          },
        ]);
      }
      if (n < CIDR_BASE || n >= CIDR_BASE + CIDR_SIZE) {
        fail(name, [
          {
            type: 'FieldValueInvalid',
            field,
            message: `Invalid value: ${shown}: failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`,
          },
        ]);
      }
      if (ips.has(spec.clusterIP)) {
        fail(name, [
          {
            type: 'FieldValueInvalid',
            field,
            message: `Invalid value: ${shown}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated`,
          },
        ]);
      }
      spec.clusterIPs = [spec.clusterIP];
    }
  }
  const wantsNodePorts = spec.type === 'NodePort' || spec.type === 'LoadBalancer';
  (spec.ports ?? []).forEach((port, i) => {
    if (!wantsNodePorts) {
      delete port.nodePort;
      return;
    }
    const previous = oldSpec.ports?.[i]?.nodePort;
    if (!port.nodePort && previous) port.nodePort = previous;
    if (port.nodePort) {
      if (port.nodePort === previous) return;
      const field = `spec.ports[${i}].nodePort`;
      if (port.nodePort < NODE_PORT_MIN || port.nodePort > NODE_PORT_MAX) {
        fail(name, [
          invalidField(
            field,
            port.nodePort,
            `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`,
          ),
        ]);
      }
      if (ports.has(port.nodePort))
        fail(name, [invalidField(field, port.nodePort, 'provided port is already allocated')]);
    } else {
      const n = pick(rng, NODE_PORT_MIN, NODE_PORT_MAX, PORT_STATIC_BAND, (c) => ports.has(c));
      if (n === undefined) fail(name, [invalidField(`spec.ports[${i}].nodePort`, 0, 'range is full')]);
      port.nodePort = n;
    }
    ports.add(port.nodePort);
  });
}
