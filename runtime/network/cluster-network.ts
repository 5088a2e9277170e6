import { connectionRefused, type ClusterNetwork, type KubeletServer } from '../api/node-connection';
import type { ApiRequest, ApiResponse } from '../api/types';
import type { Listener } from '../images/types';
import { decodeUtf8 } from '../util/utf8';

/**
 * The cluster's flat network, as far as it goes so far: every listening socket by `ip:port`
 * (pods' processes, and the kubelets on their node addresses), which the API server's proxy,
 * logs and exec, and the kubelets' probes reach. Service routing and DNS build on it.
 */
export class PodNetwork implements ClusterNetwork {
  private readonly listeners = new Map<string, Listener>();
  private readonly kubelets = new Map<string, KubeletServer>();

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
    return { status: response.status, headers: lower, body: response.body };
  }
}
