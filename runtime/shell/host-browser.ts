import { neverCancelled } from '../cancel';
import type { Clock } from '../clock';
import { ConnectError, EmptyReplyError, type HostNetwork, type HttpResponseMessage } from '../network/host-network';
import { waitFor } from '../network/host-network-wait';
import { verifyCertificate } from '../network/host-network-tls';
import { parseUrl, resolveLocation, UrlError, type CurlUrl } from './commands/curl/url';

// The learner's web browser on the host: what the page's browser tab (and `minikube service`,
// `minikube dashboard`) load, over the same host network as curl. A page is fetched whole,
// redirects followed; failures are named as Chromium names them on its error page.

/** A page load: a link followed, an address typed, or a form sent. */
export interface PageRequest {
  method: 'GET' | 'POST';
  url: string;
  /** A form's fields, `application/x-www-form-urlencoded`. */
  body?: string;
}

/** What the browser shows: the final address and the response, or Chromium's error. */
export type PageResponse =
  { url: string; status: number; contentType: string; body: string } | { url: string; error: string; detail: string };

/** Chromium's TCP connect timeout. */
const CONNECT_TIMEOUT_MS = 30_000;
/** Chromium follows up to 20 redirects. */
const MAX_REDIRECTS = 20;
const USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';

const CONNECT_ERRORS = {
  refused: 'ERR_CONNECTION_REFUSED',
  timeout: 'ERR_CONNECTION_TIMED_OUT',
  unreachable: 'ERR_ADDRESS_UNREACHABLE',
} as const;

/** The header's value in a response, by name in any case. */
const headerOf = (response: HttpResponseMessage, name: string): string | undefined =>
  response.headers.find(([key]) => key.toLowerCase() === name)?.[1];

/** Loads `request` as a browser on the learner's host does. */
export async function loadPage(network: HostNetwork, clock: Clock, request: PageRequest): Promise<PageResponse> {
  let current = request;
  for (let redirects = 0; ; redirects++) {
    const fail = (error: string, detail: string): PageResponse => ({ url: current.url, error, detail });
    let url: CurlUrl;
    try {
      url = parseUrl(current.url);
    } catch (error) {
      if (!(error instanceof UrlError)) throw error;
      return fail('ERR_INVALID_URL', `${current.url} is not a web address.`);
    }
    if (url.scheme === 'file') return fail('ERR_FILE_NOT_FOUND', 'Files on the host open in the terminal.');
    const { host, port } = url;
    const addresses = host === 'localhost' ? ['127.0.0.1'] : await network.resolve(host);
    if (addresses.length === 0) return fail('ERR_NAME_NOT_RESOLVED', `${host}’s server IP address could not be found.`);
    const tls = url.scheme === 'https';
    const outcome = await waitFor((signal) => network.connect(addresses[0], port, signal), {
      clock,
      signal: neverCancelled,
      deadline: clock.now() + CONNECT_TIMEOUT_MS,
      since: clock.now(),
    });
    if (outcome.kind === 'deadline' || outcome.kind === 'interrupted')
      return fail('ERR_CONNECTION_TIMED_OUT', `${host} took too long to respond.`);
    if (outcome.kind === 'failed') {
      if (!(outcome.error instanceof ConnectError)) throw outcome.error;
      return fail(CONNECT_ERRORS[outcome.error.kind], `${host} refused to connect.`);
    }
    const conn = outcome.value;
    if (tls) {
      if (!conn.tls) return fail('ERR_SSL_PROTOCOL_ERROR', `${host} sent an invalid response.`);
      // The browser trusts the system's CAs, which do not hold minikube's.
      if (verifyCertificate(conn.tls.certificate, host, clock.now()) !== 'ok')
        return fail('ERR_CERT_AUTHORITY_INVALID', 'Your connection is not private.');
    }
    const headers: Array<[string, string]> = [
      ['Host', url.authority],
      ['User-Agent', USER_AGENT],
      ['Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'],
    ];
    if (current.method === 'POST') headers.push(['Content-Type', 'application/x-www-form-urlencoded']);
    let response: HttpResponseMessage;
    try {
      response = await conn.exchange(
        { method: current.method, target: url.target, headers, body: current.body ?? '' },
        { tls, protocol: 'http/1.1' },
      );
    } catch (error) {
      if (!(error instanceof EmptyReplyError)) throw error;
      return fail('ERR_EMPTY_RESPONSE', `${host} didn’t send any data.`);
    }
    const location = headerOf(response, 'location');
    if (response.status >= 300 && response.status < 400 && location !== undefined) {
      if (redirects === MAX_REDIRECTS) return fail('ERR_TOO_MANY_REDIRECTS', `${host} redirected you too many times.`);
      const next = resolveLocation(url, location);
      // 307 and 308 keep the method and body; the others turn into a GET.
      current =
        response.status === 307 || response.status === 308 ? { ...current, url: next } : { method: 'GET', url: next };
      continue;
    }
    // A body that never ends (a watch) shows as far as it came.
    response.stream?.close();
    const contentType = headerOf(response, 'content-type') ?? '';
    return { url: current.url, status: response.status, contentType, body: response.body };
  }
}
