import { describe, expect, it } from 'vitest';
import { createHarness } from '../../../tests/harness';
import { CancelController } from '../../cancel';
import type { CommandContext, ShellServices, Tty } from '../../shell/command';
import { Volume } from '../../shell/fs/volume';
import { runNodeShell } from './node-shell';

describe('minikube ssh: bash on the node as user docker', () => {
  it('runs a command line, its pipes and its failures', async () => {
    const h = await createHarness();
    await h.run('kubectl run crash --image=busybox -- sh -c "exit 2"');
    await h.run('sleep 60');
    const crictl = await h.run('minikube ssh -- crictl ps');
    expect(crictl.stdout.split('\n')[0]).toBe(
      'CONTAINER           IMAGE               CREATED              STATE               NAME                      ATTEMPT             POD ID              POD                                NAMESPACE',
    );
    expect(crictl.stdout).toMatch(
      /^\w{13} {7}\w{13} {7}58 seconds ago {7}Running {13}coredns {19}0 {19}\w{13} {7}coredns-/m,
    );
    expect(crictl.stdout).not.toContain('crash');
    expect((await h.run('minikube ssh -- crictl ps -a | grep crash')).stdout).toMatch(
      /^\w{13} {7}\w{13} {7}26 seconds ago {7}Exited {14}crash {21}2 {19}\w{13} {7}crash {30}default\n$/,
    );
    const head = await h.run('minikube ssh "docker ps | head -2"');
    expect(head.stdout).toMatch(/^CONTAINER ID {3}IMAGE {5,}COMMAND .*\n\w{12} .*Up .*k8s_\w+_.*\n$/);
    expect((await h.run('minikube ssh -- docker ps -a | grep k8s_crash')).stdout).toMatch(
      /^\w{12} {3}\w{12} {19}"sh -c exit 2" {11}26 seconds ago {7}Exited \(2\) 26 seconds ago {11}k8s_crash_crash_default_[\w-]+_2\n$/,
    );
    expect(await h.run('minikube ssh "cat /etc/os-release | head -1; hostname; whoami; pwd"')).toEqual({
      stdout: 'PRETTY_NAME="Ubuntu 22.04.5 LTS"\nminikube\ndocker\n/home/docker\n',
      stderr: '',
      exitCode: 0,
    });
    // ssh.go: the ssh client's ExitError, and exit status 1 whatever the command's was.
    expect(await h.run('minikube ssh foo')).toEqual({
      stdout: '',
      stderr: 'bash: line 1: foo: command not found\nssh: Process exited with status 127\n',
      exitCode: 1,
    });
    expect(await h.run('minikube ssh -- exit 3')).toEqual({
      stdout: '',
      stderr: 'ssh: Process exited with status 3\n',
      exitCode: 1,
    });
    await h.playground.stop();
  }, 60_000);

  it('opens a login shell on a terminal until exit', async () => {
    const h = await createHarness();
    const services = (h.session as unknown as { services: ShellServices }).services;
    const lines = ['hostname', 'cd /etc', 'cat hostname', 'foo', 'exit 4'].map((line) => `${line}\n`);
    let out = '';
    const keyboard = { read: async () => lines.shift() ?? null, close: () => {} };
    const tty: Tty = { cols: 80, rows: 24, setRawMode: () => {}, onResize: () => () => {}, keyboard };
    const ctx: CommandContext = {
      argv: ['minikube', 'ssh'],
      stdin: keyboard,
      stdout: { write: (text) => void (out += text) },
      stderr: { write: (text) => void (out += text) },
      env: {},
      cwd: '/',
      fs: new Volume(),
      tty,
      signal: new CancelController().signal,
      shell: services,
    };
    expect(await runNodeShell(ctx, 'minikube', undefined)).toBe(4);
    expect(out).toBe(
      'docker@minikube:~$ minikube\ndocker@minikube:~$ docker@minikube:/etc$ minikube\ndocker@minikube:/etc$ bash: foo: command not found\ndocker@minikube:/etc$ logout\n',
    );
    await h.playground.stop();
  }, 60_000);
});
