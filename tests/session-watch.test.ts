// watch on the virtual clock: it runs the command again every interval, shows what changed in
// the cluster meanwhile (`watch kubectl get namespaces`), cuts long output at the screen's
// bottom, and, not on a terminal, still draws 80×24 with escapes until Ctrl-C.
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../runtime/api/client';
import { CancelController } from '../runtime/cancel';
import { VirtualClock } from '../runtime/clock';
import { kubectl } from '../runtime/kubectl/kubectl';
import { createPlayground } from '../runtime/playground';
import { createSeededRng } from '../runtime/rng';
import type { CommandContext, ShellServices } from '../runtime/shell/command';
import { SHELL_COMMANDS } from '../runtime/shell/commands';
import { watch } from '../runtime/shell/commands/watch/watch-command';
import { History } from '../runtime/shell/history';
import { createHostFilesystem } from '../runtime/shell/host-filesystem';
import { EMPTY_INPUT } from '../runtime/shell/process';
import { ShellSession } from '../runtime/shell/session';
import { MemoryBackend } from '../runtime/storage/backend';
import { hostSession } from './fixtures/ps/host-session';
import { TestTerminal } from './terminal';

const settle = async (): Promise<void> => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};

/** The terminal's visible rows, right-trimmed. */
async function rowsOf(terminal: TestTerminal, rows = 24): Promise<string[]> {
  await terminal.screen();
  const buffer = terminal.term.buffer.active;
  return Array.from({ length: rows }, (_, y) =>
    (buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '').trimEnd(),
  );
}

/** A session with kubectl and watch over a cluster (API server only), on the virtual clock. */
async function clusterSession() {
  const clock = new VirtualClock(Date.UTC(2026, 10, 29, 10, 5, 46));
  const storage = new MemoryBackend();
  const playground = await createPlayground({ clock, rng: createSeededRng('watch'), storage, components: false });
  await playground.loadCommands();
  const fs = await createHostFilesystem({ storage, clock });
  const services = {
    clock,
    fs,
    history: await History.load(storage, clock, createSeededRng('watch')),
    commands: new Map([...SHELL_COMMANDS, kubectl, watch].map((c) => [c.name, c])),
    api: new ApiClient(playground.cluster.api),
  };
  const terminal = new TestTerminal(80, 24);
  const shell = new ShellSession(services, { write: terminal.write }, 80, 24);
  const other = new ShellSession(services, { write: () => {} }, 80, 24);
  shell.start();
  /** Runs `line` in another session, as a second terminal would. */
  const elsewhere = async (line: string): Promise<string> => {
    let out = '';
    await other.execute(line, { write: (t) => void (out += t) }, { write: (t) => void (out += t) });
    return out;
  };
  const until = async (ms: number): Promise<void> => {
    await settle();
    for (let next = clock.nextTimerAt(); next !== undefined && next <= ms; next = clock.nextTimerAt()) {
      clock.advance(next - clock.now());
      await settle();
    }
    clock.advance(ms - clock.now());
    await settle();
  };
  return { clock, shell, terminal, elsewhere, until };
}

describe('watch on the virtual clock', () => {
  it('runs the command again 2 s later, not before', async () => {
    const terminal = new TestTerminal(80, 24);
    const host = await hostSession(1_790_000_000, 4321.27, 1234.5, [watch], {
      write: terminal.write,
      cols: 80,
      rows: 24,
    });
    host.shell.start();
    const start = host.clock.now();
    await host.type('watch date +%T\r');
    expect((await rowsOf(terminal)).slice(0, 3)).toEqual([
      'Every 2.0s: date +%T                          kubeplay: Mon Sep 21 15:25:21 2026',
      '',
      '15:25:21',
    ]);
    await host.until(start + 1999);
    expect((await rowsOf(terminal))[2]).toBe('15:25:21');
    await host.until(start + 2000);
    expect((await rowsOf(terminal))[2]).toBe('15:25:23');
    await host.type('\x03');
    expect(host.shell.state.lastStatus).toBe(0);
  });

  it('shows what changed meanwhile at its next run', async () => {
    const { clock, shell, terminal, elsewhere, until } = await clusterSession();
    const start = clock.now();
    await elsewhere('mkdir /tmp/w && touch /tmp/w/a');
    shell.input('watch -n 1 ls /tmp/w\r');
    await settle();
    expect((await rowsOf(terminal)).slice(2, 5)).toEqual(['a', '', '']);
    await until(start + 500);
    await elsewhere('touch /tmp/w/b');
    expect((await rowsOf(terminal)).slice(2, 5)).toEqual(['a', '', '']);
    await until(start + 1000);
    expect((await rowsOf(terminal)).slice(2, 5)).toEqual(['a', 'b', '']);
    shell.input('\x03');
    await settle();
  });

  it('runs kubectl against the cluster', async () => {
    const { shell, terminal, elsewhere } = await clusterSession();
    const expected = (await elsewhere('kubectl version --client')).split('\n');
    shell.input('watch kubectl version --client\r');
    await settle();
    expect((await rowsOf(terminal)).slice(2, 2 + expected.length)).toEqual(expected);
    shell.input('\x03');
    await settle();
  });

  it('cuts long output at the bottom of the screen', async () => {
    const { shell, terminal } = await clusterSession();
    shell.input('watch seq 100\r');
    await settle();
    const rows = await rowsOf(terminal);
    expect(rows.slice(2)).toEqual(Array.from({ length: 22 }, (_, i) => String(i + 1)));
    shell.input('\x03');
    await settle();
  });

  it('not on a terminal, draws 80×24 with escape sequences until Ctrl-C, then exits 0', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 29, 10, 5, 46));
    const fs = await createHostFilesystem({ storage: new MemoryBackend(), clock });
    const commands = new Map([...SHELL_COMMANDS, watch].map((c) => [c.name, c]));
    const stop = new CancelController();
    let out = '';
    const ctx: CommandContext = {
      argv: ['watch', 'echo', 'hi'],
      stdin: EMPTY_INPUT,
      stdout: { write: (t) => void (out += t) },
      stderr: { write: (t) => void (out += t) },
      env: { TERM: 'xterm-256color' },
      cwd: '/',
      fs,
      signal: stop.signal,
      shell: { clock, fs, commands } as unknown as ShellServices,
    };
    const status = watch.run(ctx);
    await settle();
    clock.advance(2000);
    await settle();
    stop.abort();
    expect(await status).toBe(0);
    expect(out.startsWith('\x1b[?1049h')).toBe(true);
    expect(out.endsWith('\x1b[?1049l')).toBe(true);
    expect(out.match(/Every 2\.0s: echo hi {27}kubeplay: Sun Nov 29 10:05:4[68] 2026/g)).toHaveLength(2);
  });
});
