// Re-records tests/fixtures/kubectl/ops.json: for each case of tests/kubectl-ops-cases.ts, builds
// a fresh kubectl scenario (deterministic from its seed), brings it to the case's state, serves
// its API over HTTP on 127.0.0.1 and runs the real kubectl v1.34.5: the commands before, the
// command, the follow-up read. Virtual time stands still while kubectl runs, except in cases
// that wait (drain polls until evicted pods are gone), where it runs from timer to timer once
// the first eviction is sent.
//   npx tsx scripts/oracle/record-kubectl-ops.ts
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubectlScenario } from '../../tests/kubectl-scenario';
import { OPS_CASES, prepareOpsCase } from '../../tests/kubectl-ops-cases';
import { kubectlBinary } from './kubectl-binary.js';

interface Ran {
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const kubectl = await kubectlBinary();
const only = process.argv[2];
const results = [];
for (const testCase of OPS_CASES) {
  if (only && !testCase.args.join(' ').includes(only)) continue;
  const harness = await kubectlScenario();
  await prepareOpsCase(harness, testCase);
  const api = harness.playground.cluster.api;
  // Time runs only once kubectl waits for evicted pods (its first eviction sent): before that it
  // is still starting up, cordoning and listing, which take no time in kubeplay's kubectl.
  let waiting = false;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[key] = value;
      const body = chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined;
      if (request.url?.includes('/eviction')) waiting = true;
      void api({ method: request.method ?? 'GET', path: request.url ?? '/', headers, body }).then((reply) => {
        response.writeHead(reply.status, reply.headers).end(reply.body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const dir = await mkdtemp(join(tmpdir(), 'kubeplay-ops-'));
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
  const run = (args: string[], timeRuns = false): Promise<Ran> =>
    new Promise((resolve) => {
      let done = false;
      const env = { KUBECONFIG: kubeconfig, HOME: dir, PATH: process.env.PATH ?? '' };
      const child = execFile(kubectl, args, { env, cwd: dir }, (error, stdout, stderr) => {
        done = true;
        const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ args, stdout, stderr, exitCode });
      });
      child.stdin?.end('');
      const tick = async (): Promise<void> => {
        while (!done) {
          for (let i = 0; i < 3; i++) await settle();
          if (timeRuns && waiting) harness.clock.advanceToNextTimer();
          await new Promise((r) => setTimeout(r, 5));
        }
      };
      void tick();
    });
  const before = [];
  for (const args of testCase.before ?? []) {
    before.push(await run(args));
    for (let i = 0; i < 3; i++) await settle();
  }
  const ran = await run(testCase.args, testCase.timeRuns);
  for (let i = 0; i < 3; i++) await settle();
  const followUp = testCase.followUp ? await run(testCase.followUp) : undefined;
  results.push({ ...ran, before, followUp });
  console.log(`${testCase.args.join(' ')} → ${ran.exitCode}`);
  server.close();
  await harness.playground.stop();
}
const file = new URL(`../../tests/fixtures/kubectl/ops${only ? '-only' : ''}.json`, import.meta.url);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`ops: ${results.length} cases recorded`);
process.exit(0);
