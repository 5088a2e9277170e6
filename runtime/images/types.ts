import type { ApiHandler } from '../api/types';
import type { CancelSignal } from '../cancel';
import type { Clock } from '../clock';
import type { DnsQuery, DnsResponse } from '../network/dns-types';
import type { HostConnection, ServerEndpoint } from '../network/host-network';
import type { Socket } from '../network/socket';
import type { Volume } from '../shell/fs/volume';

/** Where a process writes: stdout or stderr (the container's log), or a stream back to a client. */
export interface OutputStream {
  write(text: string): void;
}

/** The signals the kubelet and the container runtime send. */
export type ProcessSignal = 'SIGTERM' | 'SIGKILL' | 'SIGINT' | 'SIGQUIT' | 'SIGHUP';

/**
 * What a running container (or an exec in one) gets: as a process on a Linux host would, plus
 * the cluster clock. `signals` delivers what the process has not left to the default action:
 * a process that registers no handler dies of SIGTERM, except as PID 1, where the kernel ignores
 * signals it does not handle (so `sleep` as PID 1 lives until SIGKILL).
 */
export interface ProcessContext {
  argv: string[];
  env: Record<string, string>;
  /** The working directory (absolute). */
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Text typed into the process's stdin, in chunks; ends when stdin closes. */
  stdin?: AsyncIterable<string>;
  tty: boolean;
  fs: Volume;
  clock: Clock;
  hostname: string;
  /** When the container started (epoch ms): a resumed process replays its start from here. */
  startedAt: number;
  /** PID 1 of its container. */
  pid1: boolean;
  /** Registers a handler for catchable signals; the result unregisters it. */
  onSignal(handler: (signal: ProcessSignal) => void): () => void;
  /** The program `name` on the image's PATH (a bare name or an absolute path). */
  program(name: string): Program | undefined;
  /** Listens on `port` of the pod's addresses; throws EADDRINUSE. The result closes it. */
  listen(port: number, listener: Listener): () => void;
  /** The processes of the container's PID namespace, as ps lists them; absent outside a container. */
  processes?(): ContainerProcess[];
  /** Outgoing connections and DNS queries; absent where the process has no network. */
  net?: ContainerNetwork;
  /**
   * The API server as in-cluster clients reach it (`https://kubernetes.default.svc` with the
   * pod's service account): what CoreDNS watches. Absent where the process has no cluster.
   */
  kubernetes?: ApiHandler;
  /**
   * Fires when the container exits (PID 1 ended, or SIGKILL): anything of the process still
   * running — a shell loop, a timer — must stop then.
   */
  ended?: CancelSignal;
  /** Runs `program` as a child with `argv` and the same streams, files and environment. */
  spawn(program: Program, argv: string[]): Promise<number>;
  /**
   * Burns `millicores` of CPU and holds `memoryBytes` more memory in the container's usage
   * (what `kubectl top` and the HPA see) until the result is called. Absent where nothing meters
   * the process.
   */
  load?(millicores: number, memoryBytes?: number): () => void;
}

/** One process of a container, as /proc shows it. */
export interface ContainerProcess {
  pid: number;
  uid: number;
  /** CPU time used, in seconds. */
  cpuSeconds: number;
  argv: string[];
}

/** One HTTP request reaching a listener. */
export interface HttpRequest {
  method: string;
  /** The request target: path and query. */
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
  /** The client's address. */
  remoteAddress: string;
}

export interface HttpResponse {
  /** The status line's protocol when not `HTTP/1.1` (Go answers a plain request to TLS in HTTP/1.0). */
  version?: string;
  status: number;
  /** The reason phrase the server writes (nginx's `405 Not Allowed`); else the standard one. */
  statusText?: string;
  /** Header names as the server writes them. */
  headers: Record<string, string>;
  body: string;
}

/**
 * A socket a process listens on. The traffic model speaks HTTP at the request level (`http`),
 * other TCP protocols as streams (`accept`, e.g. RESP for redis), and DNS as queries on UDP
 * (`dns`, CoreDNS on port 53). A listener with none of them accepts and ignores connections.
 */
export interface Listener {
  protocol: 'TCP' | 'UDP';
  http?: (request: HttpRequest) => Promise<HttpResponse>;
  /** A new connection; the server reads `socket.input` and writes back until either side ends. */
  accept?: (socket: Socket) => void;
  /** One DNS question from `remoteAddress`. */
  dns?: (query: DnsQuery, remoteAddress: string) => Promise<DnsResponse>;
  /** A server met at the message level, TLS included (the API server on the node's 8443). */
  endpoint?: ServerEndpoint;
}

/**
 * The network as a container's processes see it: the pod's address, and connections that go
 * through the cluster's routing (Service IPs to ready endpoints as kube-proxy does, pod IPs, the
 * node's address, the outside world). Failures reject with a `NetError` (ECONNREFUSED, …).
 */
export interface ContainerNetwork {
  /** The pod's IP (the node's for hostNetwork pods). */
  readonly address: string;
  /** A TCP connection to `ip:port`. */
  connect(ip: string, port: number): Promise<Socket>;
  /** One HTTP exchange with `ip:port` (what wget and curl send). */
  http(ip: string, port: number, request: Omit<HttpRequest, 'remoteAddress'>): Promise<HttpResponse>;
  /** A connection to `ip:port` as an HTTP client drives it, TLS included (curl's transfers). */
  dial?(ip: string, port: number): Promise<HostConnection>;
  /** One DNS question to the nameserver at `server` (port 53); ETIMEDOUT when nothing answers. */
  query(server: string, query: DnsQuery): Promise<DnsResponse>;
  /**
   * Whether an ICMP echo to `ip` gets a reply, at once: loopback, the pod itself, other pods,
   * the nodes and the host's bridge do; Service IPs (kube-proxy translates only their ports) and
   * addresses no host has do not.
   */
  answersPing?(ip: string): boolean;
}

/** A program inside an image: runs to an exit code. */
export type Program = (ctx: ProcessContext) => Promise<number>;

/** An image's configuration, as `docker inspect` shows its Config. */
export interface ImageConfig {
  entrypoint?: string[];
  cmd?: string[];
  env?: Record<string, string>;
  workingDir?: string;
  exposedPorts?: string[];
  stopSignal?: ProcessSignal;
}

/**
 * A simulated image: its repository and tags, what pulling it costs, its filesystem, its
 * configuration and the programs on its PATH (by name; absolute paths resolve through PATH's
 * directories). Images issue 5 fills these in for nginx, redis and busybox.
 */
export interface ImageModule {
  /** Normalised repository, e.g. `docker.io/library/nginx`. */
  repository: string;
  /** The tags the registry has (`latest` included where it has it). */
  tags: RegExp;
  /** Compressed size in bytes (the Pulled event's "Image size"). */
  sizeBytes: number;
  config: ImageConfig;
  /** Files in the image, by absolute path. */
  files(): Record<string, string>;
  /** When the image's files were made (epoch ms; 0, the epoch, when unknown): their mtime in a container. */
  filesTime?: number;
  /** The image's other top-level directories, empty here (`ls /` shows them); /dev, /proc, /sys, /etc and /tmp every container has. */
  directories?: readonly string[];
  /** Programs by name (`sh`, `nginx`, `redis-server`, …). */
  programs: Record<string, Program>;
  /** The module for one tag, where tags differ (kubernetes-bootcamp's v1 and v2 answer `v=1`, `v=2`). */
  forTag?(tag: string): ImageModule;
}
