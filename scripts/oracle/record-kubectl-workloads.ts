// Re-records tests/fixtures/kubectl/workloads.json: for each case of
// tests/kubectl-workloads-cases.ts, builds a fresh kubectl scenario (deterministic from its
// seed), serves its API over HTTP on 127.0.0.1, runs the real kubectl v1.34.5 for each step
// (files written to its working directory), then the case's follow-up read. While kubectl holds
// a watch open (rollout status, wait), virtual time runs from timer to timer; after each event
// sent, kubectl gets a moment to act on it (and close the watch) before time runs on, as
// kubeplay's kubectl returns at once when its condition holds.
//   npx tsx scripts/oracle/record-kubectl-workloads.ts
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { kubectlScenario } from '../../tests/kubectl-scenario';
import { WORKLOAD_CASES } from '../../tests/kubectl-workloads-cases';
import { kubectlBinary } from './kubectl-binary.js';

interface Ran {
  args: string[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const kubectl = await kubectlBinary();
// An index records that case alone, into the fixture as it stands.
const only = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
const file = new URL('../../tests/fixtures/kubectl/workloads.json', import.meta.url);
const results: unknown[] =
  only === undefined ? [] : (JSON.parse(await readFile(file, 'utf8').catch(() => '[]')) as unknown[]);
for (const [index, testCase] of WORKLOAD_CASES.entries()) {
  if (only !== undefined && index !== only) continue;
  const harness = await kubectlScenario();
  const api = harness.playground.cluster.api;
  let openWatches = 0;
  let lastWrite = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [key, value] of Object.entries(request.headers)) if (typeof value === 'string') headers[key] = value;
      const body = chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined;
      void api({ method: request.method ?? 'GET', path: request.url ?? '/', headers, body }).then(async (reply) => {
        response.writeHead(reply.status, reply.headers);
        if (!reply.stream) return void response.end(reply.body);
        const stream = reply.stream;
        let open = true;
        openWatches++;
        const closed = (): void => {
          if (open) openWatches--;
          open = false;
        };
        response.on('close', () => {
          closed();
          stream.close();
        });
        for await (const chunk of stream) {
          lastWrite = Date.now();
          response.write(chunk);
        }
        closed();
        response.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const dir = await mkdtemp(join(tmpdir(), 'kubeplay-workloads-'));
  const work = join(dir, 'work');
  await mkdir(work);
  for (const [path, text] of Object.entries(testCase.files ?? {})) {
    await mkdir(dirname(join(work, path)), { recursive: true });
    await writeFile(join(work, path), text);
  }
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
  const run = (args: string[]): Promise<Ran> =>
    new Promise((resolve) => {
      let done = false;
      const env = { KUBECONFIG: kubeconfig, HOME: dir, PATH: process.env.PATH ?? '', TZ: 'UTC' };
      const child = execFile(kubectl, args, { env, cwd: work }, (error, stdout, stderr) => {
        done = true;
        const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ args, stdout, stderr, exitCode });
      });
      child.stdin?.end('');
      const tick = async (): Promise<void> => {
        while (!done) {
          for (let i = 0; i < 3; i++) await settle();
          // replace --force polls (a GET a second) instead of watching: time runs for it too.
          const waiting = openWatches > 0 || testCase.timeRuns === true;
          if (waiting && Date.now() - lastWrite > 150) harness.clock.advanceToNextTimer();
          await sleep(2);
        }
      };
      void tick();
    });
  const steps: Ran[] = [];
  for (const step of testCase.steps) {
    steps.push(await run(step));
    for (let i = 0; i < 3; i++) await settle();
  }
  const followUp = await run(testCase.followUp);
  results[index] = { steps, followUp };
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`${index}: ${steps.map((s) => `${s.args.join(' ')} → ${s.exitCode}`).join('; ')}`);
  server.close();
  await harness.playground.stop();
}
console.log(`workloads: ${results.length} cases recorded`);
process.exit(0);
