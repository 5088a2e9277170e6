// Re-records tests/fixtures/kubectl/kustomize.json: for each case of tests/kubectl-kustomize-cases.ts,
// writes its files into a fresh temporary directory, serves a fresh kubectl scenario's API over
// HTTP on 127.0.0.1 and runs the real kubectl v1.34.5 there (the commands before, the command,
// the follow-up read). The temporary directory's path is written as WORK_DIR in the fixture.
//   npx tsx scripts/oracle/record-kubectl-kustomize.ts
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { KUSTOMIZE_CASES, WORK_DIR } from '../../tests/kubectl-kustomize-cases';
import { kubectlScenario } from '../../tests/kubectl-scenario';
import { kubectlBinary } from './kubectl-binary.js';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const kubectl = await kubectlBinary();
const results = [];
for (const testCase of KUSTOMIZE_CASES) {
  const harness = await kubectlScenario();
  const api = harness.playground.cluster.api;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[key] = value;
      const body = chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined;
      void api({ method: request.method ?? 'GET', path: request.url ?? '/', headers, body }).then((reply) => {
        response.writeHead(reply.status, reply.headers).end(reply.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const home = await mkdtemp(join(tmpdir(), 'kubeplay-kz-home-'));
  const work = await mkdtemp(join(tmpdir(), 'kubeplay-kz-'));
  for (const [path, text] of Object.entries(testCase.files)) {
    await mkdir(dirname(join(work, path)), { recursive: true });
    await writeFile(join(work, path), text);
  }
  const kubeconfig = join(home, 'kubeconfig');
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
  const unplace = (text: string): string => text.split(work).join(WORK_DIR);
  const run = (args: string[]): Promise<{ args: string[]; stdout: string; stderr: string; exitCode: number }> =>
    new Promise((resolve) => {
      const env = { KUBECONFIG: kubeconfig, HOME: home, PATH: process.env.PATH ?? '' };
      const child = execFile(kubectl, args, { env, cwd: work }, (error, stdout, stderr) => {
        const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ args, stdout: unplace(stdout), stderr: unplace(stderr), exitCode });
      });
      child.stdin?.end('');
    });
  const before = [];
  for (const args of testCase.before ?? []) {
    before.push(await run(args));
    for (let i = 0; i < 3; i++) await settle();
  }
  const ran = await run(testCase.args);
  for (let i = 0; i < 3; i++) await settle();
  const followUp = testCase.followUp ? await run(testCase.followUp) : undefined;
  results.push({ ...ran, before, followUp });
  console.log(`${testCase.args.join(' ')} → ${ran.exitCode}`);
  server.close();
  await harness.playground.stop();
}
const file = new URL('../../tests/fixtures/kubectl/kustomize.json', import.meta.url);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`kustomize: ${results.length} cases recorded`);
process.exit(0);
