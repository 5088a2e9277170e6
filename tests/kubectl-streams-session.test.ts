// kubectl proxy, port-forward, logs -f and attach in a shell session of the kubectl scenario,
// with curl on the host's loopback. Until the lead registers these subcommands in kubectl.ts,
// the test wraps the session's kubectl to run them (as kubectl.ts will).
import { beforeAll, describe, expect, it } from 'vitest';
import { attach } from '../runtime/kubectl/attach';
import { exec } from '../runtime/kubectl/exec';
import { parseFlags } from '../runtime/kubectl/flags';
import { GLOBAL_FLAGS } from '../runtime/kubectl/global-flags';
import { logs } from '../runtime/kubectl/logs';
import { portForward } from '../runtime/kubectl/port-forward';
import { proxy } from '../runtime/kubectl/proxy';
import type { KubectlSubcommand } from '../runtime/kubectl/subcommand';
import type { ShellCommand, ShellServices } from '../runtime/shell/command';
import type { Harness } from './harness';
import { kubectlScenario } from './kubectl-scenario';

const MINE = new Map<string, KubectlSubcommand>([logs, exec, attach, portForward, proxy].map((c) => [c.name, c]));

/** The session's kubectl, with this work's subcommands in front of it. */
function withStreams(harness: Harness): void {
  const services = (harness.session as unknown as { services: ShellServices }).services;
  const commands = services.commands as Map<string, ShellCommand>;
  const original = commands.get('kubectl') as ShellCommand;
  commands.set('kubectl', {
    ...original,
    async run(ctx) {
      const subcommand = MINE.get(ctx.argv[1]);
      if (!subcommand) return original.run(ctx);
      const parsed = parseFlags(ctx.argv.slice(2), [...GLOBAL_FLAGS, ...subcommand.flags]);
      if (!parsed.ok) throw new Error(parsed.error);
      return subcommand.run({
        args: parsed.args,
        dashAt: parsed.dashAt,
        flags: parsed.values,
        stdout: ctx.stdout,
        stderr: ctx.stderr,
        api: ctx.shell.api,
        signal: ctx.signal,
        clock: ctx.shell.clock,
        fs: ctx.fs,
        cwd: ctx.cwd,
        stdin: ctx.stdin,
        env: ctx.env,
        tty: ctx.tty,
        network: ctx.shell.network,
      });
    },
  });
}

describe('kubectl proxy, port-forward, logs -f and attach in a session', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await kubectlScenario();
    withStreams(harness);
  }, 60_000);

  it('proxy serves the API on 127.0.0.1:8001 and refuses exec', async () => {
    const started = await harness.run('kubectl proxy > /tmp/proxy.out 2>&1 &');
    expect(started.exitCode).toBe(0);
    expect((await harness.run('cat /tmp/proxy.out')).stdout).toBe('Starting to serve on 127.0.0.1:8001\n');
    const pod = await harness.run('curl -s localhost:8001/api/v1/namespaces/default/pods/bb');
    expect(JSON.parse(pod.stdout)).toMatchObject({ kind: 'Pod', metadata: { name: 'bb' } });
    const page = await harness.run('curl -s localhost:8001/api/v1/namespaces/default/services/web/proxy/');
    expect(page.stdout).toContain('Welcome to nginx!');
    const refused = await harness.run('curl -s -i localhost:8001/api/v1/namespaces/default/pods/bb/exec?command=ls');
    expect(refused.stdout).toMatch(/^HTTP\/1\.1 403 Forbidden\r\n[\s\S]*\r\n\r\nForbidden\n$/);
    const busy = await harness.run('kubectl proxy');
    expect(busy).toEqual({
      stdout: '',
      stderr: 'error: listen tcp 127.0.0.1:8001: bind: address already in use\n',
      exitCode: 1,
    });
    await harness.run('kill %1');
    expect((await harness.run('curl -s localhost:8001/api')).exitCode).toBe(7);
  });

  it('port-forward carries connections to the pod and says so', async () => {
    await harness.run('kubectl port-forward svc/web 8080:80 > /tmp/pf.out &');
    const page = await harness.run('curl -s localhost:8080');
    expect(page.stdout).toContain('Welcome to nginx!');
    await harness.run('curl -s localhost:8080/nothing');
    expect((await harness.run('cat /tmp/pf.out')).stdout).toBe(
      'Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\nHandling connection for 8080\nHandling connection for 8080\n',
    );
    await harness.run('kill %%');
    expect((await harness.run('curl -s localhost:8080')).exitCode).toBe(7);
  });

  it('port-forward errors', async () => {
    expect(await harness.run('kubectl port-forward bb')).toEqual({
      stdout: '',
      stderr:
        "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples\n",
      exitCode: 1,
    });
    expect(await harness.run('kubectl port-forward nope 80')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): pods "nope" not found\n',
      exitCode: 1,
    });
  });

  it('logs -f follows until stopped (here: the job is killed)', async () => {
    await harness.run('kubectl logs -f deploy/web --tail=1 > /tmp/logs.out 2>&1 &');
    await harness.run('kubectl port-forward deploy/web 8081:80 >/dev/null &');
    await harness.run('curl -s localhost:8081 > /dev/null');
    await harness.run('kill %-');
    await harness.run('kill %%');
    const out = (await harness.run('cat /tmp/logs.out')).stdout;
    // The last line before the follow, then the access line of the request made while following.
    expect(out).toMatch(/^Found 2 pods, using pod\/web-\S+\n[^\n]+\n[^\n]*"GET \/ HTTP\/1\.1" 200 615[^\n]*\n$/);
  });

  it('exec -ti without a terminal drops the TTY; attach prints its banner', async () => {
    const ran = await harness.run('echo | kubectl exec -ti bb -- echo hi');
    expect(ran).toEqual({
      stdout: 'hi\n',
      stderr: 'Unable to use a TTY - input is not a terminal or the right kind of file\n',
      exitCode: 0,
    });
    const attached = await harness.run('kubectl attach bb -c nope');
    expect(attached).toEqual({
      stdout: '',
      stderr: 'error: cannot attach to the container: container nope not found in pod bb\n',
      exitCode: 1,
    });
  });
});
