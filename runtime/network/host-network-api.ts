import type { Clock } from '../clock';
import type { ApiHandler, ApiResponse } from '../api/types';
import type { UserInfo } from '../api/user';
import { randomUuid, type Rng } from '../rng';
import { utf8Length } from '../util/utf8';
import type { ServerEndpoint, HttpRequestMessage, HttpResponseMessage } from './host-network';
import { canonicalHeaderKey, goDate, PLAIN_REQUEST_TO_TLS_SERVER, reasonPhrase } from './host-network-http';
import { API_SERVER_CERTIFICATE, type ServerCertificate } from './host-network-tls';

// kube-apiserver on 192.168.49.2:8443 as a client on the host meets it: TLS with minikube's
// certificate (HTTP/2 or HTTP/1.1 by ALPN), the authentication filter (a bearer token, or
// nobody: system:anonymous), and the headers its filters and Go's HTTP servers add to what the
// handler answers (Audit-Id, Cache-Control, the priority-and-fairness UIDs, Date, Content-Length).
// The host has no client certificate: that is kubectl's, through its kubeconfig.

/** The user of requests without credentials (anonymous auth is on in minikube). */
const ANONYMOUS: UserInfo = { username: 'system:anonymous', groups: ['system:unauthenticated'] };

/** Go's HTTP/2 server declares Content-Length for bodies that fit its 4 KiB write buffer. */
const H2_BUFFER = 4096;
/** Go's HTTP/1.1 server sends a Content-Length up to 2 KiB, then chunks. */
const HTTP1_BUFFER = 2048;

const HEALTH = /^\/(healthz|livez|readyz)(\/|$|\?)/;

/** The built-in FlowSchema (and its priority level) that classifies a request from `user`. */
function flowSchema(user: UserInfo, path: string): [string, string] {
  if (HEALTH.test(path)) return ['probes', 'exempt'];
  if (user.username.startsWith('system:serviceaccount:kube-system:'))
    return ['kube-system-service-accounts', 'workload-high'];
  if (user.username.startsWith('system:serviceaccount:')) return ['service-accounts', 'workload-low'];
  return ['global-default', 'global-default'];
}

/** The Impersonate-* headers that make the in-process API server see `user`. */
function impersonation(user: UserInfo): Record<string, string> {
  // The API server adds a service account's groups itself; anyone else's are passed on.
  const own = user.username.startsWith('system:serviceaccount:')
    ? []
    : user.groups.filter((g) => g !== 'system:authenticated');
  const headers: Record<string, string> = { 'impersonate-user': user.username };
  if (own.length > 0) headers['impersonate-group'] = own.join(',');
  if (user.uid) headers['impersonate-uid'] = user.uid;
  for (const [key, values] of Object.entries(user.extra ?? {})) headers[`impersonate-extra-${key}`] = values.join(',');
  return headers;
}

function failure(code: number, reason: string, message: string, details?: Record<string, string>): unknown {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, details, code };
}

/**
 * A Status the filters write: indented for the tools people read it with (curl, wget,
 * browsers), with no line break after (json.MarshalIndent); compact with one (json.Encoder).
 */
function statusResponse(headers: Record<string, string>, code: number, value: unknown): ApiResponse {
  const pretty = /^(curl|Wget|Mozilla\/5\.0)/.test(headers['user-agent'] ?? '');
  const body = pretty ? JSON.stringify(value, null, 2) : `${JSON.stringify(value)}\n`;
  return { status: code, headers: { 'content-type': 'application/json' }, body };
}

/** What the API server's filters answer before its handler, and the user otherwise. */
async function authenticate(
  api: ApiHandler,
  headers: Record<string, string>,
): Promise<{ user: UserInfo } | { status: number; value: unknown }> {
  const credentials = headers.authorization;
  let user = ANONYMOUS;
  if (credentials !== undefined) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(credentials)?.[1];
    const review = token ? await reviewToken(api, token) : undefined;
    if (!review) return { status: 401, value: failure(401, 'Unauthorized', 'Unauthorized') };
    user = review;
  }
  const impersonated = headers['impersonate-user'];
  if (impersonated !== undefined) {
    // Nobody the host can authenticate as may impersonate (no RBAC grants it to them).
    const message = `users ${JSON.stringify(impersonated)} is forbidden: User ${JSON.stringify(user.username)} cannot impersonate resource "users" in API group "" at the cluster scope`;
    return { status: 403, value: failure(403, 'Forbidden', message, { name: impersonated, kind: 'users' }) };
  }
  return { user };
}

/** The user a bearer token stands for, asked of the API server as minikube-user does it. */
async function reviewToken(api: ApiHandler, token: string): Promise<UserInfo | undefined> {
  const response = await api({
    method: 'POST',
    path: '/apis/authentication.k8s.io/v1/tokenreviews',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token } }),
  });
  if (response.status !== 201 && response.status !== 200) return undefined;
  const status = (JSON.parse(response.body) as { status?: { authenticated?: boolean; user?: UserInfo } }).status;
  return status?.authenticated && status.user ? { ...status.user, groups: status.user.groups ?? [] } : undefined;
}

/** The API server endpoint for a HostNetwork. */
export function apiServerEndpoint(deps: {
  clock: Clock;
  rng: Rng;
  api: ApiHandler;
  apiCertificate?: ServerCertificate;
}): ServerEndpoint {
  const uids = new Map<string, string>();
  const uid = (name: string): string => {
    let value = uids.get(name);
    if (!value) uids.set(name, (value = randomUuid(deps.rng)));
    return value;
  };

  async function exchange(request: HttpRequestMessage, h2: boolean): Promise<HttpResponseMessage> {
    const headers: Record<string, string> = {};
    for (const [name, value] of request.headers) {
      const key = name.toLowerCase();
      headers[key] = key in headers ? `${headers[key]},${value}` : value;
    }
    const auth = await authenticate(deps.api, headers);
    let response: ApiResponse;
    let user = ANONYMOUS;
    if ('status' in auth) response = statusResponse(headers, auth.status, auth.value);
    else {
      user = auth.user;
      const passed = Object.fromEntries(Object.entries(headers).filter(([k]) => k !== 'authorization'));
      response = await deps.api({
        method: request.method,
        path: request.target,
        headers: { ...passed, ...impersonation(user) },
        body: request.body,
      });
    }
    const [schema, level] = flowSchema(user, request.target);
    const type = response.headers['content-type'] ?? '';
    const handler: Array<[string, string]> = [
      ['audit-id', randomUuid(deps.rng)],
      ['cache-control', 'no-cache, private'],
      ...Object.entries(response.headers).map(([k, v]): [string, string] => [k.toLowerCase(), v]),
      ['x-kubernetes-pf-flowschema-uid', uid(`flowschema/${schema}`)],
      ['x-kubernetes-pf-prioritylevel-uid', uid(`prioritylevel/${level}`)],
    ];
    // responsewriters.Forbidden and the health checks mark their bodies not to be sniffed.
    if (response.status === 403 || type.startsWith('text/plain')) handler.push(['x-content-type-options', 'nosniff']);
    handler.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const body = response.stream ? '' : response.body;
    const length = utf8Length(body);
    const date = goDate(deps.clock.now());
    const head = request.method === 'HEAD';
    if (h2) {
      const fits = !response.stream && length <= H2_BUFFER;
      return {
        version: 'HTTP/2',
        status: response.status,
        reason: '',
        headers: [
          ...handler,
          ...(fits ? [['content-length', String(length)] as [string, string]] : []),
          ['date', date],
        ],
        body: head ? '' : body,
        ...(response.stream ? { stream: response.stream } : {}),
      };
    }
    const fits = !response.stream && length <= HTTP1_BUFFER;
    return {
      version: 'HTTP/1.1',
      status: response.status,
      reason: reasonPhrase(response.status),
      headers: [
        ...handler.map(([k, v]): [string, string] => [canonicalHeaderKey(k), v]),
        ['Date', date],
        fits ? ['Content-Length', String(length)] : ['Transfer-Encoding', 'chunked'],
      ],
      body: head ? '' : body,
      ...(response.stream ? { stream: response.stream } : {}),
    };
  }

  return {
    tls: {
      certificate: deps.apiCertificate ?? API_SERVER_CERTIFICATE,
      alpn: ['h2', 'http/1.1'],
      requestsClientCertificate: true,
    },
    exchange: (request, options) =>
      options.tls ? exchange(request, options.protocol === 'h2') : Promise.resolve(PLAIN_REQUEST_TO_TLS_SERVER),
  };
}
