// Re-records tests/fixtures/protobuf/: the request bodies the real kubectl v1.34 sends as
// Kubernetes protobuf (<name>.bin), and the JSON the same command would send (<name>.json, what
// `--dry-run=client -o json` prints). kubectl talks to a tiny recording server on 127.0.0.1 that
// answers discovery minimally, GETs of a few objects, every create with a 201 echo.
//   npx tsx scripts/oracle/record-protobuf.ts
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubectlBinary } from './kubectl-binary.js';

/**
 * Fixture name → kubectl arguments (`{dir}` is a scratch folder holding `blob`, three bytes that
 * are not UTF-8, and a fresh self-signed `tls.crt` with its `tls.key`); `json: false` where
 * kubectl has no `--dry-run=client -o json`; `reject`: writes under this path get a 404, so
 * kubectl falls back. Every one of these commands sends protobuf (the last POST or DELETE).
 */
const CASES: { name: string; args: string[]; json?: false; reject?: string }[] = [
  { name: 'quota', args: ['create', 'quota', 'qingge', '--hard=pods=1,cpu=2'] },
  {
    name: 'quota-scopes',
    args: ['create', 'quota', 'best', '--hard=pods=10,requests.memory=1Gi,limits.cpu=500m', '--scopes=BestEffort'],
  },
  { name: 'namespace', args: ['create', 'namespace', 'foo'] },
  { name: 'configmap', args: ['create', 'configmap', 'cm', '--from-literal=a=b', '--from-literal=c=d'] },
  { name: 'secret', args: ['create', 'secret', 'generic', 's', '--from-literal=k=v', '--from-literal=empty='] },
  {
    name: 'configmap-binary',
    args: ['create', 'configmap', 'bin', '--from-file=blob={dir}/blob', '--from-literal=g=héllo'],
  },
  { name: 'secret-type', args: ['create', 'secret', 'generic', 't', '--type=kubernetes.io/basic-auth'] },
  {
    name: 'secret-docker',
    args: [
      'create',
      'secret',
      'docker-registry',
      'reg',
      '--docker-server=r.io',
      '--docker-username=u',
      '--docker-password=p',
    ],
  },
  { name: 'deployment', args: ['create', 'deployment', 'nginx', '--image=nginx', '--port=80', '--replicas=2'] },
  { name: 'deployment-multi', args: ['create', 'deployment', 'multi', '--image=busybox', '--image=nginx'] },
  { name: 'deployment-command', args: ['create', 'deployment', 'sleeper', '--image=busybox', '--', 'sleep', '3600'] },
  { name: 'deployment-zero', args: ['create', 'deployment', 'zero', '--image=nginx', '--replicas=0'] },
  { name: 'serviceaccount', args: ['create', 'serviceaccount', 'sa1'] },
  { name: 'token', args: ['create', 'token', 'sa1', '--duration=1h', '--audience=api'], json: false },
  {
    name: 'token-bound',
    args: ['create', 'token', 'sa1', '--bound-object-kind=Secret', '--bound-object-name=s'],
    json: false,
  },
  { name: 'can-i', args: ['auth', 'can-i', 'create', 'pods', '-n', 'team'], json: false },
  {
    name: 'can-i-subresource',
    args: ['auth', 'can-i', 'get', 'pods', '--subresource=log', '--all-namespaces'],
    json: false,
  },
  { name: 'can-i-url', args: ['auth', 'can-i', 'get', '/logs'], json: false },
  { name: 'can-i-list', args: ['auth', 'can-i', '--list', '-n', 'team'], json: false },
  { name: 'whoami', args: ['auth', 'whoami'], json: false },
  { name: 'service-clusterip', args: ['create', 'service', 'clusterip', 'web', '--tcp=80:8080'] },
  { name: 'service-headless', args: ['create', 'service', 'clusterip', 'headless', '--clusterip=None'] },
  {
    name: 'service-nodeport',
    args: ['create', 'service', 'nodeport', 'np', '--tcp=80:8080', '--node-port=30080'],
  },
  { name: 'service-loadbalancer', args: ['create', 'service', 'loadbalancer', 'lb', '--tcp=80:8080,443:8443'] },
  { name: 'service-externalname', args: ['create', 'service', 'externalname', 'ext', '--external-name=x.com'] },
  { name: 'job', args: ['create', 'job', 'j', '--image=busybox', '--', 'echo', 'hi'] },
  { name: 'cronjob', args: ['create', 'cronjob', 'c', '--image=busybox', '--schedule=*/1 * * * *', '--', 'date'] },
  {
    name: 'cronjob-restart',
    args: ['create', 'cronjob', 'hourly', '--image=busybox', '--schedule=@hourly', '--restart=Never'],
  },
  { name: 'role', args: ['create', 'role', 'r', '--verb=get,list', '--resource=pods'] },
  {
    name: 'role-names',
    args: [
      'create',
      'role',
      'reader',
      '--verb=get',
      '--resource=pods,pods/log,deployments.apps',
      '--resource-name=a',
      '--resource-name=b',
    ],
  },
  { name: 'rolebinding', args: ['create', 'rolebinding', 'rb', '--role=r', '--user=u', '--serviceaccount=default:sa'] },
  { name: 'rolebinding-clusterrole', args: ['create', 'rolebinding', 'view', '--clusterrole=view', '--group=g'] },
  { name: 'clusterrole', args: ['create', 'clusterrole', 'cr', '--verb=get', '--resource=nodes'] },
  { name: 'clusterrole-urls', args: ['create', 'clusterrole', 'logs', '--verb=get', '--non-resource-url=/logs/*'] },
  {
    name: 'clusterrole-aggregate',
    args: ['create', 'clusterrole', 'agg', '--aggregation-rule=rbac.example.com/aggregate-to-monitoring=true'],
  },
  { name: 'clusterrolebinding', args: ['create', 'clusterrolebinding', 'crb', '--clusterrole=cr', '--group=g'] },
  { name: 'ingress', args: ['create', 'ingress', 'ing', '--rule=foo.com/bar=svc1:8080,tls=my-cert', '--class=nginx'] },
  {
    name: 'ingress-backend',
    args: ['create', 'ingress', 'catch', '--default-backend=svc:http', '--rule=/path*=svc2:80', '--annotation=a=b'],
  },
  { name: 'priorityclass', args: ['create', 'priorityclass', 'high', '--value=1000', '--description=x'] },
  {
    name: 'priorityclass-default',
    args: ['create', 'priorityclass', 'low', '--value=0', '--global-default', '--preemption-policy=Never'],
  },
  { name: 'pdb', args: ['create', 'poddisruptionbudget', 'pdb', '--selector=app=x', '--min-available=1'] },
  { name: 'pdb-percent', args: ['create', 'poddisruptionbudget', 'half', '--selector=app=y', '--max-unavailable=50%'] },
  { name: 'secret-tls', args: ['create', 'secret', 'tls', 'tls', '--cert={dir}/tls.crt', '--key={dir}/tls.key'] },
  { name: 'autoscale', args: ['autoscale', 'deployment', 'web', '--min=1', '--max=3', '--cpu-percent=50'] },
  {
    name: 'autoscale-metrics',
    args: ['autoscale', 'deployment', 'web', '--name=web-mem', '--max=5', '--cpu=500m', '--memory=70%'],
  },
  { name: 'autoscale-bare', args: ['autoscale', 'deployment', 'web', '--max=2'] },
  {
    name: 'autoscale-v1',
    args: ['autoscale', 'deployment', 'web', '--min=2', '--max=4', '--cpu=70%', '--cpu-percent=0'],
    json: false,
    reject: '/apis/autoscaling/v2/',
  },
  { name: 'debug-node', args: ['debug', 'node/n1', '--image=busybox', '--', 'sleep', '1d'], json: false },
  {
    name: 'debug-copy',
    args: ['debug', 'web-0', '--copy-to=web-debug', '--image=busybox', '--container=shell', '--', 'sh'],
    json: false,
  },
  { name: 'drain-delete', args: ['drain', 'n1', '--disable-eviction', '--force', '--grace-period=10'], json: false },
  {
    name: 'drain-delete-dry-run',
    args: ['drain', 'n1', '--disable-eviction', '--force', '--dry-run=server'],
    json: false,
  },
];

/** A discovery entry: enough for kubectl's REST mapper (`create role --resource=…` looks them up). */
const resource = (name: string, kind: string, namespaced = true) => ({
  name,
  singularName: '',
  namespaced,
  kind,
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
});
const DISCOVERY: Record<string, unknown> = {
  '/api': { kind: 'APIVersions', versions: ['v1'] },
  '/api/v1': {
    kind: 'APIResourceList',
    groupVersion: 'v1',
    resources: [resource('pods', 'Pod'), resource('pods/log', 'Pod'), resource('nodes', 'Node', false)],
  },
  '/apis': {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [
      {
        name: 'apps',
        versions: [{ groupVersion: 'apps/v1', version: 'v1' }],
        preferredVersion: { groupVersion: 'apps/v1', version: 'v1' },
      },
    ],
  },
  '/apis/apps/v1': {
    kind: 'APIResourceList',
    groupVersion: 'apps/v1',
    resources: [
      resource('deployments', 'Deployment'),
      { ...resource('deployments/scale', 'Scale'), group: 'autoscaling', version: 'v1' },
    ],
  },
};

const out = new URL('../../tests/fixtures/protobuf/', import.meta.url);
const node = { kind: 'Node', apiVersion: 'v1', metadata: { name: 'n1', uid: 'n1-uid' }, spec: {}, status: {} };
/** A pod on n1 that drain deletes (then GETs until a 404 says it is gone). */
const victim = { metadata: { name: 'victim', namespace: 'default', uid: 'victim-uid' }, spec: { nodeName: 'n1' } };
/** Objects GETs and PATCHes answer with: the target of autoscale, debug and drain. */
const OBJECTS: Record<string, unknown> = {
  '/apis/apps/v1/namespaces/default/deployments/web': {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { name: 'web', namespace: 'default', uid: 'web-uid' },
    spec: { replicas: 1, selector: { matchLabels: { app: 'web' } } },
  },
  '/api/v1/nodes/n1': node,
  '/api/v1/pods': { kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [victim] },
  // `debug --copy-to` copies this pod; the test compares the copy with it.
  '/api/v1/namespaces/default/pods/web-0': JSON.parse(await readFile(new URL('served/web-0.json', out), 'utf8')),
};

const posted: { path: string; contentType: string; body: Buffer }[] = [];
let reject: string | undefined;
const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const url = request.url ?? '/';
    const path = url.split('?')[0];
    const json = (status: number, value: unknown) =>
      response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(value));
    const found = DISCOVERY[path] ?? OBJECTS[path];
    const notFound = { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 };
    if (request.method === 'POST' || request.method === 'DELETE') {
      const contentType = request.headers['content-type'] ?? '';
      const body = Buffer.concat(chunks);
      posted.push({ path: url, contentType, body });
      if (reject && path.startsWith(reject)) json(404, notFound);
      else if (request.method === 'DELETE') json(200, { kind: 'Status', apiVersion: 'v1', status: 'Success' });
      // The object back as it came, enough for kubectl to print its "created" line.
      else response.writeHead(201, { 'Content-Type': contentType }).end(body);
    } else if (found) json(200, found);
    else json(404, notFound);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
const dir = await mkdtemp(join(tmpdir(), 'kubeplay-protobuf-'));
const kubeconfig = join(dir, 'kubeconfig');
await writeFile(join(dir, 'blob'), Buffer.from([0xff, 0x00, 0x80]));
// A throwaway self-signed certificate and its key, for `create secret tls`.
const openssl = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'];
await new Promise<void>((resolve, reject) =>
  execFile(
    'openssl',
    [...openssl, '-subj', '/CN=kubeplay', '-keyout', 'tls.key', '-out', 'tls.crt'],
    { cwd: dir },
    (error) => (error ? reject(error) : resolve()),
  ),
);
await writeFile(
  kubeconfig,
  `apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}"}}]
contexts: [{name: c, context: {cluster: c, user: u}}]
users: [{name: u, user: {}}]
current-context: c
`,
);
const kubectl = await kubectlBinary();

function run(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // HOME is a fresh folder, so kubectl's discovery cache ($HOME/.kube/cache) starts empty.
    const env = { KUBECONFIG: kubeconfig, HOME: dir, PATH: process.env.PATH ?? '' };
    execFile(kubectl, args, { env }, (_error, stdout, stderr) => resolve({ stdout, stderr }));
  });
}

await mkdir(out, { recursive: true });
for (const { name, json, ...rest } of CASES) {
  const args = rest.args.map((arg) => arg.replaceAll('{dir}', dir));
  posted.length = 0;
  reject = rest.reject;
  const { stdout, stderr } = await run(args);
  const request = posted.at(-1);
  if (!request) throw new Error(`${name}: kubectl sent no body (${stderr.trim()})`);
  if (request.contentType !== 'application/vnd.kubernetes.protobuf')
    throw new Error(`${name}: kubectl sent ${request.contentType}, not protobuf`);
  await writeFile(new URL(`${name}.bin`, out), request.body);
  if (json !== false) {
    // The flags go before a `--` that starts the container's command.
    const end = args.includes('--') ? args.indexOf('--') : args.length;
    const dryRun = await run([...args.slice(0, end), '--dry-run=client', '-o', 'json', ...args.slice(end)]);
    JSON.parse(dryRun.stdout);
    await writeFile(new URL(`${name}.json`, out), dryRun.stdout);
  }
  console.log(`${name}: ${request.body.length} bytes to ${request.path}: ${(stdout + stderr).trim()}`);
}
server.close();
await rm(dir, { recursive: true, force: true });
