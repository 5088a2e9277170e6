import { connectionRefused, type ClusterNetwork, type KubeletServer } from '../api/node-connection';
import type { ApiRequest, ApiResponse } from '../api/types';
import type { Listener } from '../images/types';
import { decodeUtf8 } from '../util/utf8';
import type { Endpoint } from './socket';

/** kube-proxy's routing of service frontends, as the cluster network consults it. */
export interface ServiceRouting {
  /**
   * Where a connection (or datagram) from `client` to `ip:port` goes: a service endpoint,
   * `refused` (a service port with no ready endpoints), or undefined when `ip:port` is no
   * service frontend. `toNode` says `ip` is a node's, where NodePorts listen.
   */
  route(
    ip: string,
    port: number,
    protocol: 'TCP' | 'UDP',
    client: string,
    toNode: boolean,
  ): Endpoint | 'refused' | undefined;
}

/** Where a connection to an address ends up. */
export type Destination =
  | { kind: 'listener'; listener: Listener; address: string; port: number }
  /** A host that answers with a reset (no socket on the port; a service without endpoints). */
  | { kind: 'refused' }
  /** No host has the address: SYNs (and datagrams) go unanswered. */
  | { kind: 'unroutable' };

/**
 * The cluster's flat network: every listening socket by `ip:port` (pods' processes, and the
 * kubelets on their node addresses), which the API server's proxy, logs and exec, and the
 * kubelets' probes reach; the pods' addresses; and kube-proxy's service routing in front of
 * them (`destination`), which pods' connections and the host's NodePort connections go through.
 */
export class PodNetwork implements ClusterNetwork {
  private readonly listeners = new Map<string, Listener>();
  private readonly kubelets = new Map<string, KubeletServer>();
  /** Pod addresses in use, counted (a pod's containers share one). */
  private readonly hosts = new Map<string, number>();
  private routing: ServiceRouting | undefined;

  /** Puts kube-proxy's routing in front of the sockets; the result takes it away. */
  setServiceRouting(routing: ServiceRouting): () => void {
    this.routing = routing;
    return () => {
      if (this.routing === routing) this.routing = undefined;
    };
  }

  /** A pod sandbox holds `ip` (it answers, if only with resets); the result releases it. */
  addHost(ip: string): () => void {
    this.hosts.set(ip, (this.hosts.get(ip) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const count = (this.hosts.get(ip) ?? 1) - 1;
      if (count > 0) this.hosts.set(ip, count);
      else this.hosts.delete(ip);
    };
  }

  /** Whether a host (a pod sandbox or a node) has `ip`. */
  hasHost(ip: string): boolean {
    return this.hosts.has(ip) || this.isNode(ip);
  }

  /** Whether `ip` is a node's address (a kubelet serves on it). */
  isNode(ip: string): boolean {
    return this.kubelets.has(`${ip}:10250`);
  }

  /**
   * Where a connection from `client` to `ip:port` goes: through the service routing, then to
   * the socket listening there for `protocol`; a known host without one refuses.
   */
  destination(ip: string, port: number, protocol: 'TCP' | 'UDP', client: string): Destination {
    const toNode = this.isNode(ip);
    const routed = this.routing?.route(ip, port, protocol, client, toNode);
    if (routed === 'refused') return { kind: 'refused' };
    const target = routed ?? { address: ip, port };
    const listener = this.listener(target.address, target.port);
    if (listener && listener.protocol === protocol) return { kind: 'listener', listener, ...target };
    return routed !== undefined || this.hasHost(target.address) ? { kind: 'refused' } : { kind: 'unroutable' };
  }

  /** Listens on `ip:port`; throws EADDRINUSE when taken. The result closes the socket. */
  listen(ip: string, port: number, listener: Listener): () => void {
    const key = `${ip}:${port}`;
    if (this.listeners.has(key)) throw new Error('EADDRINUSE');
    this.listeners.set(key, listener);
    return () => {
      if (this.listeners.get(key) === listener) this.listeners.delete(key);
    };
  }

  listener(ip: string, port: number): Listener | undefined {
    return this.listeners.get(`${ip}:${port}`);
  }

  /** A kubelet serving on `address:port` (10250). */
  addKubelet(address: string, port: number, server: KubeletServer): () => void {
    const key = `${address}:${port}`;
    this.kubelets.set(key, server);
    return () => {
      if (this.kubelets.get(key) === server) this.kubelets.delete(key);
    };
  }

  kubelet(address: string, port: number): KubeletServer | undefined {
    return this.kubelets.get(`${address}:${port}`);
  }

  async http(ip: string, port: number, request: ApiRequest): Promise<ApiResponse> {
    const listener = this.listener(ip, port);
    if (!listener?.http) throw connectionRefused(ip, port);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
    const body = typeof request.body === 'string' ? request.body : request.body ? decodeUtf8(request.body) : '';
    const response = await listener.http({
      method: request.method,
      path: request.path,
      headers,
      body,
      remoteAddress: '192.168.49.2',
    });
    const lower: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) lower[name.toLowerCase()] = value;
    return { status: response.status, headers: lower, body: response.body, wireHeaders: response.headers };
  }
}
