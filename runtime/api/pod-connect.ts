import type { KubeObject } from './object';
import type { ObjectStore } from './object-store';
import type {
  ClusterNetwork,
  ContainerTarget,
  ExecOptions,
  KubeletServer,
  LogOptions,
  StreamOptions,
} from './node-connection';
import type { Query } from './request-info';
import type { FieldError } from './resource';
import { nodes } from './resources/nodes';
import { pods } from './resources/pods';
import { badRequest, failure, invalid, type StatusError, unknownError } from './status';
import type { ApiRequest, ApiResponse } from './types';

// pods/log, pods/exec and pods/attach: the API server finds the pod's container and node, then
// hands the request to that node's kubelet (pkg/registry/core/pod/strategy.go, LogLocation and
// streamLocation, and the proxies in pod/rest/log.go and subresources.go).

interface PodContainer {
  name: string;
}

const names = (list: unknown): string[] => (Array.isArray(list) ? list.map((c: PodContainer) => c.name) : []);

/** The container a request names, or the pod's only one; the real errors otherwise. */
export function resolveContainer(pod: KubeObject, requested: string | undefined, name: string): string {
  const spec = (pod.spec ?? {}) as { containers?: unknown; initContainers?: unknown; ephemeralContainers?: unknown };
  const containers = names(spec.containers);
  if (!requested) {
    if (containers.length === 1) return containers[0];
    if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    const init = names(spec.initContainers);
    let message = `a container name must be specified for pod ${name}, choose one of: [${containers.join(' ')}]`;
    if (init.length > 0) message += ` or one of the init containers: [${init.join(' ')}]`;
    throw badRequest(message);
  }
  const all = [...containers, ...names(spec.initContainers), ...names(spec.ephemeralContainers)];
  if (!all.includes(requested)) throw badRequest(`container ${requested} is not valid for pod ${name}`);
  return requested;
}

/** Where a node's kubelet listens: its InternalIP (or first address) and daemon endpoint port. */
export function kubeletEndpoint(objects: ObjectStore, nodeName: string): { address: string; port: number } {
  const node = objects.get(nodes, undefined, nodeName);
  const status = (node.status ?? {}) as {
    addresses?: Array<{ type?: string; address?: string }>;
    daemonEndpoints?: { kubeletEndpoint?: { Port?: number } };
  };
  const addresses = status.addresses ?? [];
  const preferred = ['InternalIP', 'ExternalIP', 'Hostname']
    .map((type) => addresses.find((a) => a.type === type)?.address)
    .find((address) => address);
  return { address: preferred ?? nodeName, port: status.daemonEndpoints?.kubeletEndpoint?.Port || 10250 };
}

/** A boolean query parameter as Go's conversion reads it: present and not `0`/`false` is true. */
function goBool(query: Query, key: string): boolean {
  const values = query.all(key);
  if (values.length === 0) return false;
  return !(values[0] === '0' || values[0].toLowerCase() === 'false');
}

function goInt(query: Query, key: string): number | undefined {
  const value = query.get(key);
  if (value === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(value)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`);
  return Number(value);
}

/** PodLogOptions from the query, validated as ValidatePodLogOptions does. */
function logOptions(query: Query, name: string): LogOptions {
  const options: LogOptions = {
    follow: goBool(query, 'follow'),
    previous: goBool(query, 'previous'),
    timestamps: goBool(query, 'timestamps'),
    stream: (query.get('stream') ?? 'All') as LogOptions['stream'],
  };
  const tailLines = goInt(query, 'tailLines');
  const limitBytes = goInt(query, 'limitBytes');
  const sinceSeconds = goInt(query, 'sinceSeconds');
  const sinceTime = query.get('sinceTime');
  const errors: FieldError[] = [];
  const invalidValue = (field: string, value: number, message: string): void => {
    errors.push({ type: 'FieldValueInvalid', field, message: `Invalid value: ${value}: ${message}` });
  };
  if (tailLines !== undefined) {
    if (tailLines < 0) invalidValue('tailLines', tailLines, 'must be greater than or equal to 0');
    options.tailLines = tailLines;
  }
  if (limitBytes !== undefined) {
    if (limitBytes < 1) invalidValue('limitBytes', limitBytes, 'must be greater than 0');
    options.limitBytes = limitBytes;
  }
  if (sinceSeconds !== undefined && sinceTime !== undefined) {
    errors.push({
      type: 'FieldValueForbidden',
      field: '',
      message: 'Forbidden: at most one of `sinceTime` or `sinceSeconds` may be specified',
    });
  } else if (sinceSeconds !== undefined) {
    if (sinceSeconds < 1) invalidValue('sinceSeconds', sinceSeconds, 'must be greater than 0');
    options.sinceSeconds = sinceSeconds;
  } else if (sinceTime !== undefined) options.sinceTime = sinceTime;
  if (!['All', 'Stdout', 'Stderr'].includes(options.stream)) {
    errors.push({
      type: 'FieldValueNotSupported',
      field: 'stream',
      message: `Unsupported value: ${JSON.stringify(options.stream)}: supported values: "All", "Stderr", "Stdout"`,
    });
  } else if (options.stream !== 'All' && tailLines !== undefined) {
    errors.push({
      type: 'FieldValueForbidden',
      field: '',
      message: 'Forbidden: `tailLines` and specific `stream` are mutually exclusive for now',
    });
  }
  if (errors.length > 0) throw invalid('PodLogOptions', '', name, errors);
  return options;
}

/** The kubelet URL's query, as LogLocation encodes it (keys sorted). */
function logQuery(options: LogOptions): string {
  const params: Array<[string, string]> = [];
  if (options.follow) params.push(['follow', 'true']);
  if (options.limitBytes !== undefined) params.push(['limitBytes', String(options.limitBytes)]);
  if (options.previous) params.push(['previous', 'true']);
  if (options.sinceSeconds !== undefined) params.push(['sinceSeconds', String(options.sinceSeconds)]);
  if (options.sinceTime !== undefined) params.push(['sinceTime', encodeURIComponent(options.sinceTime)]);
  if (options.stream !== 'All') params.push(['stream', options.stream]);
  if (options.tailLines !== undefined) params.push(['tailLines', String(options.tailLines)]);
  if (options.timestamps) params.push(['timestamps', 'true']);
  return params.length ? `?${params.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
}

/** The kubelet of the pod's node, or the failed dial as the API server reports it. */
function podKubelet(
  objects: ObjectStore,
  network: ClusterNetwork,
  nodeName: string,
  describeFailure: (host: string) => string,
): KubeletServer {
  const { address, port } = kubeletEndpoint(objects, nodeName);
  const kubelet = network.kubelet(address, port);
  if (!kubelet) {
    throw unknownError(
      `${describeFailure(`${address}:${port}`)}dial tcp ${address}:${port}: connect: connection refused`,
    );
  }
  return kubelet;
}

/** GET pods/{name}/log: the container's log from its kubelet, as text (streamed with follow). */
export async function podLog(
  objects: ObjectStore,
  network: ClusterNetwork,
  query: Query,
  namespace: string,
  name: string,
): Promise<ApiResponse> {
  const options = logOptions(query, name);
  const pod = objects.get(pods, namespace, name);
  const container = resolveContainer(pod, query.get('container') || undefined, name);
  const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  // A pod no node has taken yet has no log: an empty answer, as upstream.
  if (!nodeName) return { status: 200, headers: { 'content-type': 'text/plain' }, body: '' };
  const path = `/containerLogs/${namespace}/${name}/${container}${logQuery(options)}`;
  const kubelet = podKubelet(objects, network, nodeName, (host) => `Get "https://${host}${path}": `);
  const response = await kubelet.containerLogs({ namespace, pod: name, container }, options);
  if (response.status >= 200 && response.status < 300) {
    return { ...response, headers: { ...response.headers, 'content-type': 'text/plain' } };
  }
  throw kubeletError(response.status, response.body, name);
}

/** A kubelet's error reply as the API server relays it (NewGenericServerResponse for pods/log). */
function kubeletError(code: number, text: string, name: string): StatusError {
  const reasons: Record<number, string> = {
    400: 'BadRequest',
    403: 'Forbidden',
    404: 'NotFound',
    500: 'InternalError',
    503: 'ServiceUnavailable',
  };
  const message = text.trim() || 'the server rejected our request for an unknown reason';
  return failure(code, reasons[code] ?? 'InternalError', message, { name, kind: 'pods/log' });
}

/** The remotecommand subprotocols we speak, in order of preference. */
const CHANNEL_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

/** The subprotocol of a WebSocket upgrade request, or undefined when it is not one. */
function channelProtocol(request: ApiRequest): string | undefined {
  const headers = request.headers ?? {};
  if (!/\bwebsocket\b/i.test(headers.upgrade ?? '')) return undefined;
  const offered = (headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const chosen = offered.find((p) => CHANNEL_PROTOCOLS.includes(p));
  if (!chosen) {
    throw badRequest(
      `requested protocol(s) are not supported: [${offered.join(' ')}]; supports [${CHANNEL_PROTOCOLS.join(' ')}]`,
    );
  }
  return chosen;
}

function streamOptions(query: Query): StreamOptions {
  return {
    stdin: goBool(query, 'stdin'),
    stdout: goBool(query, 'stdout'),
    stderr: goBool(query, 'stderr'),
    tty: goBool(query, 'tty'),
  };
}

/**
 * pods/{name}/exec and pods/{name}/attach: an upgrade to a remotecommand session with the
 * container's kubelet (status 101 with the session; the Node adapter speaks WebSocket for it).
 */
export async function podStream(
  objects: ObjectStore,
  network: ClusterNetwork,
  request: ApiRequest,
  query: Query,
  kind: 'exec' | 'attach',
  namespace: string,
  name: string,
): Promise<ApiResponse> {
  const pod = objects.get(pods, namespace, name);
  const container = resolveContainer(pod, query.get('container') || undefined, name);
  const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
  if (!nodeName) throw badRequest(`pod ${name} does not have a host assigned`);
  const protocol = channelProtocol(request);
  if (!protocol) throw badRequest('Upgrade request required');
  const kubelet = podKubelet(objects, network, nodeName, () => 'error dialing backend: ');
  const target: ContainerTarget = { namespace, pod: name, container };
  const session =
    kind === 'exec'
      ? await kubelet.exec(target, { ...streamOptions(query), command: query.all('command') } satisfies ExecOptions)
      : await kubelet.attach(target, streamOptions(query));
  return {
    status: 101,
    headers: { upgrade: 'websocket', connection: 'Upgrade', 'sec-websocket-protocol': protocol },
    body: '',
    session,
  };
}
