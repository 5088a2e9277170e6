// The real kubectl against a kubeplay API handler: the handler served over HTTP on 127.0.0.1,
// a kubeconfig for it in a fresh folder (which is also HOME, so kubectl's discovery cache starts
// empty), and a runner that records what kubectl printed. Every kubectl recorder uses it.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiHandler } from '../../runtime/api/types';
import { kubectlBinary } from './kubectl-binary.js';

/** What one kubectl run printed. */
export interface KubectlRun {
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A served handler and the real kubectl pointed at it. */
export interface KubectlServer {
  /** The folder holding the kubeconfig (kubectl's HOME and working directory). */
  dir: string;
  run(args: string[], options?: { stdin?: string }): Promise<KubectlRun>;
  close(): void;
}

/** Serves `api` and returns a runner for the real kubectl; `namespace` goes into the context when given. */
export async function serveForKubectl(api: ApiHandler, options: { namespace?: string } = {}): Promise<KubectlServer> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[key] = value;
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      void api({ method: request.method ?? 'GET', path: request.url ?? '/', headers, body }).then((reply) => {
        response.writeHead(reply.status, reply.headers).end(reply.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const dir = await mkdtemp(join(tmpdir(), 'kubeplay-oracle-'));
  const kubeconfig = join(dir, 'kubeconfig');
  const namespace = options.namespace ? `, namespace: ${options.namespace}` : '';
  await writeFile(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters: [{name: kubeplay, cluster: {server: "http://127.0.0.1:${port}"}}]
contexts: [{name: kubeplay, context: {cluster: kubeplay, user: learner${namespace}}}]
users: [{name: learner, user: {}}]
current-context: kubeplay
`,
  );
  const kubectl = await kubectlBinary();
  return {
    dir,
    run: (args, runOptions = {}) =>
      new Promise((resolve) => {
        const env = { KUBECONFIG: kubeconfig, HOME: dir, PATH: process.env.PATH ?? '' };
        const child = execFile(kubectl, args, { env, cwd: dir, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
          resolve({ args, stdout, stderr, exitCode: error ? Number((error as { code?: number }).code ?? 1) : 0 });
        });
        child.stdin?.end(runOptions.stdin ?? '');
      }),
    close: () => server.close(),
  };
}
