import type { Status } from './status';
import type { ApiRequest, ApiResponse } from './types';

/** The container a log, exec or attach request is for. */
export interface ContainerTarget {
  namespace: string;
  pod: string;
  container: string;
}

/** PodLogOptions as the kubelet receives them. */
export interface LogOptions {
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  sinceSeconds?: number;
  /** RFC 3339. */
  sinceTime?: string;
  tailLines?: number;
  limitBytes?: number;
  /** Which of the container's streams: All (the default), Stdout or Stderr. */
  stream: 'All' | 'Stdout' | 'Stderr';
}

/** Which streams an exec or attach carries. */
export interface StreamOptions {
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
  tty: boolean;
}

export interface ExecOptions extends StreamOptions {
  command: string[];
}

/**
 * A running exec or attach, as the remotecommand protocol carries it: stdin and terminal sizes
 * from the client; stdout (1) and stderr (2) back; then one Status — Success, or Failure with
 * reason NonZeroExitCode and the exit code as a cause.
 */
export interface StreamSession {
  /** Data for the process's stdin; `null` closes it. */
  stdin(data: Uint8Array | null): void;
  /** The client's terminal is now `width`×`height` (tty only). */
  resize(width: number, height: number): void;
  /** The process's output, until it ends. */
  output: AsyncIterable<[1 | 2, Uint8Array]>;
  /** Settles once the output has ended. */
  result: Promise<Status>;
  /** The client went away. */
  close(): void;
}

/**
 * What a node's kubelet serves on its port (10250): what the API server proxies logs, exec,
 * attach and nodes/proxy to. Errors come back as non-2xx responses with a plain-text body, as
 * the kubelet writes them; exec and attach throw a StatusError instead of opening a session.
 */
export interface KubeletServer {
  containerLogs(target: ContainerTarget, options: LogOptions): Promise<ApiResponse>;
  exec(target: ContainerTarget, options: ExecOptions): Promise<StreamSession>;
  attach(target: ContainerTarget, options: StreamOptions): Promise<StreamSession>;
  /** Any other path (`/healthz`, `/pods`, `/stats/summary`, …), for nodes/proxy. */
  serve(request: ApiRequest): Promise<ApiResponse>;
}

/** A failed connection, with Go's net error text: `dial tcp 10.244.0.5:80: connect: connection refused`. */
export class DialError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DialError';
  }
}

/** The text of a refused connection to `host:port`. */
export const connectionRefused = (host: string, port: number): DialError =>
  new DialError(`dial tcp ${host}:${port}: connect: connection refused`);

/**
 * How the API server reaches the cluster's machines: kubelets on the node addresses and HTTP
 * listeners on pod addresses. The kubelet and network parts of the cluster provide it.
 */
export interface ClusterNetwork {
  /** The kubelet listening on `address`:`port`, if there is one. */
  kubelet(address: string, port: number): KubeletServer | undefined;
  /** One HTTP exchange with `ip`:`port`; rejects with a DialError when nothing answers. */
  http(ip: string, port: number, request: ApiRequest): Promise<ApiResponse>;
}

/** A network with nothing on it yet: every connection is refused. */
export const EMPTY_NETWORK: ClusterNetwork = {
  kubelet: () => undefined,
  http: (ip, port) => Promise.reject(connectionRefused(ip, port)),
};
