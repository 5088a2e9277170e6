import { describe, expect, it } from 'vitest';
import { CancelController } from '../../cancel';
import { VirtualClock } from '../../clock';
import type { ShellCommand, ShellServices } from '../command';
import { Volume } from '../fs/volume';
import { EMPTY_INPUT } from '../process';
import { Parser } from '../syntax/parser';
import { Interpreter, type ShellRuntime } from './interpreter';
import { MAX_PROCESSES } from './processes';
import { ShellState } from './state';
import { standardFds } from './streams';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Writes `y` lines until its output breaks (as `yes` does); counts what it wrote. */
function yesCommand(counter: { writes: number }): ShellCommand {
  return {
    name: 'yes',
    summary: '',
    async run({ stdout }) {
      for (;;) {
        await stdout.write('y\n'.repeat(1024));
        counter.writes++;
      }
    },
  };
}

/** Reads one chunk and exits (as `head -c1` does). */
const takeOne: ShellCommand = {
  name: 'take-one',
  summary: '',
  async run({ stdin, stdout }) {
    const chunk = await stdin.read();
    await stdout.write(`${chunk?.slice(0, 1)}\n`);
    return 0;
  },
};

/** A shell over a scratch Volume with extra test commands. */
function shell(commands: ShellCommand[] = [], fs = new Volume({})) {
  const clock = new VirtualClock(0);
  const services = {
    clock,
    fs,
    commands: new Map(commands.map((c) => [c.name, c])),
  } as unknown as ShellRuntime['services'];
  const state = new ShellState();
  state.cwd = '/';
  const runtime: ShellRuntime = { services, interactive: false, nextPid: () => 100, ticks: 0 };
  const controller = new CancelController();
  const interpreter = new Interpreter(state, runtime, controller.signal);
  let stdout = '';
  let stderr = '';
  const fds = standardFds(EMPTY_INPUT, { write: (t) => void (stdout += t) }, { write: (t) => void (stderr += t) });
  const run = async (text: string): Promise<number> => {
    const parser = new Parser(text);
    let status = 0;
    for (let list = parser.nextCommand(); list; list = parser.nextCommand())
      status = await interpreter.runTopLevel(list, fds);
    return status;
  };
  /** Runs `text`, letting the clock's zero-delay yields fire (as a real clock would). */
  const runToEnd = async (text: string): Promise<number> => {
    let status: number | undefined;
    void run(text).then((s) => (status = s));
    while (status === undefined) {
      await settle();
      clock.advance(0);
    }
    return status;
  };
  return {
    run,
    runToEnd,
    clock,
    controller,
    state,
    fs: services.fs as ShellServices['fs'],
    out: () => ({ stdout, stderr }),
  };
}

/** A command that waits until it is interrupted. */
const sleepForever: ShellCommand = {
  name: 'hang',
  summary: '',
  run: ({ signal }) => new Promise((resolve) => signal.onAbort(() => resolve(130))),
};

describe('the interpreter', () => {
  it('runs a pipeline concurrently: the writer gets SIGPIPE (141) once the reader exits', async () => {
    const counter = { writes: 0 };
    const sh = shell([yesCommand(counter), takeOne]);
    expect(await sh.run('yes | take-one; echo ${PIPESTATUS[@]}')).toBe(0);
    expect(sh.out().stdout).toBe('y\n141 0\n');
    // Back-pressure held the writer to a pipe's worth of text, not an unbounded buffer.
    expect(counter.writes).toBeLessThan(100);
  });

  it('stops `while true` on Ctrl-C with status 130, yielding to the event loop meanwhile', async () => {
    const sh = shell();
    let status: number | undefined;
    void sh.run('while true; do :; done; echo never').then((s) => (status = s));
    for (let i = 0; i < 5; i++) {
      await settle();
      sh.clock.advance(0);
    }
    expect(status).toBeUndefined();
    sh.controller.abort();
    for (let i = 0; i < 5 && status === undefined; i++) {
      await settle();
      sh.clock.advance(0);
    }
    expect(status).toBe(130);
    expect(sh.out().stdout).toBe('');
  });

  it('ends runaway recursion with an error instead of a stack overflow', async () => {
    const sh = shell();
    const status = await sh.runToEnd('f() { f; }; f; echo after');
    expect(status).toBe(1);
    expect(sh.out().stderr).toBe('bash: f: maximum function nesting level exceeded (1000)\n');
  });

  it('writes redirections into the Volume relative to the working directory', async () => {
    const sh = shell();
    sh.fs.mkdir('/work');
    await sh.run('cd /work; echo one > f; echo two >> f; echo err 2> e >&2');
    expect(sh.fs.readFile('/work/f')).toBe('one\ntwo\n');
    expect(sh.fs.readFile('/work/e')).toBe('err\n');
  });

  it('refuses a fork past its process limit as bash does, abandoning the command line', async () => {
    const sh = shell([sleepForever]);
    const status = await sh.runToEnd('for i in {1..300}; do hang & done; echo never');
    expect(status).toBe(254);
    expect(sh.out()).toEqual({ stdout: '', stderr: 'bash: fork: Resource temporarily unavailable\n' });
    expect(sh.state.jobs.jobs.length).toBe(MAX_PROCESSES);
    sh.controller.abort();
  });

  it('reports a full disk as a write error of the command, as bash does', async () => {
    const sh = shell([], new Volume({}, { capacity: 4 }));
    expect(await sh.run('echo hello > f; echo "status $?"')).toBe(0);
    expect(sh.out()).toEqual({ stdout: 'status 1\n', stderr: 'bash: echo: write error: No space left on device\n' });
    expect(sh.fs.readFile('/f')).toBe('');
  });

  it('globs against the Volume, hiding dotfiles and keeping unmatched words', async () => {
    const sh = shell();
    sh.fs.writeFile('/d/b.txt', '');
    sh.fs.writeFile('/d/a.txt', '');
    sh.fs.writeFile('/d/.h.txt', '');
    sh.fs.writeFile('/d/sub/c.txt', '');
    await sh.run('cd /d; echo *.txt */*.txt /d/*.txt nomatch*');
    expect(sh.out().stdout).toBe('a.txt b.txt sub/c.txt /d/a.txt /d/b.txt nomatch*\n');
  });

  it('gives exported variables and prefix assignments to commands, not plain ones', async () => {
    let seen: Record<string, string> = {};
    const env: ShellCommand = {
      name: 'env-probe',
      summary: '',
      async run(ctx) {
        seen = { ...ctx.env, cwd: ctx.cwd };
        return 0;
      },
    };
    const sh = shell([env]);
    await sh.run('A=1; export B=2; C=3 env-probe');
    expect(seen).toEqual({ B: '2', C: '3', cwd: '/' });
  });

  it('runs background jobs without waiting, and `wait` collects them', async () => {
    const sh = shell();
    await sh.run('{ echo bg; } & wait $!; echo "status $? pid $!"');
    expect(sh.out().stdout).toBe('bg\nstatus 0 pid 100\n');
  });
});
