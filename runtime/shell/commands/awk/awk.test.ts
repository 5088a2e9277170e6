import { describe, expect, it } from 'vitest';
import { CancelController, neverCancelled, type CancelSignal } from '../../../cancel';
import type { Clock } from '../../../clock';
import type { CommandContext, ShellServices } from '../../command';
import { Volume } from '../../fs/volume';
import { createPipe, stringInput, type InputStream } from '../../process';
import { awk } from './index';

const realClock: Clock = {
  now: () => Date.now(),
  setTimer(ms, callback) {
    const t = setTimeout(callback, ms);
    return { cancel: () => clearTimeout(t) };
  },
};

function context(argv: string[], stdin: InputStream, signal: CancelSignal = neverCancelled) {
  const out = { text: '' };
  const fs = new Volume();
  const ctx: CommandContext = {
    argv: ['awk', ...argv],
    stdin,
    stdout: { write: (t) => void (out.text += t) },
    stderr: { write: (t) => void (out.text += t) },
    env: {},
    cwd: '/',
    fs,
    signal,
    shell: { clock: realClock, fs, commands: new Map() } as unknown as ShellServices,
  };
  return { ctx, out };
}

describe('awk', () => {
  it('stops an endless loop on Ctrl-C', async () => {
    const cancel = new CancelController();
    const { ctx } = context(['BEGIN { while (1); }'], stringInput(''), cancel.signal);
    const running = awk.run(ctx);
    setTimeout(() => cancel.abort(), 50);
    expect(await running).toBe(130);
  });

  it('prints each record as it arrives from a pipe', async () => {
    const pipe = createPipe();
    const { ctx, out } = context(['{ print $2 }'], pipe.reader);
    const running = awk.run(ctx);
    await pipe.writer.write('pod-a Running\n');
    await new Promise((r) => setTimeout(r, 10));
    expect(out.text).toBe('Running\n');
    await pipe.writer.write('pod-b Pending\n');
    pipe.writer.close();
    expect(await running).toBe(0);
    expect(out.text).toBe('Running\nPending\n');
  });

  it('keeps multibyte text whole unless cut inside a character', async () => {
    const { ctx, out } = context(['{ print toupper($0), length($0) }'], stringInput('héllo\n'));
    expect(await awk.run(ctx)).toBe(0);
    expect(out.text).toBe('HéLLO 6\n');
  });
});
