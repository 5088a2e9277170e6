// exec and attach over WebSocket, as the real kubectl speaks them (v5.channel.k8s.io): the API
// handler opens the session; this carries its channels over the upgraded connection.
import type { IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { StreamSession } from '../runtime/api/node-connection';
import type { Status } from '../runtime/api/status';
import type { ApiHandler, ApiResponse } from '../runtime/api/types';

const STDIN = 0;
const STATUS = 3;
const RESIZE = 4;
const CLOSE = 255;

/** The Status the kubelet writes on channel 3: no kind or apiVersion, no zero code. */
function statusFrame(status: Status): Buffer {
  const { kind: _kind, apiVersion: _apiVersion, code, ...rest } = status;
  const json = JSON.stringify(code ? { ...rest, code } : rest);
  return Buffer.concat([Buffer.from([STATUS]), Buffer.from(json)]);
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/** Carries one session's channels over `socket` until the process ends or the client leaves. */
function carry(socket: WebSocket, session: StreamSession): void {
  socket.on('message', (raw) => {
    const data = toBuffer(raw);
    if (data.length === 0) return;
    if (data[0] === STDIN) session.stdin(new Uint8Array(data.subarray(1)));
    else if (data[0] === CLOSE && data[1] === STDIN) session.stdin(null);
    else if (data[0] === RESIZE) {
      try {
        const size = JSON.parse(data.subarray(1).toString()) as { Width?: number; Height?: number };
        session.resize(size.Width ?? 0, size.Height ?? 0);
      } catch {
        // A malformed resize is dropped, as the kubelet logs and ignores it.
      }
    }
  });
  socket.on('close', () => session.close());
  void (async () => {
    for await (const [channel, data] of session.output) {
      if (socket.readyState !== socket.OPEN) break;
      socket.send(Buffer.concat([Buffer.from([channel]), data]));
    }
    const status = await session.result;
    if (socket.readyState === socket.OPEN) {
      socket.send(statusFrame(status));
      socket.close(1000);
    }
  })();
}

/** Writes a plain HTTP response on a socket that was not upgraded. */
function refuse(socket: Duplex, reply: ApiResponse): void {
  const body = Buffer.from(reply.body);
  const headers = { ...reply.headers, 'content-length': String(body.length), connection: 'close' };
  const head = [`HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}`];
  for (const [name, value] of Object.entries(headers)) head.push(`${name}: ${value}`);
  socket.end(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`), body]));
}

/** Answers HTTP upgrade requests (exec, attach) with WebSocket sessions from `api`. */
export function createUpgradeHandler(api: ApiHandler) {
  const chosen = new WeakMap<IncomingMessage, string>();
  const server = new WebSocketServer({
    noServer: true,
    handleProtocols: (_offered, request) => chosen.get(request) ?? false,
  });
  return async (request: IncomingMessage, socket: Duplex, head: Buffer, headers: Record<string, string>) => {
    const reply = await api({ method: request.method ?? 'GET', path: request.url ?? '/', headers });
    const session = reply.session;
    if (reply.status !== 101 || !session) {
      refuse(socket, reply);
      return;
    }
    chosen.set(request, reply.headers['sec-websocket-protocol']);
    server.handleUpgrade(request, socket, head, (ws) => carry(ws, session));
  };
}
