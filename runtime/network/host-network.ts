import { CancelledError, type CancelSignal } from '../cancel';
import { sleep, type Clock } from '../clock';
import type { ApiHandler, ResponseStream } from '../api/types';
import type { Listener } from '../images/types';
import type { Rng } from '../rng';
import type { PodNetwork } from './cluster-network';
import { apiServerEndpoint } from './host-network-api';
import { listenerEndpoint } from './host-network-http';
import { kubeletEndpoint, type ServerCertificate } from './host-network-tls';

export type { ServerCertificate } from './host-network-tls';

// The learner's host as a machine on minikube's docker network (the docker driver): its own
// loopback, where `kubectl proxy` and `port-forward` listen; the node containers on
// 192.168.49.0/24 (the API server on 192.168.49.2:8443, kubelets on :10250, NodePorts through
// kube-proxy's rules, and hostNetwork pods); and nothing else. Pod and Service addresses are not routed to the host, so
// connections to them time out; the host has no Internet either.

/** One HTTP request as a client sends it. */
export interface HttpRequestMessage {
  method: string;
  /** The request target: path and query (`/api/v1/pods?limit=1`). */
  target: string;
  /** The headers in the order sent, names as the client wrote them (HTTP/2 lower-cases them). */
  headers: ReadonlyArray<readonly [string, string]>;
  body: string;
}

/** One HTTP response as the client reads it off the wire. */
export interface HttpResponseMessage {
  /** `HTTP/1.1`, `HTTP/1.0` or `HTTP/2`. */
  version: string;
  status: number;
  /** The reason phrase of the status line (HTTP/1.x); empty for HTTP/2. */
  reason: string;
  /** The headers in the order the server sent them, names as it wrote them. */
  headers: Array<[string, string]>;
  /** The whole body; empty when `stream` carries it. */
  body: string;
  /** A body that keeps coming (a watch) until the server ends it or the client closes it. */
  stream?: ResponseStream;
}

/** What a TLS server presents in its handshake. */
export interface TlsServer {
  certificate: ServerCertificate;
  /** The ALPN protocols it accepts, preferred first (`h2`, `http/1.1`). */
  alpn: readonly string[];
  /** Whether it asks for a client certificate (kube-apiserver and kubelets do, and accept none). */
  requestsClientCertificate: boolean;
}

/** How the client talks on a connection: TLS first or not, then HTTP/1.1 or HTTP/2. */
export interface ExchangeOptions {
  tls: boolean;
  /** HTTP/2 needs TLS and a server that accepted `h2` by ALPN. */
  protocol: 'http/1.1' | 'h2';
}

/** An open TCP connection. */
export interface HostConnection {
  /** The peer's address and port. */
  readonly address: string;
  readonly port: number;
  /** The server's side of a TLS handshake; undefined when it speaks plain TCP (a TLS hello fails). */
  readonly tls?: TlsServer;
  /**
   * One HTTP exchange. A plain request to a TLS server gets what that server answers such bytes
   * with (Go's `400 Bad Request`); a server that speaks no HTTP answers nothing (rejects with
   * EmptyReplyError).
   */
  exchange(request: HttpRequestMessage, options: ExchangeOptions): Promise<HttpResponseMessage>;
}

/** What answers on a connection, apart from where it leads. */
export type ServerEndpoint = Omit<HostConnection, 'address' | 'port'>;

/** Why a connection could not be opened, with the kernel's text (strerror). */
export type ConnectFailure = 'refused' | 'timeout' | 'unreachable';

const FAILURE_TEXT: Record<ConnectFailure, string> = {
  refused: 'Connection refused',
  timeout: 'Connection timed out',
  unreachable: 'No route to host',
};

/** A failed connect(2). */
export class ConnectError extends Error {
  constructor(
    readonly kind: ConnectFailure,
    /** strerror of the failure: `Connection refused`, `Network is unreachable`… */
    readonly reason = FAILURE_TEXT[kind],
  ) {
    super(reason);
    this.name = 'ConnectError';
  }
}

/** The server closed the connection without a reply (a socket that speaks no HTTP). */
export class EmptyReplyError extends Error {
  constructor() {
    super('Empty reply from server');
    this.name = 'EmptyReplyError';
  }
}

/** The learner's host's view of the network. */
export interface HostNetwork {
  /**
   * The addresses `name` resolves to: an IP literal is itself; on the learner's host other names
   * come from /etc/hosts, and no name server knows cluster names (or any other); in a container
   * the resolver asks the pod's name servers.
   */
  resolve(name: string): string[] | Promise<string[]>;
  /**
   * Opens a TCP connection to `address:port`, taking as long as the real one on the clock (a
   * black-holed address: the kernel's SYN retries, over two minutes). Rejects with ConnectError,
   * or CancelledError once `signal` fires.
   */
  connect(address: string, port: number, signal: CancelSignal): Promise<HostConnection>;
  /**
   * Serves `listener` on `address:port` of the host (`127.0.0.1`, or `0.0.0.0` for every
   * address) until the result is called: `kubectl proxy`, `kubectl port-forward`. Throws
   * EADDRINUSE when the port is taken.
   */
  listen(address: string, port: number, listener: Listener): () => void;
}

/** A host with no network at all (no HostNetwork was wired in): no names, no routes. */
export const OFFLINE_NETWORK: HostNetwork = {
  resolve: (name) => (/^[\d.]+$|:/.test(name) ? [name.replace(/^\[(.*)\]$/, '$1')] : []),
  connect: () => Promise.reject(new ConnectError('unreachable', 'Network is unreachable')),
  listen: () => () => {},
};

/** minikube's node address, where the API server listens (the docker driver's first node). */
export const CONTROL_PLANE_ADDRESS = '192.168.49.2';
/** The API server's port. */
export const API_SERVER_PORT = 8443;
/** The host's own address on minikube's docker network (its gateway). */
export const HOST_BRIDGE_ADDRESS = '192.168.49.1';
/** How long a connect to a black-holed address takes: Linux's six SYN retries (measured). */
export const SYN_TIMEOUT_MS = 133_402;
/** How long a connect to an address nobody answers ARP for on the bridge takes. */
export const ARP_TIMEOUT_MS = 3_072;

/** What the host network is built from. */
export interface HostNetworkDeps {
  clock: Clock;
  /** Audit IDs and the API server's flow-schema UIDs. */
  rng: Rng;
  /** The API server. */
  api: ApiHandler;
  /** The cluster's sockets: kubelets and listeners on node addresses. */
  pods: PodNetwork;
  /** The host's /etc/hosts now (the learner may edit it); undefined when it is missing. */
  hostsFile(): string | undefined;
  /** The API server's certificate; minikube's (API_SERVER_CERTIFICATE) by default. */
  apiCertificate?: ServerCertificate;
}

/** The addresses /etc/hosts gives `name` (IPv4 first, as glibc orders them). */
export function hostsLookup(hosts: string, name: string): string[] {
  const found: string[] = [];
  for (const line of hosts.split('\n')) {
    const [address, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (address && names.some((n) => n.toLowerCase() === name.toLowerCase()) && !found.includes(address))
      found.push(address);
  }
  return [...found.filter((a) => !a.includes(':')), ...found.filter((a) => a.includes(':'))];
}

const isIpv4 = (text: string): boolean =>
  /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(text) && text.split('.').every((p) => Number(p) <= 255);

/** Whether `ip` lies in `base`/`bits` (IPv4). */
function inSubnet(ip: string, base: string, bits: number): boolean {
  if (!isIpv4(ip)) return false;
  const value = (a: string): number => a.split('.').reduce((n, p) => n * 256 + Number(p), 0);
  const size = 2 ** (32 - bits);
  return Math.floor(value(ip) / size) === Math.floor(value(base) / size);
}

const isLoopback = (ip: string): boolean => inSubnet(ip, '127.0.0.0', 8) || ip === '::1';

/** A host network over the cluster's API server and sockets. */
export function createHostNetwork(deps: HostNetworkDeps): HostNetwork {
  const hostListeners = new Map<string, Listener>();
  // The API server listens on the control plane node: the host reaches it there, pods through
  // the kubernetes Service (10.96.0.1:443, whose endpoint it is).
  deps.pods.listen(CONTROL_PLANE_ADDRESS, API_SERVER_PORT, { protocol: 'TCP', endpoint: apiServerEndpoint(deps) });

  /** The host listener an address reaches: bound to it exactly, or to every address. */
  const hostListener = (ip: string, port: number): Listener | undefined =>
    hostListeners.get(`${ip}:${port}`) ?? hostListeners.get(`${ip.includes(':') ? '::' : '0.0.0.0'}:${port}`);

  /**
   * `minikube tunnel` on the docker driver: while it runs, a LoadBalancer service's ingress IP
   * is 127.0.0.1 and an SSH forward carries the host's loopback port to the service.
   */
  const tunnelled = (ip: string, port: number): Listener | undefined => {
    if (ip !== '127.0.0.1') return undefined;
    const destination = deps.pods.destination(ip, port, 'TCP', ip);
    return destination.kind === 'listener' ? destination.listener : undefined;
  };

  async function connect(ip: string, port: number, signal: CancelSignal): Promise<HostConnection> {
    if (signal.aborted) throw new CancelledError();
    const own = isLoopback(ip) || ip === HOST_BRIDGE_ADDRESS || ip === '127.0.1.1';
    if (own) {
      const listener = hostListener(ip, port) ?? tunnelled(ip, port);
      if (!listener) throw new ConnectError('refused');
      return { address: ip, port, ...listenerEndpoint(listener, isLoopback(ip) ? '127.0.0.1' : ip, deps.clock) };
    }
    const node = ip === CONTROL_PLANE_ADDRESS || deps.pods.kubelet(ip, 10250) !== undefined;
    if (node) {
      const kubelet = port === 10250 ? deps.pods.kubelet(ip, port) : undefined;
      if (kubelet) return { address: ip, port, ...kubeletEndpoint(deps.clock) };
      // NodePorts through kube-proxy's rules, then the node's own sockets (the API server,
      // hostNetwork pods).
      const destination = deps.pods.destination(ip, port, 'TCP', HOST_BRIDGE_ADDRESS);
      if (destination.kind !== 'listener') throw new ConnectError('refused');
      const { listener } = destination;
      return {
        address: ip,
        port,
        ...(listener.endpoint ?? listenerEndpoint(listener, HOST_BRIDGE_ADDRESS, deps.clock)),
      };
    }
    if (inSubnet(ip, '192.168.49.0', 24)) {
      // No container has the address: ARP goes unanswered, then EHOSTUNREACH.
      await sleep(deps.clock, ARP_TIMEOUT_MS, signal);
      throw new ConnectError('unreachable');
    }
    if (inSubnet(ip, '10.244.0.0', 16) || inSubnet(ip, '10.96.0.0', 12)) {
      // Pod and Service addresses leave by the default route and nothing answers the SYNs.
      await sleep(deps.clock, SYN_TIMEOUT_MS, signal);
      throw new ConnectError('timeout');
    }
    throw new ConnectError('unreachable', 'Network is unreachable');
  }

  return {
    resolve(name) {
      const bare = name.replace(/^\[(.*)\]$/, '$1');
      if (isIpv4(bare) || bare.includes(':')) return [bare];
      return hostsLookup(deps.hostsFile() ?? '', bare);
    },
    connect,
    listen(address, port, listener) {
      const key = `${address}:${port}`;
      if (hostListeners.has(key)) throw new Error('EADDRINUSE');
      hostListeners.set(key, listener);
      return () => {
        if (hostListeners.get(key) === listener) hostListeners.delete(key);
      };
    },
  };
}
