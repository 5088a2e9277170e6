// Re-records tests/fixtures/kubectl/generators.json: runs the real kubectl v1.34 with
// `--dry-run=client -o json` for `create <generator>`, `run` and `expose` against kubeplay's API
// handler (served over HTTP on 127.0.0.1, holding the objects to expose), in a folder holding the
// files the cases read. runtime/kubectl/generators/generators.test.ts replays every case.
//   npx tsx scripts/oracle/record-kubectl-generators.ts
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../runtime/clock';
import { createCluster } from '../../runtime/cluster';
import { createSeededRng } from '../../runtime/rng';
import { MemoryBackend } from '../../runtime/storage/backend';
import { CASES, FILES, OBJECTS } from './generator-cases';
import { kubectlBinary } from './kubectl-binary.js';

const cluster = await createCluster({
  clock: new VirtualClock(Date.UTC(2026, 0, 1)),
  rng: createSeededRng('oracle'),
  storage: new MemoryBackend(),
});
const objects: unknown[] = [];
for (const { path, body } of OBJECTS) {
  const reply = await cluster.api({
    method: 'POST',
    path,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (reply.status !== 201) throw new Error(`${path}: ${reply.status} ${reply.body}`);
  objects.push(JSON.parse(reply.body));
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
const dir = await mkdtemp(join(tmpdir(), 'kubeplay-generators-'));
const work = join(dir, 'work');
await mkdir(work);
for (const [name, text] of Object.entries(FILES)) await writeFile(join(work, name), text);
const kubeconfig = join(dir, 'kubeconfig');
await writeFile(
  kubeconfig,
  `apiVersion: v1
kind: Config
clusters: [{name: kubeplay, cluster: {server: "http://127.0.0.1:${port}"}}]
contexts: [{name: kubeplay, context: {cluster: kubeplay, user: learner}}]
users: [{name: learner, user: {}}]
current-context: kubeplay
`,
);
const kubectl = await kubectlBinary();

function run(args: string[]): Promise<{ args: string[]; stdout: string; stderr: string; exitCode: number }> {
  return new Promise((resolve) => {
    const env = { KUBECONFIG: kubeconfig, HOME: dir, PATH: process.env.PATH ?? '' };
    execFile(kubectl, args, { env, cwd: work }, (error, stdout, stderr) => {
      const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
      resolve({ args, stdout, stderr, exitCode });
    });
  });
}

const cases = [];
for (const args of CASES) cases.push(await run(args));
const file = new URL('../../tests/fixtures/kubectl/generators.json', import.meta.url);
await writeFile(file, `${JSON.stringify({ files: FILES, objects, cases }, null, 2)}\n`);
console.log(`generators: ${cases.length} cases recorded`);
server.close();
