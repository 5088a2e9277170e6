import type { HttpRequest, HttpResponse, Listener } from '../images/types';
import { canonicalHeaderKey, goDate } from '../network/host-network-http';
import { utf8Length } from '../util/utf8';
import { KUBECTL_USER_AGENT } from './kubectl-client';
import { fail, type KubectlContext, type KubectlSubcommand } from './subcommand';

// `kubectl proxy` (pkg/cmd/proxy and pkg/proxy/proxy_server.go): the API server served on the
// host's loopback without credentials, behind kubectl's filter (accepted hosts, rejected paths
// and methods: exec and attach are refused by default).

const DEFAULT_ACCEPT_HOSTS = '^localhost$,^127\\.0\\.0\\.1$,^\\[::1\\]$';
const DEFAULT_ACCEPT_PATHS = '^.*';
const DEFAULT_REJECT_PATHS = '^/api/.*/pods/.*/exec,^/api/.*/pods/.*/attach';
const DEFAULT_REJECT_METHODS = '^$';

/** A comma-separated list of Go regular expressions (MakeRegexpArray); throws on a bad one. */
function regexps(text: string): RegExp[] {
  return text === '' ? [] : text.split(',').map((part) => new RegExp(part));
}

const matches = (text: string, list: readonly RegExp[]): boolean => list.some((re) => re.test(text));

/** The request's host without its port (extractHost over net.SplitHostPort). */
function hostOf(header: string): string {
  const bracketed = /^\[(.*)\]:\d*$/.exec(header);
  if (bracketed) return bracketed[1];
  const parts = header.split(':');
  return parts.length === 2 ? parts[0] : header;
}

/** What net/http's http.Error writes: the text and a newline, as plain text not to be sniffed. */
const httpError = (status: number, text: string): HttpResponse => ({
  status,
  headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  body: `${text}\n`,
});

/** Hop-by-hop headers a reverse proxy does not pass on. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host',
]);

/** Upstream (HTTP/2) declares a body's length when it fits the API server's 4 KiB write buffer. */
const H2_BUFFER = 4096;

/**
 * The headers kubectl's reverse proxy writes back: the API server's, canonicalized and without
 * hop-by-hop ones (httputil.ReverseProxy), in the sorted order Go's server writes a header map
 * in; a body too long for upstream to have declared its length goes out chunked, after them.
 */
function relayedHeaders(upstream: Record<string, string>, body: string, now: number): Record<string, string> {
  const map: Record<string, string> = { 'Cache-Control': 'no-cache, private', Date: goDate(now) };
  for (const [key, value] of Object.entries(upstream))
    if (!HOP_BY_HOP.has(key.toLowerCase())) map[canonicalHeaderKey(key)] = value;
  const length = utf8Length(body);
  if (length <= H2_BUFFER) map['Content-Length'] ??= String(length);
  const sorted: Record<string, string> = {};
  for (const key of Object.keys(map).sort()) sorted[key] = map[key];
  if (sorted['Content-Length'] === undefined) sorted['Transfer-Encoding'] = 'chunked';
  return sorted;
}

async function runProxy(ctx: KubectlContext): Promise<number> {
  const flag = (name: string, fallback: string): string => (ctx.flags.get(name) as string | undefined) ?? fallback;
  const port = (ctx.flags.get('port') as number | undefined) ?? 8001;
  const address = flag('address', '127.0.0.1');
  let apiPrefix = flag('api-prefix', '/');
  if (!apiPrefix.endsWith('/')) apiPrefix += '/';
  const filter = ctx.flags.get('disable-filter') === true;
  let acceptHosts: RegExp[], acceptPaths: RegExp[], rejectPaths: RegExp[], rejectMethods: RegExp[];
  try {
    acceptHosts = regexps(flag('accept-hosts', DEFAULT_ACCEPT_HOSTS));
    acceptPaths = regexps(flag('accept-paths', DEFAULT_ACCEPT_PATHS));
    rejectPaths = regexps(flag('reject-paths', DEFAULT_REJECT_PATHS));
    rejectMethods = regexps(flag('reject-methods', DEFAULT_REJECT_METHODS));
  } catch (error) {
    return fail(ctx.stderr, (error as Error).message);
  }
  const accept = (request: HttpRequest): boolean => {
    if (filter) return true;
    const path = request.path.split('?')[0];
    if (matches(path, rejectPaths) || matches(request.method, rejectMethods)) return false;
    return matches(path, acceptPaths) && matches(hostOf(request.headers.host ?? ''), acceptHosts);
  };
  const listener: Listener = {
    protocol: 'TCP',
    http: async (request) => {
      if (!accept(request)) return httpError(403, 'Forbidden');
      if (!request.path.startsWith(apiPrefix)) return httpError(404, '404 page not found');
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.headers)) if (!HOP_BY_HOP.has(key)) headers[key] = value;
      headers['user-agent'] ??= KUBECTL_USER_AGENT;
      const response = await ctx.api.handler({
        method: request.method,
        path: `/${request.path.slice(apiPrefix.length)}`,
        headers,
        body: request.body,
      });
      let body = response.body;
      // A watch's stream is read to its end: the host's HTTP carries whole bodies.
      if (response.stream) for await (const chunk of response.stream) body += chunk;
      return { status: response.status, headers: relayedHeaders(response.headers, body, ctx.clock.now()), body };
    },
  };
  let close: () => void = () => {};
  const chosen = port === 0 ? 40000 + (ctx.clock.now() % 20000) : port;
  try {
    if (ctx.network) close = ctx.network.listen(address, chosen, listener);
  } catch {
    return fail(ctx.stderr, `listen tcp ${address}:${chosen}: bind: address already in use`);
  }
  await ctx.stdout.write(`Starting to serve on ${address.includes(':') ? `[${address}]` : address}:${chosen}\n`);
  // Serves until Ctrl-C, which kills kubectl (it does not catch the interrupt).
  await new Promise<void>((resolve) => ctx.signal.onAbort(resolve));
  close();
  return 130;
}

/** `kubectl proxy`. */
export const proxy: KubectlSubcommand = {
  name: 'proxy',
  flags: [
    { name: 'accept-hosts', type: 'string' },
    { name: 'accept-paths', type: 'string' },
    { name: 'address', type: 'string' },
    { name: 'api-prefix', type: 'string' },
    { name: 'append-server-path', type: 'bool' },
    { name: 'disable-filter', type: 'bool' },
    { name: 'keepalive', type: 'string' },
    { name: 'port', short: 'p', type: 'int' },
    { name: 'reject-methods', type: 'string' },
    { name: 'reject-paths', type: 'string' },
    { name: 'unix-socket', short: 'u', type: 'string' },
    { name: 'www', short: 'w', type: 'string' },
    { name: 'www-prefix', short: 'P', type: 'string' },
  ],
  run: runProxy,
};
