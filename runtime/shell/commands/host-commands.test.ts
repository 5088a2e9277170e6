import { describe, expect, it } from 'vitest';
import { CancelController, neverCancelled } from '../../cancel';
import { VirtualClock } from '../../clock';
import { MemoryBackend } from '../../storage/backend';
import type { CommandContext, ShellServices, Tty } from '../command';
import type { Volume } from '../fs/volume';
import { createHostFilesystem, HOME } from '../host-filesystem';
import { BrokenPipeError, createPipe, readAll, stringInput } from '../process';
import { SHELL_COMMANDS } from '.';

const kubectl = { name: 'kubectl', summary: '', run: async () => 0 };
const COMMANDS = new Map([...SHELL_COMMANDS, kubectl].map((c) => [c.name, c]));
const NOW = Date.UTC(2026, 10, 29, 7, 21, 11);

const tty = (cols: number): Tty => ({ cols, rows: 24, setRawMode: () => {}, onResize: () => () => {} });

/** A learner's host and a way to run one command on it. */
async function host() {
  const clock = new VirtualClock(NOW);
  const fs = await createHostFilesystem({ storage: new MemoryBackend(), clock });
  const run = async (argv: string[], extra: Partial<CommandContext> = {}) => {
    let stdout = '';
    let stderr = '';
    const ctx: CommandContext = {
      argv,
      stdin: stringInput(''),
      stdout: { write: (t) => void (stdout += t) },
      stderr: { write: (t) => void (stderr += t) },
      env: { HOME, USER: 'learner' },
      cwd: HOME,
      fs,
      signal: neverCancelled,
      shell: { clock, fs, commands: COMMANDS } as unknown as ShellServices,
      ...extra,
    };
    const command = COMMANDS.get(argv[0]);
    if (!command) throw new Error(argv[0]);
    const exitCode = await command.run(ctx);
    return { stdout, stderr, exitCode };
  };
  return { clock, fs: fs as Volume, run };
}

describe('the host identity commands', () => {
  it.each([
    [['uname'], 'Linux\n'],
    [['uname', '-r'], '6.8.0-49-generic\n'],
    [
      ['uname', '-a'],
      'Linux kubeplay 6.8.0-49-generic #49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024 x86_64 x86_64 x86_64 GNU/Linux\n',
    ],
    [['uname', '-sm'], 'Linux x86_64\n'],
    [['whoami'], 'learner\n'],
    [['id'], 'uid=1000(learner) gid=1000(learner) groups=1000(learner),27(sudo),988(docker)\n'],
    [['id', '-un'], 'learner\n'],
    [['hostname'], 'kubeplay\n'],
    [['which', 'kubectl', 'ls'], '/usr/local/bin/kubectl\n/usr/bin/ls\n'],
    [['date'], 'Sun Nov 29 07:21:11 UTC 2026\n'],
    [['date', '+%F %T'], '2026-11-29 07:21:11\n'],
    [
      ['free', '-h'],
      '               total        used        free      shared  buff/cache   available\n' +
        'Mem:           7.7Gi       2.3Gi       3.0Gi        13Mi       2.6Gi       5.4Gi\n' +
        'Swap:          2.0Gi          0B       2.0Gi\n',
    ],
    [['df', '-h', '/'], 'Filesystem      Size  Used Avail Use% Mounted on\n/dev/sda1        49G  9.0G   38G  20% /\n'],
  ])('%j', async (argv, stdout) => {
    const { run } = await host();
    expect(await run(argv)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });
});

describe('coreutils on the learner host', () => {
  it('reports permission and space errors as GNU does', async () => {
    const { run } = await host();
    expect(await run(['touch', '/etc/motd'])).toEqual({
      stdout: '',
      stderr: "touch: cannot touch '/etc/motd': Permission denied\n",
      exitCode: 1,
    });
    expect((await run(['mkdir', '/opt/x'])).stderr).toBe(
      'mkdir: cannot create directory ‘/opt/x’: Permission denied\n',
    );
    expect(await run(['cp', '/etc/hostname', 'h'])).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect((await run(['cat', 'h'])).stdout).toBe('kubeplay\n');
    expect((await run(['rm', '/etc/passwd'])).stderr).toBe("rm: cannot remove '/etc/passwd': Permission denied\n");
  });

  it('lays ls out in columns on a terminal, quoting names with spaces', async () => {
    const { run, fs } = await host();
    for (const name of ['deployment.yaml', 'pod.yaml', 'my notes.txt', 'service.yaml', 'a', 'b'])
      fs.writeFile(`${HOME}/${name}`, '');
    expect((await run(['ls'], { tty: tty(40) })).stdout).toBe(
      "a  deployment.yaml  pod.yaml\nb  'my notes.txt'   service.yaml\n",
    );
    expect((await run(['ls'])).stdout).toBe('a\nb\ndeployment.yaml\nmy notes.txt\npod.yaml\nservice.yaml\n');
  });

  it('colours grep matches on a terminal with --color=auto only', async () => {
    const { run, fs } = await host();
    fs.writeFile(`${HOME}/pod.yaml`, 'kind: Pod\nname: web\n');
    expect((await run(['grep', '--color=auto', 'Pod', 'pod.yaml'], { tty: tty(80) })).stdout).toBe(
      'kind: \x1b[01;31m\x1b[KPod\x1b[m\x1b[K\n',
    );
    expect((await run(['grep', '--color=auto', 'Pod', 'pod.yaml'])).stdout).toBe('kind: Pod\n');
  });

  it('runs commands from xargs and env through the shell', async () => {
    const { run } = await host();
    expect((await run(['xargs', 'echo', 'got'], { stdin: stringInput('a b\n') })).stdout).toBe('got a b\n');
    expect((await run(['env', 'A=1', 'echo', 'x'])).stdout).toBe('x\n');
  });
});

describe('long-running commands', () => {
  it('tail -f prints what is appended each second until Ctrl-C', async () => {
    const { run, fs, clock } = await host();
    fs.writeFile(`${HOME}/app.log`, 'one\n');
    const cancel = new CancelController();
    let out = '';
    const done = run(['tail', '-f', 'app.log'], { signal: cancel.signal, stdout: { write: (t) => void (out += t) } });
    await Promise.resolve();
    fs.appendFile(`${HOME}/app.log`, 'two\n');
    clock.advance(1000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    fs.appendFile(`${HOME}/app.log`, 'three\n');
    clock.advance(1000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(out).toBe('one\ntwo\nthree\n');
    cancel.abort();
    expect((await done).exitCode).toBe(130);
  });

  it('yes waits on a full pipe and ends with EPIPE once the reader is gone', async () => {
    const { run } = await host();
    const pipe = createPipe(64);
    const done = run(['yes', 'ok'], { stdout: pipe.writer });
    const first = await pipe.reader.read();
    expect(first?.startsWith('ok\nok\n')).toBe(true);
    pipe.reader.close();
    await expect(done).rejects.toBeInstanceOf(BrokenPipeError);
  });

  it('seq streams through a pipe', async () => {
    const { run } = await host();
    const pipe = createPipe();
    const done = run(['seq', '3'], { stdout: pipe.writer });
    await done;
    pipe.writer.close();
    expect(await readAll(pipe.reader)).toBe('1\n2\n3\n');
  });
});
