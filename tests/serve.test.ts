// `kubeplay serve --state DIR`: what the API acknowledged survives a restart of the server.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts `kubeplay serve` and resolves to its base URL and a stop function. */
async function serve(state: string): Promise<{ url: string; stop(): Promise<number | null> }> {
  const child = spawn(
    'node',
    ['cli/kubeplay.js', 'serve', '--port', '0', '--state', state, '--kubeconfig', join(state, 'kc')],
    {
      cwd: root,
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

it('keeps objects across a restart when given --state, and exits 0 on SIGTERM', async () => {
  const state = mkdtempSync(join(tmpdir(), 'kubeplay-state-'));
  const first = await serve(state);
  const created = await fetch(`${first.url}/api/v1/namespaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kept' } }),
  });
  expect(created.status).toBe(201);
  const uid = ((await created.json()) as { metadata: { uid: string } }).metadata.uid;
  expect(await first.stop()).toBe(0);
  const second = await serve(state);
  const fetched = await fetch(`${second.url}/api/v1/namespaces/kept`);
  expect(fetched.status).toBe(200);
  expect(((await fetched.json()) as { metadata: { uid: string } }).metadata.uid).toBe(uid);
  expect(await second.stop()).toBe(0);
}, 60_000);
