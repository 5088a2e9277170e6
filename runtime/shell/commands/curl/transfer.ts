import { EmptyReplyError, type HostConnection, type HttpResponseMessage } from '../../../network/host-network';
import { waitFor } from '../../../network/host-network-wait';
import { utf8Length } from '../../../util/utf8';
import type { CurlConfig } from './config';
import { connect, INTERRUPTED, type ConnectEnv } from './connect';
import { isCurlError, type CurlError } from './errors';
import { closeOrKeep, deliverBody, failed, header, interrupted } from './transfer-end';
import { buildRequest, type Body, type ReadFile } from './request';
import { handshake, type TlsSession } from './tls';
import { parseUrl, resolveLocation, UrlError, type CurlUrl } from './url';
import { newInfo, type TransferInfo } from './write-out';

// One URL's transfer (lib/multi.c, lib/http.c): connect (or reuse the run's connection to the
// same host), TLS, the request, the response's headers and body, and -L's redirects, with what
// -v and the progress meter show on the way.

/** A fixed-looking libcurl handle address, for the notes that show one. */
const EASY_HANDLE = '0x55d4c8a1e2b0';
const BUNDLE = '0x55d4c8a1db80';

/** A connection kept for reuse, as libcurl keeps it in its pool. */
export interface Pooled {
  conn: HostConnection;
  ip: string;
  id: number;
  tls?: TlsSession;
  /** The next HTTP/2 stream ID. */
  stream: number;
  /** Whether the server's session ticket was read (the first response on a TLS connection). */
  ticketRead: boolean;
}

/** What a transfer writes: header blocks (with -i or -I) and body text. */
export interface TransferOutput {
  headers(text: string): Promise<void>;
  body(text: string): Promise<void>;
}

/** What a run's transfers share. */
export interface TransferEnv extends ConnectEnv {
  config: CurlConfig;
  body: Body;
  readFile: ReadFile;
  output: TransferOutput;
  pool: Map<string, Pooled>;
  nextId: { value: number };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function statusLine(response: HttpResponseMessage): string {
  return response.version === 'HTTP/2'
    ? `HTTP/2 ${response.status} `
    : `${response.version} ${response.status} ${response.reason}`;
}

/** Transfers `input`; the info (with `error` set on failure) for -w and the exit code. */
export async function transfer(env: TransferEnv, input: string): Promise<TransferInfo> {
  const { config, trace, meter, clock } = env;
  const info = newInfo(input);
  let url: CurlUrl;
  try {
    url = parseUrl(input);
  } catch (error) {
    if (!(error instanceof UrlError)) throw error;
    info.error = { code: error.code, message: error.message };
    return info;
  }
  const started = clock.now();
  meter.start();
  let redirected: { method: string; keepBody: boolean } | undefined;
  for (;;) {
    info.effectiveUrl = url.href;
    info.scheme = url.scheme.toUpperCase();
    info.sizeDownload = 0;
    const key = `${url.scheme}://${url.host}:${url.port}`;
    let pooled = env.pool.get(key);
    if (pooled) {
      trace.info(`Found bundle for host: ${BUNDLE} [${pooled.tls?.alpn === 'h2' ? 'can multiplex' : 'serially'}]`);
      if (pooled.tls?.alpn !== 'h2') trace.info('Can not multiplex, even if we wanted to');
      trace.info(`Re-using existing connection #${pooled.id} with host ${url.host}`);
    } else {
      const opened = await open(env, url, started, info);
      if (opened === INTERRUPTED) return interrupted(info);
      if (isCurlError(opened)) return failed(env, info, opened, opened.code !== 6);
      pooled = opened;
      env.pool.set(key, pooled);
    }
    info.remoteIp = pooled.ip;
    info.remotePort = url.port;
    const h2 = pooled.tls?.alpn === 'h2';
    const request = buildRequest(config, url, env.body, h2, redirected);
    info.method = request.method;
    const version = h2 ? 'HTTP/2' : config.httpVersion === '1.0' ? 'HTTP/1.0' : 'HTTP/1.1';
    const lines = [`${request.method} ${request.target} ${version}`, ...request.headers.map(([k, v]) => `${k}: ${v}`)];
    if (h2) {
      // The connection preface goes out once the handshake is done.
      if (pooled.stream === 1) trace.data('out', 5);
      trace.info('using HTTP/2');
      const authority = request.headers.find(([k]) => k === 'Host')?.[1] ?? url.authority;
      const pseudo = [
        `:method: ${request.method}`,
        `:path: ${request.target}`,
        `:scheme: https`,
        `:authority: ${authority}`,
      ];
      for (const field of [
        ...pseudo,
        ...request.headers.filter(([k]) => k !== 'Host').map(([k, v]) => `${k.toLowerCase()}: ${v}`),
      ])
        trace.info(`h2h3 [${field}]`);
      trace.info(`Using Stream ID: ${pooled.stream} (easy handle ${EASY_HANDLE})`);
      pooled.stream += 2;
      trace.data('out', 5);
    } else if (pooled.tls) {
      trace.info('using HTTP/1.1');
      trace.data('out', 5);
    }
    trace.headersOut([...lines, '']);
    info.sizeRequest += lines.reduce((n, line) => n + line.length + 2, 2);
    const bodyBytes = request.body !== undefined ? utf8Length(request.body) : 0;
    if (request.body !== undefined) {
      meter.progress.uploadSize = bodyBytes;
      meter.progress.uploaded = bodyBytes;
      info.sizeUpload += bodyBytes;
      if (bodyBytes > 0) trace.data('out', bodyBytes);
    }
    if (pooled.tls && !pooled.ticketRead) {
      pooled.ticketRead = true;
      trace.data('in', 5);
      trace.info('TLSv1.3 (IN), TLS handshake, Newsession Ticket (4):');
      trace.data('in', 249);
    }
    const maxTime = config.maxTime !== undefined && config.maxTime > 0 ? started + config.maxTime * 1000 : undefined;
    const conn = pooled.conn;
    const outcome = await waitFor(
      () =>
        conn.exchange(
          { method: request.method, target: request.target, headers: request.headers, body: request.body ?? '' },
          { tls: pooled.tls !== undefined, protocol: h2 ? 'h2' : 'http/1.1' },
        ),
      { clock, signal: env.signal, deadline: maxTime, since: started },
    );
    if (outcome.kind === 'interrupted') return interrupted(info);
    if (outcome.kind === 'deadline')
      return failed(env, info, {
        code: 28,
        message: `Operation timed out after ${clock.now() - started + 1} milliseconds with 0 bytes received`,
      });
    if (outcome.kind === 'failed') {
      if (!(outcome.error instanceof EmptyReplyError)) throw outcome.error;
      env.pool.delete(key);
      return failed(env, info, { code: 52, message: 'Empty reply from server' });
    }
    const response = outcome.value;
    info.httpCode = response.status;
    info.httpVersion = response.version.replace('HTTP/', '');
    info.contentType = header(response, 'content-type');
    info.headers = response.headers;
    if (response.version === 'HTTP/1.0') trace.info('HTTP 1.0, assume close after body');
    const block = [statusLine(response), ...response.headers.map(([k, v]) => `${k}: ${v}`), ''];
    for (const line of block) trace.headerIn(line);
    const blockText = block.map((line) => `${line}\r\n`).join('');
    info.sizeHeader += blockText.length;
    const length = header(response, 'content-length');
    if (length !== undefined) meter.progress.downloadSize = Number(length);
    meter.nominalUs = pooled.tls ? 45_000 : 5_000;
    if ((config.fail || config.failWithBody) && response.status >= 400) {
      if (config.failWithBody) await deliverBody(env, response, info);
      return failed(
        env,
        info,
        { code: 22, message: `The requested URL returned error: ${response.status}` },
        true,
        key,
      );
    }
    if (config.include || config.head) await env.output.headers(blockText);
    const location = header(response, 'location');
    const follow = config.location && REDIRECTS.has(response.status) && location !== undefined;
    if (location !== undefined && REDIRECTS.has(response.status)) info.redirectUrl = resolveLocation(url, location);
    if (follow) {
      trace.info('Ignoring the response-body');
      if (response.body) trace.data('in', utf8Length(response.body));
      meter.progress.downloaded = utf8Length(response.body);
      info.sizeDownload = meter.progress.downloaded;
    } else if (!config.head) {
      const ended = await deliverBody(env, response, info, maxTime, started);
      if (ended) return ended;
    }
    meter.done();
    closeOrKeep(env, key, response, pooled, url.host);
    if (!follow) return info;
    if (config.maxRedirs !== -1 && info.numRedirects >= config.maxRedirs)
      return failed(env, info, { code: 47, message: `Maximum (${config.maxRedirs}) redirects followed` }, false);
    info.numRedirects++;
    const next = info.redirectUrl as string;
    info.redirectUrl = undefined;
    trace.info(`Issue another request to this URL: '${next}'`);
    const post = request.method === 'POST' && !config.method;
    const toGet = (response.status === 303 && request.method !== 'HEAD') || (post && response.status <= 302);
    redirected = toGet
      ? { method: config.head ? 'HEAD' : 'GET', keepBody: false }
      : { method: request.method, keepBody: response.status === 307 || response.status === 308 };
    try {
      url = parseUrl(next);
    } catch (error) {
      if (!(error instanceof UrlError)) throw error;
      return failed(env, info, { code: error.code, message: error.message }, false);
    }
    meter.restart();
  }
}

/** Opens a connection for `url` (TCP, then TLS for https). */
async function open(
  env: TransferEnv,
  url: CurlUrl,
  started: number,
  info: TransferInfo,
): Promise<Pooled | CurlError | typeof INTERRUPTED> {
  const { config, trace } = env;
  const connected = await connect(env, url.host, url.port, started, config);
  if (connected === INTERRUPTED || isCurlError(connected)) return connected;
  const id = env.nextId.value++;
  info.numConnects++;
  trace.info(`Connected to ${url.host} (${connected.ip}) port ${url.port} (#${id})`);
  const pooled: Pooled = { conn: connected.conn, ip: connected.ip, id, stream: 1, ticketRead: false };
  if (url.scheme !== 'https') return pooled;
  const session = await handshake(
    connected.conn,
    {
      insecure: config.insecure,
      cacert: config.cacert,
      offerH2: config.httpVersion === '2',
      host: url.host,
      now: env.clock.now(),
      readCaFile: env.readFile,
    },
    trace,
  );
  if (isCurlError(session)) return session;
  info.sslVerifyResult = session.verifyResult;
  return { ...pooled, tls: session };
}
