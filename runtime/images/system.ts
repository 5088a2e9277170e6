import { CoreDns } from '../network/coredns';
import { queryLogLine } from '../network/coredns-log';
import type { DnsQuery, DnsResponse } from '../network/dns-types';
import { createSeededRng } from '../rng';
import { dashboard } from './dashboard';
import { klogTime } from './log-time';
import { BASE_PROGRAMS, serveUntilStopped } from './programs';
import type { HttpResponse, ImageModule, ProcessContext, Program } from './types';

const health = (): Promise<HttpResponse> =>
  Promise.resolve({ status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'OK' });

/** A component that logs its start (klog or its own format), listens on its ports (health endpoints answer `ok`) and serves until stopped. */
function component(log: (ctx: ProcessContext) => string[], ports: number[] = []): Program {
  return (ctx) => {
    for (const line of log(ctx)) ctx.stderr.write(`${line}\n`);
    const closers = ports.map((port) => ctx.listen(port, { protocol: 'TCP', http: health }));
    return serveUntilStopped(ctx, undefined, () => closers.forEach((close) => close()));
  };
}

/** CoreDNS's start-up banner (what `kubectl logs` shows of a minikube CoreDNS pod). */
const COREDNS_BANNER = [
  '.:53',
  '[INFO] plugin/reload: Running configuration SHA512 = 9e2996f8cb67ac53e0259ab1f8d615d07d1beb0bd07e6a1e39769c3bf486a905bb991cc47f8d2f14d0d3a90a87dfc625a0b4c524fed169d8158c40657c0694b1',
  'CoreDNS-1.12.1',
  'linux/amd64, go1.24.1, 707c7c1',
];

/**
 * CoreDNS: answers DNS on UDP 53 from its informers (runtime/network/coredns.ts), `health` on
 * 8080, `ready` on 8181 and prometheus on 9153. Without the API it still serves its ports and
 * answers nothing (clients time out).
 */
const coredns: Program = (ctx) => {
  for (const line of COREDNS_BANNER) ctx.stdout.write(`${line}\n`);
  const server = ctx.kubernetes ? new CoreDns(ctx.kubernetes, ctx.clock, createSeededRng('coredns')) : undefined;
  server?.start();
  const closers = [8080, 8181, 9153].map((port) => ctx.listen(port, { protocol: 'TCP', http: health }));
  if (server) {
    // The client's port, the query's ID and the time taken are the resolver's and the machine's:
    // drawn from a stream of CoreDNS's own, as nothing in the simulation decides them.
    const rng = createSeededRng(`coredns-log:${ctx.hostname}`);
    const dns = async (query: DnsQuery, from: string): Promise<DnsResponse> => {
      const response = await server.answer(query);
      const origin = { address: from, port: 32768 + rng.int(28232), id: rng.int(65536) };
      ctx.stdout.write(`[INFO] ${queryLogLine(query, response, origin, 60_000 + rng.int(240_000))}\n`);
      return response;
    };
    closers.push(ctx.listen(53, { protocol: 'UDP', dns }));
  }
  const stop = (): void => {
    server?.stop();
    closers.forEach((close) => close());
  };
  ctx.ended?.onAbort(stop);
  return serveUntilStopped(ctx, undefined, stop);
};

/** A klog line at INFO from `file:line`, as the Kubernetes components write them. */
const klog = (ctx: ProcessContext, source: string, message: string): string =>
  `I${klogTime(ctx.startedAt)}       1 ${source}] ${message}`;

interface ComponentSpec {
  repository: string;
  tags: RegExp;
  sizeBytes: number;
  program: string;
  log: (ctx: ProcessContext) => string[];
  entrypoint?: string[];
  ports?: number[];
}

function componentImage(spec: ComponentSpec): ImageModule {
  return {
    repository: spec.repository,
    tags: spec.tags,
    sizeBytes: spec.sizeBytes,
    config: { entrypoint: spec.entrypoint ?? [spec.program] },
    files: () => ({}),
    programs: { ...BASE_PROGRAMS, [spec.program]: component(spec.log, spec.ports) },
  };
}

const kubeComponent = (name: string, sizeBytes: number, first: string): ImageModule =>
  componentImage({
    repository: `registry.k8s.io/${name}`,
    tags: /^v1\.\d+\.\d+$/,
    sizeBytes,
    program: name,
    log: (ctx) => [klog(ctx, 'options.go:249', first), klog(ctx, 'server.go:211', `Version: v1.34.0`)],
  });

/** The images a minikube v1.37 node runs for Kubernetes v1.34 (all preloaded). */
export const SYSTEM_IMAGES: ImageModule[] = [
  kubeComponent('kube-apiserver', 88_950_000, 'external host was not specified, using 192.168.49.2'),
  kubeComponent('kube-controller-manager', 74_870_000, 'Starting controller manager'),
  kubeComponent('kube-scheduler', 52_830_000, 'Starting Kubernetes Scheduler'),
  kubeComponent('kube-proxy', 71_900_000, 'Using iptables proxy'),
  componentImage({
    repository: 'registry.k8s.io/etcd',
    tags: /^\d+\.\d+\.\d+-\d+$/,
    sizeBytes: 195_000_000,
    program: 'etcd',
    log: (ctx) => [
      `{"level":"info","ts":"${new Date(ctx.startedAt).toISOString()}","caller":"embed/etcd.go:138","msg":"configuring peer listeners","listen-peer-urls":["https://192.168.49.2:2380"]}`,
      `{"level":"info","ts":"${new Date(ctx.startedAt).toISOString()}","caller":"etcdserver/server.go:2409","msg":"published local member to cluster through raft","local-member-attributes":"{Name:minikube ClientURLs:[https://192.168.49.2:2379]}"}`,
    ],
  }),
  {
    repository: 'registry.k8s.io/coredns/coredns',
    tags: /^v1\.\d+\.\d+$/,
    sizeBytes: 75_000_000,
    config: { entrypoint: ['/coredns'] },
    files: () => ({}),
    programs: { ...BASE_PROGRAMS, '/coredns': coredns },
  },
  componentImage({
    repository: 'registry.k8s.io/pause',
    tags: /^3\.\d+(\.\d+)?$/,
    sizeBytes: 736_000,
    program: '/pause',
    log: () => [],
  }),
  componentImage({
    repository: 'gcr.io/k8s-minikube/storage-provisioner',
    tags: /^v\d+$/,
    sizeBytes: 31_470_000,
    program: '/storage-provisioner',
    log: (ctx) => [
      klog(ctx, 'storage_provisioner.go:116', 'Initializing the minikube storage provisioner...'),
      klog(ctx, 'storage_provisioner.go:141', 'Storage provisioner initialized, now starting service!'),
      klog(ctx, 'leaderelection.go:243', 'attempting to acquire leader lease kube-system/k8s.io-minikube-hostpath...'),
    ],
  }),
  {
    repository: 'docker.io/kubernetesui/dashboard',
    tags: /^v2\.\d+\.\d+$/,
    sizeBytes: 246_000_000,
    config: { entrypoint: ['/dashboard'] },
    files: () => ({}),
    programs: { ...BASE_PROGRAMS, '/dashboard': dashboard },
  },
  componentImage({
    repository: 'docker.io/kubernetesui/metrics-scraper',
    tags: /^v1\.\d+\.\d+$/,
    sizeBytes: 43_800_000,
    program: '/metrics-sidecar',
    ports: [8000],
    log: () => [],
  }),
  componentImage({
    repository: 'registry.k8s.io/metrics-server/metrics-server',
    tags: /^v0\.\d+\.\d+$/,
    sizeBytes: 67_100_000,
    program: '/metrics-server',
    ports: [4443],
    log: (ctx) => [
      klog(ctx, 'serving.go:374', 'Generated self-signed cert (/tmp/apiserver.crt, /tmp/apiserver.key)'),
      klog(ctx, 'secure_serving.go:213', 'Serving securely on [::]:4443'),
    ],
  }),
  componentImage({
    repository: 'docker.io/kicbase/echo-server',
    tags: /^(latest|1\.0)$/,
    sizeBytes: 4_940_000,
    program: '/echo-server',
    log: () => ['Echo server listening on port 8080.'],
  }),
];
