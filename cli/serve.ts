import { randomSeed, realClock } from './host';
import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { resolve } from 'node:path';
import type { ApiHandler } from '../runtime/api/types';
import { createCluster } from '../runtime/cluster';
import { createMetricsServer } from '../runtime/minikube/metrics';
import { startMinikube } from '../runtime/minikube/start';
import { PodNetwork } from '../runtime/network/cluster-network';
import { createSeededRng } from '../runtime/rng';
import { MemoryBackend, type StorageBackend } from '../runtime/storage/backend';
import { FileBackend } from './file-backend';
import { createUpgradeHandler } from './remotecommand';

/** Options of `kubeplay serve`. */
export interface ServeOptions {
  port: number;
  kubeconfig: string;
  state?: string;
  /** The API server alone, without controllers, scheduler and kubelets. */
  apiOnly?: boolean;
}

/** Parses `serve`'s flags; a string is an error to print. */
export function parseServeArgs(args: string[]): ServeOptions | string {
  const options: ServeOptions = { port: 6443, kubeconfig: 'kubeplay.kubeconfig' };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = (): string | undefined => inline ?? args[++i];
    if (flag === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) return `invalid --port: ${args[i]}`;
      options.port = port;
    } else if (flag === '--kubeconfig') {
      const file = value();
      if (!file) return 'flag needs an argument: --kubeconfig';
      options.kubeconfig = file;
    } else if (flag === '--api-only') {
      options.apiOnly = true;
    } else if (flag === '--state') {
      const dir = value();
      if (!dir) return 'flag needs an argument: --state';
      options.state = dir;
    } else return `unknown flag: ${args[i]}`;
  }
  return options;
}

/** A kubeconfig for a plain-HTTP server on 127.0.0.1:`port`, as the real kubectl reads it. */
export function kubeconfigFor(port: number): string {
  return `apiVersion: v1
kind: Config
clusters:
- cluster:
    server: http://127.0.0.1:${port}
  name: kubeplay
contexts:
- context:
    cluster: kubeplay
    namespace: default
    user: kubeplay
  name: kubeplay
current-context: kubeplay
preferences: {}
users:
- name: kubeplay
  user: {}
`;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers[name] = value;
    else if (Array.isArray(value)) headers[name] = value.join(', ');
  }
  return headers;
}

/** An HTTP server for `api`: requests, watch streams, and exec/attach upgraded to WebSocket. */
export function createApiServer(api: ApiHandler): Server {
  const upgrade = createUpgradeHandler(api);
  const server = createServer((request, response) => {
    serveRequest(api, request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    upgrade(request, socket, head, headersOf(request)).catch(() => socket.destroy());
  });
  return server;
}

async function readBody(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Serves `api` to one HTTP request: headers and body in, status, headers and (streamed) body out. */
export async function serveRequest(api: ApiHandler, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const headers = headersOf(request);
  const reply = await api({
    method: request.method ?? 'GET',
    path: request.url ?? '/',
    headers,
    body: await readBody(request),
  });
  response.writeHead(reply.status, reply.headers);
  if (reply.pieces) {
    // Many small pieces (a Table's rows) leave in large writes.
    response.cork();
    for (const piece of reply.pieces) response.write(piece);
    response.uncork();
    response.end();
    return;
  }
  if (!reply.stream) {
    response.end(reply.body);
    return;
  }
  const stream = reply.stream;
  response.on('close', () => stream.close());
  response.flushHeaders();
  for await (const chunk of stream) response.write(chunk);
  response.end();
}

/** `kubeplay serve`: the API over HTTP on 127.0.0.1 until SIGINT or SIGTERM. */
export async function runServe(args: string[]): Promise<number> {
  const options = parseServeArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`kubeplay serve: ${options}\n`);
    return 2;
  }
  const storage: StorageBackend = options.state ? FileBackend.open(options.state) : new MemoryBackend();
  const clock = realClock();
  const rng = createSeededRng(randomSeed());
  const network = new PodNetwork();
  const metrics = createMetricsServer(clock);
  const cluster = await createCluster({ clock, rng, storage, network, metrics: metrics.server });
  const minikube = options.apiOnly ? undefined : await startMinikube(cluster.api, network, clock, rng, { metrics });
  const server = createApiServer(cluster.api);
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', ready);
  });
  const port = (server.address() as { port: number }).port;
  const kubeconfig = resolve(options.kubeconfig);
  writeFileSync(kubeconfig, kubeconfigFor(port));
  process.stdout.write(
    `kubeplay: serving the Kubernetes API on http://127.0.0.1:${port} (kubeconfig: ${kubeconfig})\n`,
  );
  return new Promise((done) => {
    const stop = (): void => {
      server.close();
      server.closeAllConnections();
      void Promise.resolve(minikube?.stop())
        .then(() => cluster.store.flush())
        .then(() => {
          if (storage instanceof FileBackend) storage.close();
          done(0);
        });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
