// The real kubectl v1.34.5's logs, exec (WebSocket v5.channel.k8s.io) and proxied requests,
// through the Node adapter, against a cluster whose node runs a stand-in kubelet: what the API
// server and the adapter do between kubectl and a kubelet.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer, kubeconfigFor } from '../cli/serve';
import type { ClusterNetwork, ContainerTarget, ExecOptions, StreamSession } from '../runtime/api/node-connection';
import type { Status } from '../runtime/api/status';
import { encodeUtf8 } from '../runtime/util/utf8';
import { kubectlBinary } from '../scripts/oracle/kubectl-binary.js';
import { createTestApi, podManifest } from './api';

const bytes = (text: string): Uint8Array => new Uint8Array(encodeUtf8(text));

/** A process of the stand-in kubelet: `cat` echoes stdin; `exit N` ends with code N; others print argv. */
function run(options: ExecOptions): StreamSession {
  const queue: Array<[1 | 2, Uint8Array]> = [];
  let wake: (() => void) | undefined;
  let ended = false;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const push = (item?: [1 | 2, Uint8Array]): void => {
    if (item) queue.push(item);
    else {
      ended = true;
      finish();
    }
    wake?.();
  };
  let code = 0;
  const [program, ...args] = options.command;
  if (program === 'exit') {
    code = Number(args[0]);
    push([2, bytes(`exiting with ${code}\n`)]);
    push();
  } else if (program !== 'cat') {
    push([1, bytes(`${options.command.join(' ')}\n`)]);
    push();
  }
  const success: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 0 };
  return {
    stdin: (data) => (data === null ? push() : program === 'cat' && push([1, data])),
    resize: () => {},
    output: (async function* () {
      for (;;) {
        const item = queue.shift();
        if (item) yield item;
        else if (ended) return;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    })(),
    result: finished.then(() => {
      if (code === 0) return success;
      return {
        ...success,
        status: 'Failure',
        reason: 'NonZeroExitCode',
        message: `command terminated with non-zero exit code: error executing command [${options.command.join(' ')}], exit code ${code}`,
        details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
      } as Status;
    }),
    close: () => push(),
  };
}

const network: ClusterNetwork = {
  kubelet: (address, port) =>
    address === '192.168.49.2' && port === 10250
      ? {
          containerLogs: async (target: ContainerTarget, options) => ({
            status: 200,
            headers: {},
            body: ['one', 'two', 'three']
              .slice(-(options.tailLines ?? 3))
              .map((line) => `${target.container} ${line}\n`)
              .join(''),
          }),
          exec: async (_target, options) => run(options),
          attach: async (_target, options) => run({ ...options, command: ['attached'] }),
          serve: async (request) => ({
            status: 200,
            headers: { 'content-type': 'text/plain' },
            body: `kubelet ${request.path}`,
          }),
        }
      : undefined,
  http: async (_ip, _port, request) => ({
    status: 200,
    headers: { 'content-type': 'text/html' },
    body: `pod ${request.path}`,
  }),
};

const dir = mkdtempSync(join(tmpdir(), 'kubeplay-connect-'));
let server: Server;
let kubectl: string;

beforeAll(async () => {
  kubectl = await kubectlBinary();
  const { api, request } = await createTestApi(undefined, network);
  await request('POST', '/api/v1/nodes', {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'minikube' },
    status: { addresses: [{ type: 'InternalIP', address: '192.168.49.2' }] },
  });
  const web = podManifest('web', { spec: { nodeName: 'minikube' } });
  await request('POST', '/api/v1/namespaces/default/pods', web);
  await request(
    'PATCH',
    '/api/v1/namespaces/default/pods/web/status',
    { status: { phase: 'Running', podIP: '10.244.0.5' } },
    { 'content-type': 'application/merge-patch+json' },
  );
  await request('POST', '/api/v1/namespaces/default/pods', podManifest('pending'));
  server = createApiServer(api);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  writeFileSync(join(dir, 'kubeconfig'), kubeconfigFor((server.address() as { port: number }).port));
}, 60_000);

afterAll(() => {
  server?.closeAllConnections();
  server?.close();
});

function kubectlRun(args: string[], stdin?: string): Promise<[string, string, number]> {
  return new Promise((resolve) => {
    const env = { HOME: dir, KUBECONFIG: join(dir, 'kubeconfig'), PATH: process.env.PATH ?? '' };
    const child = execFile(kubectl, args, { env, cwd: dir, timeout: 30_000 }, (error, stdout, stderr) =>
      resolve([stdout, stderr, error ? Number((error as { code?: number }).code ?? 1) : 0]),
    );
    child.stdin?.end(stdin ?? '');
  });
}

describe('the real kubectl through the Node adapter to a kubelet', () => {
  const cases: Array<[string, string | undefined, [string, string, number]]> = [
    ['logs web', undefined, ['nginx one\nnginx two\nnginx three\n', '', 0]],
    ['logs web --tail=1', undefined, ['nginx three\n', '', 0]],
    ['logs pending', undefined, ['', '', 0]],
    ['logs web -c redis', undefined, ['', 'error: container redis is not valid for pod web\n', 1]],
    ['exec web -- ls -l /', undefined, ['ls -l /\n', '', 0]],
    ['exec web -- exit 3', undefined, ['', 'exiting with 3\ncommand terminated with exit code 3\n', 3]],
    ['exec -i web -- cat', 'hello\nworld\n', ['hello\nworld\n', '', 0]],
    [
      'attach web',
      undefined,
      [
        'attached\n',
        "All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\nIf you don't see a command prompt, try pressing enter.\n",
        0,
      ],
    ],
    [
      'exec pending -- ls',
      undefined,
      ['', 'Error from server (BadRequest): pod pending does not have a host assigned\n', 1],
    ],
    ['get --raw /api/v1/nodes/minikube/proxy/healthz', undefined, ['kubelet /healthz', '', 0]],
    ['get --raw /api/v1/namespaces/default/pods/web/proxy/index.html', undefined, ['pod /index.html', '', 0]],
  ];
  for (const [line, stdin, expected] of cases) {
    it(`kubectl ${line}`, async () => {
      expect(await kubectlRun(line.split(' '), stdin)).toEqual(expected);
    });
  }
});
