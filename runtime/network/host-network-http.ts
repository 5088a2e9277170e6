import type { Clock } from '../clock';
import type { HttpRequest, HttpResponse, Listener } from '../images/types';
import { utf8Length } from '../util/utf8';
import { EmptyReplyError, type ServerEndpoint, type HttpResponseMessage, type ExchangeOptions } from './host-network';

// HTTP/1.1 as the servers on minikube's network write it: the pods' and the host's listeners
// (nginx, `kubectl proxy`), and what a TLS server answers a plain request with.

const REASONS: Record<number, string> = {
  100: 'Continue',
  101: 'Switching Protocols',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  206: 'Partial Content',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The reason phrase of an HTTP status (Go's http.StatusText; nginx agrees on these). */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An HTTP date (RFC 7231 IMF-fixdate): `Sun, 29 Nov 2026 07:21:11 GMT`. */
export function goDate(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} GMT`;
}

/** Go's canonical header key: `x-kubernetes-pf-flowschema-uid` → `X-Kubernetes-Pf-Flowschema-Uid`. */
export function canonicalHeaderKey(name: string): string {
  return name
    .toLowerCase()
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('-');
}

/** What Go's TLS servers answer a plain-HTTP request with (net/http's server.go). */
export const PLAIN_REQUEST_TO_TLS_SERVER: HttpResponseMessage = {
  version: 'HTTP/1.0',
  status: 400,
  reason: 'Bad Request',
  headers: [],
  body: 'Client sent an HTTP request to an HTTPS server.\n',
};

/**
 * A plain-TCP server answering HTTP/1.1 through `listener`: the request reaches it with
 * lower-case header names (a repeated header's values joined by `, `), from `remoteAddress`;
 * its response goes out with Date and Content-Length added where it sent none (as Go and nginx
 * always send them).
 */
export function listenerEndpoint(listener: Listener, remoteAddress: string, clock: Clock): ServerEndpoint {
  return {
    async exchange(request) {
      const serve = listener.http;
      if (!serve) throw new EmptyReplyError();
      const headers: Record<string, string> = {};
      for (const [name, value] of request.headers) {
        const key = name.toLowerCase();
        headers[key] = key in headers ? `${headers[key]}, ${value}` : value;
      }
      const response = await serve({
        method: request.method,
        path: request.target,
        headers,
        body: request.body,
        remoteAddress,
      });
      const out = Object.entries(response.headers);
      const has = (name: string): boolean => out.some(([k]) => k.toLowerCase() === name);
      if (!has('date')) out.push(['Date', goDate(clock.now())]);
      if (!has('content-length') && !has('transfer-encoding'))
        out.push(['Content-Length', String(utf8Length(response.body))]);
      return {
        version: 'HTTP/1.1',
        status: response.status,
        reason: response.statusText ?? reasonPhrase(response.status),
        headers: out,
        body: request.method === 'HEAD' ? '' : response.body,
      };
    },
  };
}

/** One request-level exchange with a message-level server (`tls` or plain), as HTTP/1.1. */
export async function exchangeWith(
  endpoint: ServerEndpoint,
  request: Omit<HttpRequest, 'remoteAddress'>,
  tls: boolean,
): Promise<HttpResponse> {
  const options: ExchangeOptions = { tls, protocol: 'http/1.1' };
  const message = {
    method: request.method,
    target: request.path,
    headers: Object.entries(request.headers),
    body: request.body,
  };
  const reply = await endpoint.exchange(message, options);
  return {
    ...(reply.version === 'HTTP/1.1' ? {} : { version: reply.version }),
    status: reply.status,
    statusText: reply.reason,
    headers: Object.fromEntries(reply.headers),
    body: reply.body,
  };
}
