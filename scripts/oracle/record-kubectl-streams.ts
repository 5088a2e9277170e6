// Re-records tests/fixtures/kubectl/streams.json: the real kubectl v1.34.5's logs and exec (over
// WebSocket v5.channel.k8s.io, through cli/serve's adapter) against the scenario of
// tests/kubectl-scenario.ts, the cases of tests/kubectl-streams-cases.ts in order on one
// scenario. Virtual time runs from timer to timer only while a request, stream or exec session
// is open (as it runs in tests while kubeplay's kubectl waits on one).
//   npx tsx scripts/oracle/record-kubectl-streams.ts
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiServer, kubeconfigFor } from '../../cli/serve';
import type { ApiHandler } from '../../runtime/api/types';
import { kubectlScenario } from '../../tests/kubectl-scenario';
import { STREAM_CASES } from '../../tests/kubectl-streams-cases';
import { kubectlBinary } from './kubectl-binary.js';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const kubectl = await kubectlBinary();
const harness = await kubectlScenario();
let open = 0;
const api: ApiHandler = async (request) => {
  open++;
  try {
    const reply = await harness.playground.cluster.api(request);
    if (reply.stream) {
      open++;
      const stream = reply.stream;
      const close = stream.close.bind(stream);
      let closed = false;
      stream.close = () => {
        if (!closed) open--;
        closed = true;
        close();
      };
    }
    if (reply.session) {
      open++;
      void reply.session.result.finally(() => open--);
    }
    return reply;
  } finally {
    open--;
  }
};
const server = createApiServer(api);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const dir = await mkdtemp(join(tmpdir(), 'kubeplay-streams-'));
await writeFile(join(dir, 'kubeconfig'), kubeconfigFor((server.address() as { port: number }).port));

const results = [];
for (const testCase of STREAM_CASES) {
  const ran = await new Promise<{ stdout: string; stderr: string; exitCode: number }>((resolve) => {
    let done = false;
    const env = { KUBECONFIG: join(dir, 'kubeconfig'), HOME: dir, PATH: process.env.PATH ?? '' };
    const child = execFile(kubectl, testCase.args, { env, cwd: dir, timeout: 60_000 }, (error, stdout, stderr) => {
      done = true;
      resolve({ stdout, stderr, exitCode: error ? Number((error as { code?: number }).code ?? 1) : 0 });
    });
    child.stdin?.end(testCase.stdin ?? '');
    void (async () => {
      while (!done) {
        for (let i = 0; i < 3; i++) await settle();
        if (open > 0) harness.clock.advanceToNextTimer();
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
  });
  results.push({ args: testCase.args, ...ran });
  console.log(`${testCase.args.join(' ')} → ${ran.exitCode}`);
}
server.closeAllConnections();
server.close();
await harness.playground.stop();
const file = new URL('../../tests/fixtures/kubectl/streams.json', import.meta.url);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`streams: ${results.length} cases recorded`);
process.exit(0);
