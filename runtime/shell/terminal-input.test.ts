import { describe, expect, it } from 'vitest';
import { TerminalInput } from './terminal-input';

describe('the terminal as standard input', () => {
  it('in cooked mode echoes and hands over whole lines; Backspace and Ctrl-U edit the line', async () => {
    let echoed = '';
    const input = new TerminalInput((text) => (echoed += text));
    input.feed('helo\x7flo\r');
    expect(await input.read()).toBe('hello\n');
    input.feed('wrong\x15right\r');
    expect(await input.read()).toBe('right\n');
    expect(echoed).toBe('helo\b \blo\r\nwrong\b \b\b \b\b \b\b \b\b \bright\r\n');
  });

  it('takes Ctrl-D at the start of a line as end of file, elsewhere as the line so far', async () => {
    const input = new TerminalInput(() => {});
    input.feed('part\x04');
    expect(await input.read()).toBe('part');
    input.feed('\x04');
    expect(await input.read()).toBeNull();
  });

  it('in raw mode passes keys as typed, without echo, and gives back what was not read', async () => {
    let echoed = '';
    const input = new TerminalInput((text) => (echoed += text));
    input.raw = true;
    input.feed('i');
    input.feed('\x1b');
    expect(await input.read()).toBe('i\x1b');
    expect(echoed).toBe('');
    input.raw = false;
    input.feed('ls\rpw');
    expect(input.unread()).toBe('ls\npw');
  });
});
