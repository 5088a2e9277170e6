import type { Clock } from '../clock';
import type { ApiHandler } from '../api/types';
import type { HttpRequest, HttpResponse, Listener } from '../images/types';
import type { Rng } from '../rng';
import { PodNetwork } from './cluster-network';
import { createHostNetwork, type HostNetwork } from './host-network';
import { API_SERVER_CERTIFICATE } from './host-network-tls';

// Test support: a HostNetwork serving what scripts/oracle/record-curl.js served the real curl and
// wget (the fixture's SERVERS), and the normalisation both the recording and the replay go
// through before they are compared.

/** A route of the oracle's servers (see record-curl.js). */
export interface OracleRoute {
  path: string;
  bearer?: string;
  api?: { status: number; type: string; body: string; nosniff?: boolean };
  http?: { status: number; headers: Array<[string, string]>; body: string };
  echo?: boolean;
}

/** One of the oracle's servers. */
export interface OracleServer {
  name: string;
  address: string;
  port: number;
  tls?: boolean;
  routes: OracleRoute[];
}

/** What the echo route answers: the request line, its headers in order, a blank line, its body. */
export function echoBody(request: HttpRequest): string {
  const headers = Object.entries(request.headers)
    .map(([k, v]) => `${k}: ${v}\n`)
    .join('');
  return `${request.method} ${request.path}\n${headers}\n${request.body}`;
}

function route(server: OracleServer, path: string, authorization?: string): OracleRoute {
  const bare = path.split('?')[0];
  const found =
    server.routes.find((r) => r.path === bare && (!r.bearer || authorization === `Bearer ${r.bearer}`)) ??
    server.routes.find((r) => r.path === '*');
  if (!found) throw new Error(`no oracle route for ${path}`);
  return found;
}

/** A plain server's routes as a Listener. */
function listener(server: OracleServer): Listener {
  return {
    protocol: 'TCP',
    http: (request): Promise<HttpResponse> => {
      const r = route(server, request.path);
      if (r.echo)
        return Promise.resolve({
          status: 200,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
          body: echoBody(request),
        });
      const http = r.http as NonNullable<OracleRoute['http']>;
      return Promise.resolve({ status: http.status, headers: Object.fromEntries(http.headers), body: http.body });
    },
  };
}

/**
 * The API server's routes as an API handler: bodies as the route gives them; the one bearer
 * token a route names is the only one a TokenReview accepts.
 */
function apiHandler(server: OracleServer): ApiHandler {
  return (request) => {
    if (request.path.startsWith('/apis/authentication.k8s.io/v1/tokenreviews')) {
      const token = (JSON.parse(String(request.body)) as { spec: { token: string } }).spec.token;
      const known = server.routes.some((r) => r.bearer === token && r.api?.status !== 401);
      const status = known
        ? { authenticated: true, user: { username: 'system:serviceaccount:default:robot', groups: [] } }
        : { user: {} };
      return Promise.resolve({
        status: 201,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
    }
    const api = route(server, request.path).api as NonNullable<OracleRoute['api']>;
    return Promise.resolve({ status: api.status, headers: { 'content-type': api.type }, body: api.body });
  };
}

/**
 * The host network of the oracle's recordings, with `hosts` as /etc/hosts and the API server's
 * certificate signed by the recording's CA (`ca`, a PEM).
 */
export function oracleNetwork(servers: OracleServer[], hosts: string, ca: string, clock: Clock, rng: Rng): HostNetwork {
  const pods = new PodNetwork();
  const api = servers.find((s) => s.tls);
  const network = createHostNetwork({
    clock,
    rng,
    api: api ? apiHandler(api) : () => Promise.reject(new Error('no API server')),
    pods,
    hostsFile: () => hosts,
    apiCertificate: { ...API_SERVER_CERTIFICATE, issuerPem: ca },
  });
  for (const server of servers) {
    if (server.tls) continue;
    if (server.address.startsWith('127.')) network.listen(server.address, server.port, listener(server));
    else pods.listen(server.address, server.port, listener(server));
  }
  return network;
}

const PROGRESS = /^(\s*\d+ +\S+ +\d+ +\S+ +\d+ +\S+) +\S+ +\S+ (.{8}) (.{8}) (.{8}) +\S+$/;

/**
 * What may differ between a recording and a replay, made equal: times and dates, UUIDs, memory
 * addresses, the progress meter's speeds and repeated redraws, OpenSSL's second session ticket
 * (Go's servers send one), and transfer rates.
 */
export function normalizeOracleText(text: string, options: { slow?: boolean } = {}): string {
  const out = text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uuid>')
    .replace(/0x[0-9a-f]{8,}/g, '<addr>')
    .replace(/(start|expire) date: .*/g, '$1 date: <date>')
    .replace(/after \d+ ?(ms|milliseconds)/g, 'after <n> $1')
    .replace(/\d+\.\d{6}/g, '<seconds>')
    .replace(
      /\* TLSv1\.3 \(IN\), TLS handshake, Newsession Ticket \(4\):\n\{ \[\d+ bytes data\]\n\* old SSL session ID is stale, removing\n(\{ \[5 bytes data\]\n)?/g,
      '',
    )
    .replace(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/g, '<time>')
    .replace(/\([\d.]+ [KMG]?B\/s\)/g, '(<rate>)')
    .replace(/ +[\d.]+[KMG]?=[\d.]+s/g, ' <rate>')
    .replace(/--\.-KB\/s {4}in [\d.]+s */g, '<rate> in <s>')
    .replace(/wall clock time: [\d.]+s/g, 'wall clock time: <s>')
    .replace(/ in [\d.]+s \(/g, ' in <s> (');
  // The progress meter: speeds masked; a redraw the next one repeats dropped.
  const segments = out.split('\r').map((segment) => {
    const first = segment.split('\n')[0];
    const match = PROGRESS.exec(first);
    if (!match) return segment;
    // A wait on the kernel's timeout lasts a little more or less each time: its seconds blur.
    const spent = options.slow ? '<spent> ' : match[3];
    return `${match[1]} * * ${match[2]} ${spent} ${match[4]} *${segment.slice(first.length)}`;
  });
  return segments
    .filter((segment, i) => i === 0 || segment.includes('\n') || segments[i + 1]?.split('\n')[0] !== segment)
    .join('\r');
}
