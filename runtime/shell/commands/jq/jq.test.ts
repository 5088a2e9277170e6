// What the oracle cannot record (it runs jq without a terminal, on whole inputs): colours on a
// terminal, input that arrives while jq runs, Ctrl-C, and programs that would never end.
import { describe, expect, it } from 'vitest';
import { CancelController, neverCancelled } from '../../../cancel';
import { VirtualClock } from '../../../clock';
import type { CommandContext, ShellServices, Tty } from '../../command';
import { Volume } from '../../fs/volume';
import { BrokenPipeError, createPipe, stringInput } from '../../process';
import { jq } from './jq';

const tty: Tty = { cols: 80, rows: 24, setRawMode: () => {}, onResize: () => () => {} };

async function run(argv: string[], extra: Partial<CommandContext> = {}) {
  let stdout = '';
  let stderr = '';
  const clock = new VirtualClock(Date.UTC(2026, 10, 29, 7, 21, 11));
  const ctx: CommandContext = {
    argv: ['jq', ...argv],
    stdin: stringInput(''),
    stdout: { write: (t) => void (stdout += t) },
    stderr: { write: (t) => void (stderr += t) },
    env: { HOME: '/home/learner' },
    cwd: '/',
    fs: new Volume({}),
    signal: neverCancelled,
    shell: { clock } as unknown as ShellServices,
    ...extra,
  };
  const exitCode = await jq.run(ctx);
  return { stdout, stderr, exitCode };
}

describe('jq on a terminal', () => {
  it('colours its output as -C does, unless -M', async () => {
    const program = ['-n', '{"a":[1,"x",null,true,{}]}'];
    const colored = await run(['-C', ...program]);
    expect(colored.stdout).toContain('\x1b[34;1m"a"');
    expect((await run(program, { tty })).stdout).toBe(colored.stdout);
    expect((await run(['-M', ...program], { tty })).stdout).toBe((await run(program)).stdout);
  });

  it('colours debug messages too', async () => {
    const { stderr } = await run(['-n', '[1] | debug | empty'], { tty });
    expect(stderr).toBe(
      '\x1b[1;39m[\x1b[0;32m"DEBUG:"\x1b[0m\x1b[1;39m,\x1b[1;39m[\x1b[0;39m1\x1b[0m\x1b[1;39m\x1b[1;39m]\x1b[0m\x1b[1;39m\x1b[1;39m]\x1b[0m\n',
    );
  });

  it('runs `.` when given no filter', async () => {
    expect((await run([], { stdin: stringInput('{"a":1}') })).stdout).toBe('{\n  "a": 1\n}\n');
  });
});

describe('jq reading a pipe', () => {
  it('prints each value as it arrives', async () => {
    const pipe = createPipe();
    let out = '';
    const done = run(['-c', '.a'], { stdin: pipe.reader, stdout: { write: (t) => void (out += t) } });
    await pipe.writer.write('{"a":1}\n{"a"');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(out).toBe('1\n');
    await pipe.writer.write(':2}\n');
    pipe.writer.close();
    expect((await done).exitCode).toBe(0);
    expect(out).toBe('1\n2\n');
  });

  it('reads all of standard input first for input and inputs', async () => {
    const pipe = createPipe();
    const done = run(['-nc', '[inputs]'], { stdin: pipe.reader });
    await pipe.writer.write('1 2');
    await pipe.writer.write(' 3\n');
    pipe.writer.close();
    expect((await done).stdout).toBe('[1,2,3]\n');
  });

  it('stops on Ctrl-C while waiting for input', async () => {
    const pipe = createPipe();
    const cancel = new CancelController();
    const done = run(['.'], { stdin: pipe.reader, signal: cancel.signal });
    await new Promise((resolve) => setTimeout(resolve, 0));
    cancel.abort();
    expect((await done).exitCode).toBe(130);
  });

  it('ends with EPIPE once its reader is gone', async () => {
    const out = createPipe(8);
    out.reader.close();
    await expect(run(['-n', 'range(10)'], { stdout: out.writer })).rejects.toBeInstanceOf(BrokenPipeError);
  });
});

describe('programs that would not end', () => {
  it('stop with an error rather than hang the tab', async () => {
    const { stderr, exitCode } = await run(['-n', 'def f: 1 + f; f']);
    expect(stderr).toBe('jq: error (at <unknown>): program ran too long or recursed too deep (kubeplay limit)\n');
    expect(exitCode).toBe(5);
  });
});
