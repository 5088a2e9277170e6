import { describe, expect, it } from 'vitest';
import { createHarness } from './harness';

const KLOG =
  /^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ memcache\.go:265\] "Unhandled Error" err="couldn't get current server API group list: Get \\"https:\/\/192\.168\.49\.2:8443\/api\?timeout=32s\\": dial tcp 192\.168\.49\.2:8443: connect: connection refused"$/;
const REFUSED = 'The connection to the server 192.168.49.2:8443 was refused - did you specify the right host or port?';

describe('a stopped minikube', () => {
  it('refuses kubectl until minikube start', async () => {
    const h = await createHarness();
    expect((await h.run('minikube stop')).exitCode).toBe(0);
    const r = await h.run('kubectl get pods');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    for (const line of lines.slice(0, 5)) expect(line).toMatch(KLOG);
    expect(lines[5]).toBe(REFUSED);
    expect(r.exitCode).toBe(1);
    const version = await h.run('kubectl version');
    expect(version.stdout).toBe('Client Version: v1.34.5\nKustomize Version: v5.7.1\n');
    expect(version.stderr).toBe(`${REFUSED}\n`);
    expect((await h.run('minikube status')).stdout).toContain('host: Stopped');
    expect((await h.run('minikube start')).exitCode).toBe(0);
    const after = await h.run('kubectl get ns default');
    expect(after.stderr).toBe('');
    expect(after.exitCode).toBe(0);
  });
});
