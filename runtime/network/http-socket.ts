import type { Clock } from '../clock';
import type { HttpRequest, HttpResponse, Listener } from '../images/types';
import { utf8Length } from '../util/utf8';
import { listenerEndpoint, reasonPhrase } from './host-network-http';
import { NetError, type Socket } from './socket';

// HTTP/1.x on a stream socket, both ways: a listener that speaks HTTP at the request level
// (`http`) reached by a stream client (`nc`, `telnet`), and an HTTP client (`wget`) reaching a
// listener that only reads streams (`accept`).

/** One message's head and body, once all of it (by Content-Length) is in `buffer`. */
interface Parsed {
  startLine: string;
  headers: Array<[string, string]>;
  body: string;
  /** What follows the message in the buffer (the next pipelined request). */
  rest: string;
}

function parseMessage(buffer: string, bodyUntilEnd: boolean, ended: boolean): Parsed | undefined {
  const match = /\r?\n\r?\n/.exec(buffer);
  if (!match) return undefined;
  const [startLine, ...lines] = buffer.slice(0, match.index).split(/\r?\n/);
  const headers: Array<[string, string]> = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  const after = buffer.slice(match.index + match[0].length);
  const length = headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1];
  if (length === undefined) {
    if (bodyUntilEnd && !ended) return undefined;
    return { startLine, headers, body: bodyUntilEnd ? after : '', rest: bodyUntilEnd ? '' : after };
  }
  // Content-Length counts bytes; the text here is characters (ASCII in practice).
  const size = Number(length);
  if (after.length < size && !ended) return undefined;
  return { startLine, headers, body: after.slice(0, size), rest: after.slice(size) };
}

/**
 * Serves HTTP/1.x requests read off `socket` with `listener.http`, writing each response back
 * (Date and Content-Length added as the servers send them), until the client ends its side or
 * asks to close.
 */
export async function serveHttpOnSocket(socket: Socket, listener: Listener, clock: Clock): Promise<void> {
  const endpoint = listenerEndpoint(listener, socket.remoteAddress, clock);
  let buffer = '';
  let open = true;
  const input = socket.input[Symbol.asyncIterator]();
  while (open) {
    let request = parseMessage(buffer, false, false);
    while (!request) {
      const chunk = await input.next();
      if (chunk.done) {
        socket.end();
        return;
      }
      buffer += chunk.value;
      request = parseMessage(buffer, false, false);
    }
    buffer = request.rest;
    const [method = '', target = '', version = ''] = request.startLine.split(' ');
    if (!/^HTTP\/1\.[01]$/.test(version)) break;
    const connection = request.headers.find(([name]) => name.toLowerCase() === 'connection')?.[1]?.toLowerCase();
    open = version === 'HTTP/1.1' ? connection !== 'close' : connection === 'keep-alive';
    const response = await endpoint.exchange(
      { method, target, headers: request.headers, body: request.body },
      { tls: false, protocol: 'http/1.1' },
    );
    const head = [
      `${response.version} ${response.status} ${response.reason}`,
      ...response.headers.map(([n, v]) => `${n}: ${v}`),
    ];
    socket.write(`${head.join('\r\n')}\r\n\r\n${response.body}`);
  }
  socket.end();
}

/** One HTTP/1.1 exchange over `socket` (the request sent with Connection: close), read to its end. */
export async function httpOverSocket(
  socket: Socket,
  request: Omit<HttpRequest, 'remoteAddress'>,
): Promise<HttpResponse> {
  const headers = { ...request.headers };
  if (request.body && headers['content-length'] === undefined)
    headers['content-length'] = String(utf8Length(request.body));
  headers.connection ??= 'close';
  const head = [`${request.method} ${request.path} HTTP/1.1`, ...Object.entries(headers).map(([n, v]) => `${n}: ${v}`)];
  socket.write(`${head.join('\r\n')}\r\n\r\n${request.body}`);
  let buffer = '';
  for await (const chunk of socket.input) {
    buffer += chunk;
    const response = parseMessage(buffer, true, false);
    if (response) return finish(socket, response);
  }
  const response = parseMessage(buffer, true, true);
  if (!response) throw new NetError('ECONNRESET', socket.remoteAddress, socket.remotePort);
  return finish(socket, response);
}

function finish(socket: Socket, message: Parsed): HttpResponse {
  socket.end();
  const [, status = '', ...reason] = message.startLine.split(' ');
  const statusText = reason.join(' ');
  return {
    status: Number(status),
    ...(statusText !== reasonPhrase(Number(status)) ? { statusText } : {}),
    headers: Object.fromEntries(message.headers),
    body: message.body,
  };
}
