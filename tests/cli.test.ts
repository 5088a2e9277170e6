// The Node CLI as a learner or CI runs it: `npx kubeplay …` with no build step.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function kubeplay(args: string[], input?: string) {
  const run = spawnSync('node', ['cli/kubeplay.js', ...args], { cwd: root, encoding: 'utf8', input, timeout: 60_000 });
  return { stdout: run.stdout, stderr: run.stderr, exitCode: run.status };
}

// Each test spawns a whole Node process (tsx compiling the runtime): slow on a busy machine, so
// the guard against a hang is the spawn's own 60 s timeout rather than vitest's 5 s.
describe('npx kubeplay', { timeout: 60_000 }, () => {
  // `sleep 3600` finishing inside the spawn's 60 s timeout is the proof that time is virtual.
  it('run FILE prints the transcript of its lines typed into a fresh cluster, on virtual time', () => {
    const result = kubeplay(['run', 'tests/scripts/first-slice.txt']);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe(
      [
        '$ kubectl version',
        'Client Version: v1.34.5',
        'Kustomize Version: v5.7.1',
        'Server Version: v1.34.0',
        '$ sleep 3600 && echo "an hour later"',
        'an hour later',
        '$ kubectl version --client -o json',
        '{',
        '  "clientVersion": {',
        '    "major": "1",',
        '    "minor": "34",',
        '    "gitVersion": "v1.34.5",',
        '    "gitCommit": "ebfac057369b21558006b8815821ab2fb1e29f2d",',
        '    "gitTreeState": "clean",',
        '    "buildDate": "2026-02-26T20:06:18Z",',
        '    "goVersion": "go1.24.13",',
        '    "compiler": "gc",',
        '    "platform": "linux/amd64"',
        '  },',
        '  "kustomizeVersion": "v5.7.1"',
        '}',
        '$ foo',
        'bash: foo: command not found',
        '$ kubectl gte',
        'error: unknown command "gte" for "kubectl"',
        '',
        'Did you mean this?',
        '\tget',
        '$ echo done',
        'done',
        '',
      ].join('\n'),
    );
  });

  it('run FILE exits 1 when FILE cannot be read', () => {
    expect(kubeplay(['run', 'no/such/file.txt'])).toEqual({
      stdout: '',
      stderr: 'kubeplay run: no/such/file.txt: No such file or directory\n',
      exitCode: 1,
    });
  });

  it('runs lines piped to it, as bash runs a script on stdin', () => {
    expect(kubeplay([], 'echo one\nkubectl version --client\nfoo\n')).toEqual({
      stdout: 'one\nClient Version: v1.34.5\nKustomize Version: v5.7.1\n',
      stderr: 'bash: foo: command not found\n',
      exitCode: 127,
    });
  });

  it('runs a piped script one command at a time, commands spanning lines included', () => {
    expect(kubeplay([], 'for i in 1 2; do\n  echo "n=$i"\ndone\nf() {\n  echo "in f"\n}\nf\n')).toEqual({
      stdout: 'n=1\nn=2\nin f\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('run FILE shows the lines of a command that goes on after > , then runs it whole', () => {
    expect(kubeplay(['run', 'tests/scripts/multi-line.txt'])).toEqual({
      stdout: '$ for i in 1 2; do\n>   echo "n=$i"\n> done\nn=1\nn=2\n$ echo after\nafter\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it("kubectl runs kubeplay's kubectl: its client version needs no server", () => {
    expect(kubeplay(['kubectl', 'version', '--client'])).toEqual({
      stdout: 'Client Version: v1.34.5\nKustomize Version: v5.7.1\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('serve refuses unknown flags with exit 2', () => {
    expect(kubeplay(['serve', '--bogus'])).toEqual({
      stdout: '',
      stderr: 'kubeplay serve: unknown flag: --bogus\n',
      exitCode: 2,
    });
  });
});
