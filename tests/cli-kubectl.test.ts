// `npx kubeplay kubectl` as a process: the client-only commands, the exit code, and a server that
// is not there (the real kubectl's last line; its klog lines before it are left out).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function kubeplayKubectl(...args: string[]) {
  const home = mkdtempSync(join(tmpdir(), 'kubeplay-cli-kubectl-'));
  return spawnSync('node', ['cli/kubeplay.js', 'kubectl', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: home },
    encoding: 'utf8',
  });
}

it('prints the client version and exits 0', () => {
  const ran = kubeplayKubectl('version', '--client');
  expect(ran.stdout).toBe('Client Version: v1.34.5\nKustomize Version: v5.7.1\n');
  expect(ran.status).toBe(0);
}, 60_000);

it('says when the server refuses the connection, and exits 1', () => {
  const ran = kubeplayKubectl('--server=http://127.0.0.1:1', 'get', 'pods');
  expect(ran.stderr).toBe(
    'The connection to the server 127.0.0.1:1 was refused - did you specify the right host or port?\n',
  );
  expect(ran.status).toBe(1);
}, 60_000);
