// What the recorded oracle (tests/sed-oracle.test.ts) cannot show: streaming from an endless
// pipe, output before input arrives, Ctrl-C, `r /dev/stdin`, and the regex engine on its own.
import { describe, expect, it } from 'vitest';
import { CancelController, type CancelSignal } from '../../../cancel';
import { VirtualClock } from '../../../clock';
import type { CommandContext, InputStream, ShellServices } from '../../command';
import { Volume } from '../../fs/volume';
import { stringInput } from '../../process';
import { toBytes } from './bytes';
import { sed } from './index';
import { SedRegex } from './regex';

function context(argv: string[], stdin: InputStream, signal?: CancelSignal) {
  const clock = new VirtualClock(0);
  const fs = new Volume({}, { now: () => clock.now() });
  fs.writeFile('/home/a.txt', 'one\ntwo\n');
  const out = { stdout: '', stderr: '' };
  const ctx: CommandContext = {
    argv: ['sed', ...argv],
    stdin,
    stdout: { write: (text) => void (out.stdout += text) },
    stderr: { write: (text) => void (out.stderr += text) },
    env: {},
    cwd: '/home',
    fs,
    signal: signal ?? new CancelController().signal,
    shell: { clock, fs } as unknown as ShellServices,
  };
  return { ctx, out, clock, fs };
}

describe('sed', () => {
  it('quits without reading the rest of an endless input', async () => {
    let reads = 0;
    const endless: InputStream = { read: async () => (reads++, 'y\n'.repeat(10)), close() {} };
    const { ctx, out } = context(['3q'], endless);
    expect(await sed.run(ctx)).toBe(0);
    expect(out.stdout).toBe('y\ny\ny\n');
    expect(reads).toBe(1);
  });

  it('writes each line out before waiting for the next one', async () => {
    const chunks = ['first\n', 'second\n'];
    let seen = '';
    const { ctx, out } = context(['s/^/> /'], {
      read: async () => {
        seen += `[${out.stdout}]`;
        return chunks.shift() ?? null;
      },
      close() {},
    });
    await sed.run(ctx);
    expect(seen).toBe('[][> first\n][> first\n> second\n]');
  });

  it('stops a runaway loop on Ctrl-C, leaving an in-place file alone', async () => {
    const controller = new CancelController();
    const { ctx, clock, fs } = context(['-i', ':a;s/x/y/;ba', 'a.txt'], stringInput(''), controller.signal);
    const done = sed.run(ctx);
    // The busy loop yields to the clock now and then (a timer at 0): press Ctrl-C then.
    await new Promise((resolve) => setImmediate(resolve));
    expect(clock.nextTimerAt()).toBe(0);
    controller.abort();
    clock.advance(0);
    expect(await done).toBe(130);
    expect(fs.readFile('/home/a.txt')).toBe('one\ntwo\n');
  });

  it('reads `r /dev/stdin` from standard input', async () => {
    const { ctx, out } = context(['1r /dev/stdin', 'a.txt'], stringInput('inserted\n'));
    await sed.run(ctx);
    expect(out.stdout).toBe('one\ninserted\ntwo\n');
  });
});

describe('SedRegex', () => {
  const match = (pattern: string, text: string, extended = true): string | null => {
    const re = new SedRegex(toBytes(pattern), {
      extended,
      icase: false,
      newline: false,
      noGnuOps: false,
      parenOrd: false,
      lineEnd: 10,
    });
    const regs = re.exec(toBytes(text));
    return regs && Array.from(regs).join(',');
  };

  it('takes the longest of the leftmost matches, groups in priority order', () => {
    expect(match('a|ab', 'abcd')).toBe('0,2');
    expect(match('(a|ab)(c|bcd)?', 'abc')).toBe('0,3,0,2,2,3');
    expect(match('(ab)?(abcd)?', 'abcd')).toBe('0,4,-1,-1,0,4');
  });

  it('records the last copy of a bounded repetition as glibc nests them', () => {
    expect(match('((.+)){0,2}', 'abcabc')).toBe('0,6,5,6,5,6');
  });

  it('reads BRE operators only where GNU does', () => {
    expect(match('\\(*a\\)', 'x*aa', false)).toBe('1,3,1,3');
    expect(match('^*a', '*a', false)).toBe('0,2');
    expect(match('a\\{2\\}', 'aaa', false)).toBe('0,2');
    expect(() => match('a\\{2\\}*', 'aaa', false)).toThrow('Invalid preceding regular expression');
  });
});
