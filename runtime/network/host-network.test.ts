import { describe, expect, it } from 'vitest';
import { CancelController, CancelledError, neverCancelled } from '../cancel';
import { VirtualClock } from '../clock';
import { createPlayground } from '../playground';
import { createSeededRng } from '../rng';
import { MemoryBackend } from '../storage/backend';
import { PodNetwork } from './cluster-network';
import {
  ARP_TIMEOUT_MS,
  ConnectError,
  createHostNetwork,
  SYN_TIMEOUT_MS,
  type HostConnection,
  type HttpRequestMessage,
} from './host-network';

const NOW = Date.UTC(2026, 10, 29, 7, 21, 11);
const HOSTS = '127.0.0.1 localhost\n127.0.1.1 kubeplay\n192.168.49.2 minikube\n';

/** A host network over a playground's API server, with an nginx-like listener on a NodePort. */
async function setup() {
  const clock = new VirtualClock(NOW);
  const playground = await createPlayground({
    clock,
    rng: createSeededRng('net'),
    storage: new MemoryBackend(),
    components: false,
  });
  await playground.loadCommands();
  const pods = new PodNetwork();
  pods.listen('192.168.49.2', 30080, {
    protocol: 'TCP',
    http: (request) =>
      Promise.resolve({
        status: 200,
        headers: { Server: 'nginx/1.29.3', 'Content-Type': 'text/plain' },
        body: `hello ${request.remoteAddress}\n`,
      }),
  });
  const network = createHostNetwork({
    clock,
    rng: createSeededRng('host'),
    api: playground.cluster.api,
    pods,
    hostsFile: () => HOSTS,
  });
  return { clock, playground, pods, network };
}

const get = (target: string, headers: Array<[string, string]> = []): HttpRequestMessage => ({
  method: 'GET',
  target,
  headers: [['user-agent', 'curl/7.88.1'], ['accept', '*/*'], ...headers],
  body: '',
});

/** The outcome of a connect, settled or not yet. */
function track(promise: Promise<HostConnection>) {
  const state: { value?: HostConnection; error?: unknown } = {};
  promise.then(
    (v) => (state.value = v),
    (e: unknown) => (state.error = e),
  );
  return state;
}

const flush = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('the host network', () => {
  it('resolves names as the host does: literals, /etc/hosts, nothing else', async () => {
    const { network } = await setup();
    expect(network.resolve('192.168.49.2')).toEqual(['192.168.49.2']);
    expect(network.resolve('[::1]')).toEqual(['::1']);
    expect(network.resolve('localhost')).toEqual(['127.0.0.1']);
    expect(network.resolve('minikube')).toEqual(['192.168.49.2']);
    expect(network.resolve('control-plane.minikube.internal')).toEqual([]);
    expect(network.resolve('host.minikube.internal')).toEqual([]);
    expect(network.resolve('kubernetes.default')).toEqual([]);
  });

  it('refuses connections to host ports nobody listens on, and serves those that do', async () => {
    const { network } = await setup();
    await expect(network.connect('127.0.0.1', 8001, neverCancelled)).rejects.toEqual(new ConnectError('refused'));
    const close = network.listen('127.0.0.1', 8001, {
      protocol: 'TCP',
      http: (request) => Promise.resolve({ status: 200, headers: {}, body: `${request.method} ${request.path}` }),
    });
    expect(() => network.listen('127.0.0.1', 8001, { protocol: 'TCP' })).toThrow('EADDRINUSE');
    const conn = await network.connect('127.0.0.1', 8001, neverCancelled);
    expect(conn.tls).toBeUndefined();
    const response = await conn.exchange(get('/api'), { tls: false, protocol: 'http/1.1' });
    expect(response).toEqual({
      version: 'HTTP/1.1',
      status: 200,
      reason: 'OK',
      headers: [
        ['Date', 'Sun, 29 Nov 2026 07:21:11 GMT'],
        ['Content-Length', '8'],
      ],
      body: 'GET /api',
    });
    close();
    await expect(network.connect('127.0.0.1', 8001, neverCancelled)).rejects.toThrow('Connection refused');
  });

  it('reaches NodePort-like listeners on the node address, from the host bridge address', async () => {
    const { network } = await setup();
    const conn = await network.connect('192.168.49.2', 30080, neverCancelled);
    const response = await conn.exchange(get('/'), { tls: false, protocol: 'http/1.1' });
    expect(response.headers).toEqual([
      ['Server', 'nginx/1.29.3'],
      ['Content-Type', 'text/plain'],
      ['Date', 'Sun, 29 Nov 2026 07:21:11 GMT'],
      ['Content-Length', '19'],
    ]);
    expect(response.body).toBe('hello 192.168.49.1\n');
    await expect(network.connect('192.168.49.2', 30081, neverCancelled)).rejects.toThrow('Connection refused');
  });

  it("goes through kube-proxy's rules: NodePorts on the node, and LoadBalancer ingress 127.0.0.1 while tunnelled", async () => {
    const { network, pods } = await setup();
    pods.listen('10.244.0.5', 80, {
      protocol: 'TCP',
      http: (request) => Promise.resolve({ status: 200, headers: {}, body: `pod ${request.remoteAddress}` }),
    });
    pods.setServiceRouting({
      route: (ip, port, _protocol, _client, toNode) =>
        (toNode && port === 31000) || (ip === '127.0.0.1' && port === 80)
          ? { address: '10.244.0.5', port: 80 }
          : undefined,
    });
    pods.addKubelet('192.168.49.2', 10250, {} as never);
    for (const [ip, port] of [
      ['192.168.49.2', 31000],
      ['127.0.0.1', 80],
    ] as const) {
      const conn = await network.connect(ip, port, neverCancelled);
      expect((await conn.exchange(get('/'), { tls: false, protocol: 'http/1.1' })).body).toMatch(/^pod /);
    }
    await expect(network.connect('127.0.0.1', 81, neverCancelled)).rejects.toEqual(new ConnectError('refused'));
  });

  it('times pod and service addresses out after the kernel SYN retries, on the clock', async () => {
    const { network, clock } = await setup();
    for (const ip of ['10.244.0.5', '10.96.0.1']) {
      const state = track(network.connect(ip, 80, neverCancelled));
      clock.advance(SYN_TIMEOUT_MS - 1);
      await flush();
      expect(state).toEqual({});
      clock.advance(1);
      await flush();
      expect(state.error).toEqual(new ConnectError('timeout'));
      expect((state.error as ConnectError).reason).toBe('Connection timed out');
    }
  });

  it('lets Ctrl-C stop a connect that waits', async () => {
    const { network, clock } = await setup();
    const ctrlC = new CancelController();
    const state = track(network.connect('10.244.0.5', 80, ctrlC.signal));
    clock.advance(5000);
    ctrlC.abort();
    await flush();
    expect(state.error).toBeInstanceOf(CancelledError);
  });

  it('finds no host at other bridge addresses, and no route off the machine', async () => {
    const { network, clock } = await setup();
    const state = track(network.connect('192.168.49.9', 80, neverCancelled));
    clock.advance(ARP_TIMEOUT_MS);
    await flush();
    expect((state.error as ConnectError).reason).toBe('No route to host');
    await expect(network.connect('8.8.8.8', 443, neverCancelled)).rejects.toThrow('Network is unreachable');
  });

  it('serves the API server over HTTP/2 as kube-apiserver does, to system:anonymous', async () => {
    const { network } = await setup();
    const conn = await network.connect('192.168.49.2', 8443, neverCancelled);
    expect(conn.tls?.alpn).toEqual(['h2', 'http/1.1']);
    expect(conn.tls?.certificate.subject).toEqual([
      ['O', 'system:masters'],
      ['CN', 'minikube'],
    ]);
    const version = await conn.exchange(get('/version'), { tls: true, protocol: 'h2' });
    expect(version.status).toBe(200);
    expect(version.headers.map(([k]) => k)).toEqual([
      'audit-id',
      'cache-control',
      'content-type',
      'x-kubernetes-pf-flowschema-uid',
      'x-kubernetes-pf-prioritylevel-uid',
      'content-length',
      'date',
    ]);
    expect(JSON.parse(version.body)).toMatchObject({ major: '1', minor: '34', gitVersion: 'v1.34.0' });
    const pods = await conn.exchange(get('/api/v1/pods'), { tls: true, protocol: 'h2' });
    expect(pods.status).toBe(403);
    expect(pods.headers.find(([k]) => k === 'x-content-type-options')).toEqual(['x-content-type-options', 'nosniff']);
    expect(JSON.parse(pods.body)).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message:
        'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" at the cluster scope',
      reason: 'Forbidden',
      details: { kind: 'pods' },
      code: 403,
    });
  });

  it('writes Go HTTP/1.1 headers, and answers a plain request with Go’s 400', async () => {
    const { network } = await setup();
    const conn = await network.connect('192.168.49.2', 8443, neverCancelled);
    const health = await conn.exchange(get('/healthz'), { tls: true, protocol: 'http/1.1' });
    expect(health.headers.map(([k]) => k)).toEqual([
      'Audit-Id',
      'Cache-Control',
      'Content-Type',
      'X-Content-Type-Options',
      'X-Kubernetes-Pf-Flowschema-Uid',
      'X-Kubernetes-Pf-Prioritylevel-Uid',
      'Date',
      'Content-Length',
    ]);
    expect(health.body).toBe('ok');
    const plain = await conn.exchange(get('/version'), { tls: false, protocol: 'http/1.1' });
    expect(plain).toEqual({
      version: 'HTTP/1.0',
      status: 400,
      reason: 'Bad Request',
      headers: [],
      body: 'Client sent an HTTP request to an HTTPS server.\n',
    });
  });

  it('authenticates bearer tokens the API server issued, and refuses others with 401', async () => {
    const { network, playground } = await setup();
    const api = playground.cluster.api;
    const json = { 'content-type': 'application/json' };
    await api({
      method: 'POST',
      path: '/api/v1/namespaces/default/serviceaccounts',
      headers: json,
      body: '{"metadata":{"name":"robot"}}',
    });
    const issued = await api({
      method: 'POST',
      path: '/api/v1/namespaces/default/serviceaccounts/robot/token',
      headers: json,
      body: '{"apiVersion":"authentication.k8s.io/v1","kind":"TokenRequest","spec":{}}',
    });
    const token = (JSON.parse(issued.body) as { status: { token: string } }).status.token;
    const conn = await network.connect('192.168.49.2', 8443, neverCancelled);
    const pods = await conn.exchange(get('/api/v1/namespaces/default/pods', [['authorization', `Bearer ${token}`]]), {
      tls: true,
      protocol: 'h2',
    });
    expect(JSON.parse(pods.body).message).toBe(
      'pods is forbidden: User "system:serviceaccount:default:robot" cannot list resource "pods" in API group "" in the namespace "default"',
    );
    const bad = await conn.exchange(get('/api', [['authorization', 'Bearer nope']]), { tls: true, protocol: 'h2' });
    expect(bad.status).toBe(401);
    expect(bad.body).toBe(
      '{\n  "kind": "Status",\n  "apiVersion": "v1",\n  "metadata": {},\n  "status": "Failure",\n  "message": "Unauthorized",\n  "reason": "Unauthorized",\n  "code": 401\n}',
    );
  });
});
