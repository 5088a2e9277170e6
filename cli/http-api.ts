// An ApiHandler over real HTTP(S): what lets kubeplay's kubectl talk to any API server. Plain
// requests come back whole; watches and followed logs as a stream of chunks; exec and attach
// upgrade to WebSocket (websocket-session.ts).
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { ApiHandler, ApiRequest, ApiResponse } from '../runtime/api/types';
import { ChunkStream } from '../runtime/api/stream';
import type { Connection } from './kubeconfig-connection';
import { openWebSocketSession } from './websocket-session';

/** Node's headers as the runtime wants them: lower-case names, repeated values joined. */
export function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value === 'string') flat[name] = value;
    else if (Array.isArray(value)) flat[name] = value.join(', ');
  }
  return flat;
}

/** Whether the reply is a body that never ends by itself: a watch, or logs with `follow`. */
function isStreaming(path: string): boolean {
  const query = new URLSearchParams(path.split('?')[1] ?? '');
  const on = (name: string): boolean => ['true', '1'].includes(query.get(name) ?? '');
  return on('watch') || on('follow') || /\/watch\//.test(path.split('?')[0]);
}

/** The URL of `path` on the server (whose URL may carry a path prefix, as behind a proxy). */
export function urlOf(connection: Connection, path: string): URL {
  const base = new URL(connection.server);
  const prefix = base.pathname.replace(/\/$/, '');
  return new URL(`${prefix}${path}`, base);
}

/** The request headers with the connection's credentials added. */
export function authorised(connection: Connection, headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  if (connection.token) out.authorization = `Bearer ${connection.token}`;
  else if (connection.basic) {
    const { username, password } = connection.basic;
    out.authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  }
  return out;
}

/** The TLS options of the connection, for https requests and wss sockets. */
export function tlsOptions(connection: Connection) {
  return {
    ca: connection.ca,
    cert: connection.cert,
    key: connection.key,
    rejectUnauthorized: !connection.insecure,
    servername: connection.tlsServerName,
  };
}

function bodyOf(request: ApiRequest): Buffer | undefined {
  if (request.value !== undefined) return Buffer.from(JSON.stringify(request.value));
  if (request.body === undefined) return undefined;
  return typeof request.body === 'string' ? Buffer.from(request.body) : Buffer.from(request.body);
}

/** The reply as an ApiResponse: read whole, or (for streaming paths) handed over as a stream. */
async function replyOf(response: IncomingMessage, streaming: boolean, deadline?: number): Promise<ApiResponse> {
  const status = response.statusCode ?? 500;
  const headers = flatHeaders(response.headers);
  if (!streaming || status >= 300) {
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    return { status, headers, body: Buffer.concat(chunks).toString('utf8') };
  }
  const stream = new ChunkStream();
  const decoder = new TextDecoder();
  response.on('data', (chunk: Buffer) => {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') stream.push(text);
  });
  response.on('end', () => stream.close());
  response.on('error', () => stream.close());
  // client-go's http.Client Timeout covers the whole body: a watch ends there, without an error.
  const timer =
    deadline === undefined ? undefined : setTimeout(() => stream.close(), Math.max(0, deadline - Date.now()));
  stream.whenClosed(() => {
    clearTimeout(timer);
    response.destroy();
  });
  return { status, headers, body: '', stream };
}

/** An ApiHandler over HTTP(S) and the means to let its kept-alive connections go. */
export interface HttpApi {
  handler: ApiHandler;
  /** Closes idle connections, so the process can exit. */
  close(): void;
}

/** An ApiHandler that sends each request to the server of `connection`, on kept-alive connections. */
export function httpApi(connection: Connection): HttpApi {
  const https = connection.server.startsWith('https:');
  const agent = https
    ? new HttpsAgent({ keepAlive: true, ...tlsOptions(connection) })
    : new HttpAgent({ keepAlive: true });
  const handler: ApiHandler = async (request) => {
    const url = urlOf(connection, request.path);
    const headers = authorised(connection, request.headers ?? {});
    if (headers.upgrade?.toLowerCase() === 'websocket') return openWebSocketSession(connection, url, headers);
    const body = bodyOf(request);
    if (body) headers['content-length'] = String(body.length);
    const deadline = connection.timeoutMs === undefined ? undefined : Date.now() + connection.timeoutMs;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const outgoing = send(url, { method: request.method, headers, agent, ...tlsOptions(connection) }, resolve);
      outgoing.on('error', reject);
      outgoing.end(body);
    });
    return replyOf(response, isStreaming(request.path), deadline);
  };
  return { handler, close: () => agent.destroy() };
}
