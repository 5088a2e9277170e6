// top on a terminal, on the virtual clock: a frame at once, the next after the delay (3 s, or
// -d), keys that sort or quit, Ctrl-C, and batch mode interrupted.
import { describe, expect, it } from 'vitest';
import { top } from '../runtime/shell/commands/top/top-command';
import { hostSession } from './fixtures/ps/host-session';
import { TestTerminal } from './terminal';

const BOOT = 1_790_000_000;

async function topSession(line: string) {
  const terminal = new TestTerminal(80, 24);
  const host = await hostSession(BOOT, 4321.27, 1234.5, [top], { write: terminal.write, cols: 80, rows: 24 });
  host.shell.start();
  const start = host.clock.now();
  await host.type(`${line}\r`);
  const screen = async (): Promise<string[]> => {
    await terminal.screen();
    const buffer = terminal.term.buffer.active;
    return Array.from({ length: 24 }, (_, y) =>
      (buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '').trimEnd(),
    );
  };
  return { host, start, screen };
}

describe('top on the virtual clock', () => {
  it('draws a frame at once and the next one 3 s later', async () => {
    const { host, start, screen } = await topSession('top');
    expect((await screen())[0]).toMatch(/^top - 15:25:21 up {2}1:12, {2}1 user, {2}load average: 0\.31, 0\.27, 0\.22$/);
    await host.until(start + 2999);
    expect((await screen())[0]).toMatch(/^top - 15:25:21 /);
    await host.until(start + 3000);
    expect((await screen())[0]).toMatch(/^top - 15:25:24 /);
    expect((await screen())[7]).toMatch(/^ +2517 root .* kube-ap\+$/);
    await host.type('q');
    expect(host.shell.state.lastStatus).toBe(0);
  });

  it('refreshes every -d seconds, and stops after -n frames', async () => {
    const { host, start, screen } = await topSession('top -d 1 -n 3');
    await host.until(start + 1000);
    expect((await screen())[0]).toMatch(/^top - 15:25:22 /);
    await host.until(start + 2000);
    expect((await screen()).at(-1)).toBe('learner@kubeplay:~$');
    expect(host.shell.state.lastStatus).toBe(0);
  });

  it('sorts by memory on M, by CPU again on P, at once', async () => {
    const { host, start, screen } = await topSession('top');
    await host.type('M');
    expect((await screen()).slice(7, 9).map((row) => row.split(/ +/)[1])).toEqual(['2517', '2540']);
    await host.until(start + 1000);
    await host.type('P');
    expect((await screen())[7].split(/ +/)[1]).toBe('2517');
    expect((await screen())[0]).toMatch(/^top - 15:25:22 /);
    await host.type('\x03');
    expect(host.shell.state.lastStatus).toBe(0);
  });

  it('complains about an unknown key for 1.25 s', async () => {
    const { host, screen } = await topSession('top');
    await host.type('z');
    expect((await screen())[5]).toBe("Unknown command - try 'h' for help");
    await host.until(host.clock.now() + 1250);
    expect((await screen())[5]).toBe('');
  });

  it('in batch mode, runs until Ctrl-C, a frame a delay', async () => {
    const { host, start } = await topSession('top -b -d 1 > /tmp/frames');
    await host.until(start + 2500);
    await host.type('\x03');
    const frames = host.fs.readFile('/tmp/frames');
    expect(frames.match(/^top - /gm)).toHaveLength(3);
    expect(frames.split('\n\ntop - ')).toHaveLength(3);
  });
});
