// Re-records tests/fixtures/kubectl/templates.json: serves kubeplay's API handler over HTTP on
// 127.0.0.1 with a few varied objects, runs the real kubectl v1.34.5 `get … -o jsonpath=…`,
// `custom-columns`, `go-template` (and their -file forms) against it, and keeps what it printed
// together with the `get <same target> -o json` output each template was applied to. The replay
// test (runtime/kubectl/printers/templates-oracle.test.ts) feeds that JSON to kubeplay's printers.
//   npx tsx scripts/oracle/record-kubectl-templates.ts
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../runtime/clock';
import { createCluster } from '../../runtime/cluster';
import { createSeededRng } from '../../runtime/rng';
import { MemoryBackend } from '../../runtime/storage/backend';
import { kubectlBinary } from './kubectl-binary.js';
import { TEMPLATE_CASES, TEMPLATE_OBJECTS, type TemplateCase } from './templates-cases';

const cluster = await createCluster({
  clock: new VirtualClock(Date.UTC(2026, 0, 1)),
  rng: createSeededRng('templates'),
  storage: new MemoryBackend(),
});
for (const { path, object } of TEMPLATE_OBJECTS) {
  const reply = await cluster.api({
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(object),
  });
  if (reply.status !== 201) throw new Error(`could not create ${path}: ${reply.body}`);
}

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[key] = value;
    const body = chunks.length ? Buffer.concat(chunks).toString('utf8') : undefined;
    void cluster.api({ method: request.method ?? 'GET', path: request.url ?? '/', headers, body }).then((reply) => {
      response.writeHead(reply.status, reply.headers).end(reply.body);
    });
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
const dir = await mkdtemp(join(tmpdir(), 'kubeplay-templates-'));
const kubeconfig = join(dir, 'kubeconfig');
await writeFile(
  kubeconfig,
  `apiVersion: v1
kind: Config
clusters: [{name: kubeplay, cluster: {server: "http://127.0.0.1:${port}"}}]
contexts: [{name: kubeplay, context: {cluster: kubeplay, user: learner, namespace: default}}]
users: [{name: learner, user: {}}]
current-context: kubeplay
`,
);
const kubectl = await kubectlBinary();

interface Run {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    // HOME is a fresh folder, so kubectl's discovery cache ($HOME/.kube/cache) starts empty.
    const env = { KUBECONFIG: kubeconfig, HOME: dir, PATH: process.env.PATH ?? '' };
    execFile(kubectl, args, { env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ stdout, stderr, exitCode });
    });
  });
}

/** `FILE` in a case's args stands for the template file written from its `file` text. */
const FILE = 'FILE';
const sources: Record<string, string> = {};
const results = [];
let fileCount = 0;
for (const c of TEMPLATE_CASES as TemplateCase[]) {
  const key = c.target.join(' ');
  if (!(key in sources)) {
    // The template printers see managedFields, which -o json hides unless asked.
    const json = await run(['get', ...c.target, '-o', 'json', '--show-managed-fields']);
    if (json.exitCode !== 0) throw new Error(`get ${key} -o json failed: ${json.stderr}`);
    sources[key] = json.stdout;
  }
  let args = ['get', ...c.target, ...c.args];
  if (c.file !== undefined) {
    const path = join(dir, `template-${fileCount++}`);
    await writeFile(path, c.file);
    args = args.map((arg) => arg.replace(FILE, path));
  }
  const result = await run(args);
  results.push({ target: key, args: ['get', ...c.target, ...c.args], file: c.file, ...result });
}
const file = new URL('../../tests/fixtures/kubectl/templates.json', import.meta.url);
await writeFile(file, `${JSON.stringify({ sources, cases: results }, null, 2)}\n`);
console.log(`templates: ${results.length} cases recorded`);
server.close();
