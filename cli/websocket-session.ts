// The client side of exec and attach over WebSocket (v5.channel.k8s.io, as cli/remotecommand.ts
// serves it and the real API server speaks it): a StreamSession whose channels are the socket's.
import WebSocket, { type RawData } from 'ws';
import type { StreamSession } from '../runtime/api/node-connection';
import type { Status } from '../runtime/api/status';
import type { ApiResponse } from '../runtime/api/types';
import { AsyncQueue } from '../runtime/kubelet/async-queue';
import type { Connection } from './kubeconfig-connection';
import { flatHeaders, tlsOptions } from './http-api';

const STDIN = 0;
const STATUS = 3;
const RESIZE = 4;
const CLOSE = 255;

/** Headers the WebSocket client writes itself, so they are not passed through. */
const HANDSHAKE = new Set([
  'upgrade',
  'connection',
  'sec-websocket-version',
  'sec-websocket-protocol',
  'sec-websocket-key',
]);

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/** Frames of one upgraded connection as a StreamSession. */
function sessionOver(socket: WebSocket): StreamSession {
  const output = new AsyncQueue<[1 | 2, Uint8Array]>();
  let settle!: (status: Status) => void;
  const result = new Promise<Status>((resolve) => (settle = resolve));
  let status: Status | undefined;
  socket.on('message', (raw) => {
    const data = toBuffer(raw);
    if (data.length === 0) return;
    const channel = data[0];
    if (channel === 1 || channel === 2) output.push([channel, new Uint8Array(data.subarray(1))]);
    else if (channel === STATUS) {
      try {
        status = JSON.parse(data.subarray(1).toString('utf8')) as Status;
      } catch {
        status = {
          kind: 'Status',
          apiVersion: 'v1',
          metadata: {},
          status: 'Failure',
          message: 'malformed status',
          code: 500,
        };
      }
    }
  });
  const finish = (): void => {
    output.end();
    // A connection that closed without a Status ended the process normally (as client-go's v5 does).
    settle(status ?? { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 0 });
  };
  socket.on('close', finish);
  socket.on('error', finish);
  const send = (frame: Buffer): void => {
    if (socket.readyState === WebSocket.OPEN) socket.send(frame);
  };
  return {
    stdin: (data) =>
      send(data === null ? Buffer.from([CLOSE, STDIN]) : Buffer.concat([Buffer.from([STDIN]), Buffer.from(data)])),
    resize: (width, height) =>
      send(Buffer.concat([Buffer.from([RESIZE]), Buffer.from(JSON.stringify({ Width: width, Height: height }))])),
    output,
    result,
    close: () => socket.close(1000),
  };
}

/** Opens an exec or attach at `url`: status 101 with the session, or the server's refusal. */
export function openWebSocketSession(
  connection: Connection,
  url: URL,
  headers: Record<string, string>,
): Promise<ApiResponse> {
  const protocols = (headers['sec-websocket-protocol'] ?? 'v5.channel.k8s.io').split(/,\s*/);
  const passed = Object.fromEntries(Object.entries(headers).filter(([name]) => !HANDSHAKE.has(name)));
  const wsUrl = new URL(url);
  wsUrl.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, protocols, { headers: passed, ...tlsOptions(connection) });
    socket.once('open', () =>
      resolve({
        status: 101,
        headers: { 'sec-websocket-protocol': socket.protocol },
        body: '',
        session: sessionOver(socket),
      }),
    );
    socket.once('unexpected-response', (_request, response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 500,
          headers: flatHeaders(response.headers),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    socket.once('error', reject);
  });
}
