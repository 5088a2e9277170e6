// One fidelity case end to end: a fresh kubectl scenario (seeded, virtual time), the case's
// commands before it run in the playground's shell, the API served over real HTTP by
// `kubeplay serve`'s server (watches and exec included), and a client run in a fresh folder with a
// kubeconfig for it. The recorder runs the real kubectl v1.34.5 as the client; the test and the
// table script run `kubeplay kubectl` (cli/kubectl.ts) on the same state, and compare.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runKubectl } from '../cli/kubectl';
import { createApiServer } from '../cli/serve';
import { stringInput } from '../runtime/shell/process';
import type { FidelityCase } from './kubectl-fidelity-cases';
import { kubectlScenario } from './kubectl-scenario';

/** What one client printed. */
export interface FidelityRun {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A client run in `dir` with `env` (KUBECONFIG and HOME set): the real kubectl or ours. */
export type FidelityClient = (
  args: string[],
  dir: string,
  env: Record<string, string>,
  stdin: string,
) => Promise<FidelityRun>;

/** The real kubectl binary at `binary` as a client. */
export function realKubectl(binary: string): FidelityClient {
  return (args, dir, env, stdin) =>
    new Promise((resolve) => {
      const child = execFile(
        binary,
        args,
        { env: { ...env, PATH: process.env.PATH ?? '' }, cwd: dir, maxBuffer: 64 << 20, timeout: 60_000 },
        (error, stdout, stderr) => {
          const exitCode = error ? Number((error as { code?: number }).code ?? 1) : 0;
          resolve({ stdout, stderr, exitCode });
        },
      );
      child.stdin?.end(stdin);
    });
}

/** `kubeplay kubectl` (cli/kubectl.ts) as a client, in this process, its streams captured. */
export const kubeplayKubectl: FidelityClient = async (args, dir, env, stdin) => {
  let stdout = '';
  let stderr = '';
  const exitCode = await runKubectl(args, {
    stdin: stringInput(stdin),
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
    env,
    cwd: dir,
  });
  return { stdout, stderr, exitCode };
};

/** Runs `testCase` with `client` on a fresh scenario; resolves to what the client printed. */
export async function runFidelityCase(testCase: FidelityCase, client: FidelityClient): Promise<FidelityRun> {
  const harness = await kubectlScenario();
  for (const line of testCase.before ?? []) {
    const ran = await harness.run(line);
    if (ran.exitCode !== 0) throw new Error(`${line}: ${ran.stderr}`);
  }
  const server = createApiServer(harness.playground.cluster.api);
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const port = (server.address() as { port: number }).port;
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-fidelity-'));
  const kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(
    kubeconfig,
    `apiVersion: v1
kind: Config
clusters: [{name: kubeplay, cluster: {server: "http://127.0.0.1:${port}"}}]
contexts: [{name: kubeplay, context: {cluster: kubeplay, user: learner}}]
users: [{name: learner, user: {}}]
current-context: kubeplay
`,
  );
  for (const [path, text] of Object.entries(testCase.files ?? {})) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  try {
    const ran = await client(testCase.args, dir, { KUBECONFIG: kubeconfig, HOME: dir }, testCase.stdin ?? '');
    return normalise(ran, port, dir);
  } finally {
    server.closeAllConnections();
    server.close();
    await harness.playground.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What changes from run to run, made the same on both sides: the server's port and the folder,
 * and ages the real kubectl computes on the wall clock (`kubectl events`, describe's Events), which
 * the virtual cluster's clock cannot match.
 */
function normalise(ran: FidelityRun, port: number, dir: string): FidelityRun {
  const fix = (text: string): string =>
    text
      .replaceAll(`127.0.0.1:${port}`, '127.0.0.1:PORT')
      .replaceAll(dir, 'DIR')
      .replace(/\b(\d+[smhdy])+(\d+[smhdy])*\b(?= \(x\d+ over|\s{2,}|$)/gm, 'AGE')
      .replace(/<invalid>/g, 'AGE');
  return { stdout: fix(ran.stdout), stderr: fix(ran.stderr), exitCode: ran.exitCode };
}

/** A line saying how two runs differ (stdout, stderr, exit code), or undefined when identical. */
export function difference(real: FidelityRun, ours: FidelityRun): string | undefined {
  const parts: string[] = [];
  if (real.exitCode !== ours.exitCode) parts.push(`exit ${ours.exitCode}, not ${real.exitCode}`);
  for (const stream of ['stdout', 'stderr'] as const) {
    if (real[stream] === ours[stream]) continue;
    const a = real[stream].split('\n');
    const b = ours[stream].split('\n');
    let line = 0;
    while (line < a.length && a[line] === b[line]) line++;
    const shown = (text: string | undefined): string =>
      text === undefined ? '(end)' : text.trim() === '' ? '(empty)' : `\`${text.trim().slice(0, 60)}\``;
    parts.push(`${stream} line ${line + 1}: ${shown(b[line])}, not ${shown(a[line])}`);
  }
  return parts.length ? parts.join('; ') : undefined;
}
