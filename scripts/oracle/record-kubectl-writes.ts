// Re-records tests/fixtures/kubectl/writes.json: for each case of tests/kubectl-writes-cases.ts,
// builds a fresh kubectl scenario (deterministic from its seed), serves its API over HTTP on
// 127.0.0.1, runs the real kubectl v1.34.5 once (files written to its working directory), then
// the case's follow-up read. While kubectl holds a watch open (delete waiting for an object to
// go), virtual time runs from timer to timer, as the harness lets it run while a command waits.
//   npx tsx scripts/oracle/record-kubectl-writes.ts
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { kubectlScenario } from '../../tests/kubectl-scenario';
import { WRITE_CASES } from '../../tests/kubectl-writes-cases';
import { kubectlBinary } from './kubectl-binary.js';

interface Ran {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const kubectl = await kubectlBinary();
const results = [];
for (const testCase of WRITE_CASES) {
  const harness = await kubectlScenario();
  const api = harness.playground.cluster.api;
  let openWatches = 0;
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
        // Time runs only until the DELETED event kubectl waits for is sent: kubectl then exits,
        // as kubeplay's kubectl returns, and the clock must not run on while its process ends.
        let waiting = true;
        const stopWaiting = (): void => {
          if (waiting) openWatches--;
          waiting = false;
        };
        openWatches++;
        response.on('close', () => stream.close());
        for await (const chunk of stream) {
          response.write(chunk);
          if (chunk.includes('"type":"DELETED"')) stopWaiting();
        }
        stopWaiting();
        response.end();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const dir = await mkdtemp(join(tmpdir(), 'kubeplay-writes-'));
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
  const run = (args: string[], stdin?: string): Promise<Ran> =>
    new Promise((resolve) => {
      let done = false;
      // HOME is a fresh folder, so kubectl's discovery cache ($HOME/.kube/cache) starts empty.
      const env = { KUBECONFIG: kubeconfig, HOME: dir, PATH: process.env.PATH ?? '' };
      const child = execFile(kubectl, args, { env, cwd: work }, (error, stdout, stderr) => {
        done = true;
        const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
        resolve({ stdout, stderr, exitCode });
      });
      child.stdin?.end(stdin ?? '');
      const tick = async (): Promise<void> => {
        while (!done) {
          for (let i = 0; i < 3; i++) await settle();
          if (openWatches > 0) harness.clock.advanceToNextTimer();
          await new Promise((r) => setTimeout(r, 5));
        }
      };
      void tick();
    });
  const ran = await run(testCase.args, testCase.stdin);
  for (let i = 0; i < 3; i++) await settle();
  const followUp = await run(testCase.followUp);
  results.push({ args: testCase.args, ...ran, followUp: { args: testCase.followUp, ...followUp } });
  console.log(`${testCase.args.join(' ')} → ${ran.exitCode}`);
  server.close();
  await harness.playground.stop();
}
const file = new URL('../../tests/fixtures/kubectl/writes.json', import.meta.url);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`writes: ${results.length} cases recorded`);
process.exit(0);
