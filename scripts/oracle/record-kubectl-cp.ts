// Re-records tests/fixtures/kubectl/cp.json: the real kubectl v1.34.5's cp (and the execs that
// look at what it copied) against the scenario of tests/kubectl-scenario.ts, through cli/serve's
// adapter, the cases of tests/kubectl-cp-cases.ts in order, from a directory holding LOCAL_FILES;
// then the local files as the cases left them. Virtual time runs only while a session is open.
//   npx tsx scripts/oracle/record-kubectl-cp.ts
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createApiServer, kubeconfigFor } from '../../cli/serve';
import type { ApiHandler } from '../../runtime/api/types';
import { CP_CASES, LOCAL_FILES } from '../../tests/kubectl-cp-cases';
import { kubectlScenario } from '../../tests/kubectl-scenario';
import { kubectlBinary } from './kubectl-binary.js';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const kubectl = await kubectlBinary();
const harness = await kubectlScenario();
let open = 0;
const api: ApiHandler = async (request) => {
  const reply = await harness.playground.cluster.api(request);
  if (reply.session) {
    open++;
    void reply.session.result.finally(() => open--);
  }
  return reply;
};
const server = createApiServer(api);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const home = await mkdtemp(join(tmpdir(), 'kubeplay-cp-'));
const work = join(home, 'work');
await writeFile(join(home, 'kubeconfig'), kubeconfigFor((server.address() as { port: number }).port));
for (const [path, text] of Object.entries(LOCAL_FILES)) {
  await mkdir(dirname(join(work, path)), { recursive: true });
  await writeFile(join(work, path), text);
}

const results = [];
for (const args of CP_CASES) {
  const ran = await new Promise<{ stdout: string; stderr: string; exitCode: number }>((resolve) => {
    let done = false;
    const env = { KUBECONFIG: join(home, 'kubeconfig'), HOME: home, PATH: process.env.PATH ?? '' };
    const child = execFile(kubectl, args, { env, cwd: work, timeout: 60_000 }, (error, stdout, stderr) => {
      done = true;
      resolve({ stdout, stderr, exitCode: error ? Number((error as { code?: number }).code ?? 1) : 0 });
    });
    child.stdin?.end('');
    void (async () => {
      while (!done) {
        for (let i = 0; i < 3; i++) await settle();
        if (open > 0) harness.clock.advanceToNextTimer();
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
  });
  results.push({ args, ...ran });
  console.log(`${args.join(' ')} → ${ran.exitCode}`);
}

/** The files under `dir`, by relative path (directories with a trailing `/`). */
async function tree(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = relative(work, join(entry.parentPath, entry.name));
    files[entry.isDirectory() ? `${path}/` : path] = entry.isDirectory()
      ? ''
      : await readFile(join(work, path), 'utf8');
  }
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

server.closeAllConnections();
server.close();
await harness.playground.stop();
const file = new URL('../../tests/fixtures/kubectl/cp.json', import.meta.url);
await writeFile(file, `${JSON.stringify({ cases: results, localFiles: await tree(work) }, null, 2)}\n`);
console.log(`cp: ${results.length} cases recorded`);
process.exit(0);
