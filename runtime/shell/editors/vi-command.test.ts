import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../clock';
import { CancelController } from '../../cancel';
import type { CommandContext, ShellServices, Tty } from '../command';
import { Volume } from '../fs/volume';
import { createPipe } from '../process';
import { vi } from './vi-command';

function run(fs: Volume, argv: string[]) {
  const stdin = createPipe();
  let screen = '';
  let stderr = '';
  const modes: boolean[] = [];
  const tty: Tty = { cols: 80, rows: 24, setRawMode: (raw) => modes.push(raw), onResize: () => () => {} };
  const ctx: CommandContext = {
    argv,
    stdin: stdin.reader,
    stdout: { write: (t) => void (screen += t) },
    stderr: { write: (t) => void (stderr += t) },
    env: {},
    cwd: '/home/learner',
    fs,
    tty,
    signal: new CancelController().signal,
    shell: { clock: new VirtualClock(0) } as unknown as ShellServices,
  };
  const status = vi.run(ctx);
  return {
    status,
    type: (keys: string) => void stdin.writer.write(keys),
    end: () => stdin.writer.close(),
    modes,
    output: () => ({ screen, stderr }),
  };
}

describe('vi', () => {
  it('edits a file in the working directory on the alternate screen, in raw mode, and writes it', async () => {
    const fs = new Volume({ '/home/learner/pod.yaml': 'kind: Pod\n' });
    const session = run(fs, ['vi', 'pod.yaml']);
    session.type('A # edited\x1b');
    session.type(':wq\r');
    expect(await session.status).toBe(0);
    expect(fs.readFile('/home/learner/pod.yaml')).toBe('kind: Pod # edited\n');
    expect(session.modes).toEqual([true, false]);
    const { screen } = session.output();
    expect(screen.startsWith('\x1b[?1049h')).toBe(true);
    expect(screen.endsWith('\x1b[?1049l')).toBe(true);
  });

  it('creates a new file, and leaves with status 1 when its input ends', async () => {
    const fs = new Volume({ '/home/learner/.keep': '' });
    const session = run(fs, ['vi', 'new.yaml']);
    session.type('ihello\x1b:w\r');
    session.end();
    expect(await session.status).toBe(1);
    expect(fs.readFile('/home/learner/new.yaml')).toBe('hello\n');
    expect(session.output().stderr).toBe('Vim: Error reading input, exiting...\n');
  });
});
