import { describe, expect, it } from 'vitest';
import { createHarness } from '../../tests/harness';
import { TestTerminal } from '../../tests/terminal';
import { MemoryBackend } from '../storage/backend';

const PROMPT = 'learner@kubeplay:~$ ';
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function interactive(storage = new MemoryBackend(), onWrite: (data: string) => void = () => {}) {
  // The shell alone: no cluster components, so the only timers are the shell's own.
  const harness = await createHarness(storage, false);
  const terminal = new TestTerminal(80, 24);
  const write = (data: string): void => {
    onWrite(data);
    terminal.write(data);
  };
  const session = harness.playground.openSession({ write }, 80);
  let exitCode: number | undefined;
  session.onExit = (code) => (exitCode = code);
  session.start();
  const type = async (data: string): Promise<void> => {
    session.input(data);
    await settle();
  };
  return { harness, terminal, session, type, exitCode: () => exitCode };
}

describe('an interactive shell session', () => {
  it('prompts, runs kubectl version through the API server, and prompts again', async () => {
    const { terminal, type } = await interactive();
    expect(await terminal.screen()).toEqual([PROMPT]);
    await type('kubectl version\r');
    expect(await terminal.screen()).toEqual([
      `${PROMPT}kubectl version`,
      'Client Version: v1.34.5',
      'Kustomize Version: v5.7.1',
      'Server Version: v1.34.0',
      PROMPT,
    ]);
    expect(await terminal.cursor()).toEqual({ x: PROMPT.length, y: 4 });
  });

  it('answers an unknown command as bash does', async () => {
    const { terminal, type } = await interactive();
    await type('foo\r');
    expect(await terminal.screen()).toEqual([`${PROMPT}foo`, 'bash: foo: command not found', PROMPT]);
  });

  it('interrupts a running command on Ctrl-C, drops type-ahead, and reports status 130', async () => {
    const { terminal, type, harness } = await interactive();
    await type('sleep 100\r');
    await type('echo typed-ahead');
    await type('\x03');
    await type('echo $?\r');
    // No parameter expansion yet: the shell's status is checked through the harness instead.
    expect(harness.clock.nextTimerAt()).toBeUndefined();
    const screen = await terminal.screen();
    // The terminal echoes what is typed during the command, as a TTY does; Ctrl-C discards it.
    expect(screen.slice(0, 3)).toEqual([`${PROMPT}sleep 100`, 'echo typed-ahead^C', `${PROMPT}echo $?`]);
  });

  it('echoes keys typed while a command runs and replays them at the next prompt', async () => {
    const { terminal, type, harness } = await interactive();
    await type('sleep 5\r');
    await type('echo ahead\r');
    harness.clock.advance(5000);
    await settle();
    await settle();
    // Echoed when typed (the TTY's echo), then read again by the next prompt, as real bash shows it.
    expect(await terminal.screen()).toEqual([`${PROMPT}sleep 5`, 'echo ahead', `${PROMPT}echo ahead`, 'ahead', PROMPT]);
  });

  it('keeps history in storage: a new playground on the same storage recalls it with Up', async () => {
    const storage = new MemoryBackend();
    const first = await interactive(storage);
    await first.type('kubectl version --client\r');
    await first.type('help\r');
    await first.type(' secret-with-leading-space\r');
    await first.type('help\r');
    const second = await interactive(storage);
    await second.type('\x1b[A');
    expect((await second.terminal.screen()).at(-1)).toBe(`${PROMPT}help`);
    await second.type('\x1b[A');
    expect((await second.terminal.screen()).at(-1)).toBe(`${PROMPT}kubectl version --client`);
    await second.type('\r');
    expect((await second.terminal.screen()).slice(1, 3)).toEqual([
      'Client Version: v1.34.5',
      'Kustomize Version: v5.7.1',
    ]);
    await second.type('history\r');
    expect((await second.terminal.screen()).slice(3, 8)).toEqual([
      `${PROMPT}history`,
      '    1  kubectl version --client',
      '    2  help',
      '    3  kubectl version --client',
      '    4  history',
    ]);
  });

  it('exits on Ctrl-D at an empty prompt, saying exit', async () => {
    const { terminal, type, exitCode } = await interactive();
    await type('false\r');
    await type('\x04');
    expect(exitCode()).toBe(1);
    expect((await terminal.screen()).at(-1)).toBe(`${PROMPT}exit`);
  });

  it('clears a half-typed line on Ctrl-C without running it', async () => {
    const { terminal, type } = await interactive();
    await type('kubectl version\x03');
    expect(await terminal.screen()).toEqual([`${PROMPT}kubectl version^C`, PROMPT]);
  });
});

describe('commands over several lines', () => {
  it('asks for more with `> ` until the command is complete, and records it whole', async () => {
    const { terminal, type } = await interactive();
    await type('if true\r');
    await type('then echo "a\r');
    await type('b"\r');
    await type('fi\r');
    expect(await terminal.screen()).toEqual([`${PROMPT}if true`, '> then echo "a', '> b"', '> fi', 'a', 'b', PROMPT]);
    await type('history\r');
    expect((await terminal.screen()).slice(-6)).toEqual([
      '    1  if true',
      'then echo "a',
      'b"',
      'fi',
      '    2  history',
      PROMPT,
    ]);
  });

  it('takes a pasted here-document piped to a command', async () => {
    const { terminal, type } = await interactive();
    await type('while read -r l; do echo "[$l]"; done <<EOF | while read -r m; do echo "<$m>"; done\rone\rtwo\rEOF\r');
    const screen = await terminal.screen();
    expect(screen.slice(-3)).toEqual(['<[one]>', '<[two]>', PROMPT]);
  });

  it('drops an unfinished command on Ctrl-C and shows a fresh prompt', async () => {
    const { terminal, type } = await interactive();
    await type('for i in 1 2\r');
    await type('\x03');
    await type('echo $?\r');
    expect(await terminal.screen()).toEqual([`${PROMPT}for i in 1 2`, '> ^C', `${PROMPT}echo $?`, '130', PROMPT]);
  });
});

describe('bad input at the prompt', () => {
  it('takes a 1 MB paste without newlines in one redraw and stays responsive', async () => {
    let writes = 0;
    const { terminal, type, session } = await interactive(new MemoryBackend(), () => writes++);
    writes = 0;
    await type('x'.repeat(1_000_000));
    expect(writes).toBe(1);
    await type('\x03echo still here\r');
    expect(session.hasExited).toBe(false);
    expect((await terminal.screen()).slice(-2)).toEqual(['still here', PROMPT]);
  });

  it('ignores control characters and unknown escape sequences', async () => {
    const { terminal, type } = await interactive();
    await type('ec\x00\x1b[99~\x1b[1;5Pho ok\x07\r');
    expect((await terminal.screen()).slice(0, 2)).toEqual([`${PROMPT}echo ok`, 'ok']);
  });

  it('gives the foreground command the terminal: `read` gets an echoed line', async () => {
    const { terminal, type } = await interactive();
    await type('read -r name; echo "hello $name"\r');
    await type('kubex\x7fplay\r');
    expect(await terminal.screen()).toEqual([
      `${PROMPT}read -r name; echo "hello $name"`,
      'kubeplay',
      'hello kubeplay',
      PROMPT,
    ]);
  });

  it('runs vi full-screen in raw mode and comes back to the prompt', async () => {
    const { terminal, type, session } = await interactive();
    await type('vi pod.yaml\r');
    expect((await terminal.screen()).at(-1)).toMatch(/^"pod.yaml" \[New\] +0,0-1 +All$/);
    await type('ikind: Pod\x1b');
    await type(':wq\r');
    expect(session.fs.readFile('/home/learner/pod.yaml')).toBe('kind: Pod\n');
    expect(await terminal.screen()).toEqual([`${PROMPT}vi pod.yaml`, PROMPT]);
  });

  it('completes on Tab: commands, and kubectl subcommands', async () => {
    const { terminal, type } = await interactive();
    await type('kubec\t');
    await type('ver\t');
    expect(await terminal.screen()).toEqual([`${PROMPT}kubectl version `]);
  });

  it('expands history as bash does: !!, !$, a missing event, ^old^new', async () => {
    const { terminal, type } = await interactive();
    await type('echo one two\r');
    await type('!!\r');
    await type('echo !$\r');
    await type('!xyz\r');
    await type('^two^deux\r');
    await type('^zzz^y\r');
    expect(await terminal.screen()).toEqual([
      `${PROMPT}echo one two`,
      'one two',
      `${PROMPT}!!`,
      'echo one two',
      'one two',
      `${PROMPT}echo !$`,
      'echo two',
      'two',
      `${PROMPT}!xyz`,
      'bash: !xyz: event not found',
      `${PROMPT}^two^deux`,
      'echo deux',
      'deux',
      `${PROMPT}^zzz^y`,
      'bash: :s^zzz^y: substitution failed',
      PROMPT,
    ]);
  });

  it("prompts with Ubuntu's PS1: the working directory as it changes, ~ for home, and the window title", async () => {
    let raw = '';
    const { terminal, type } = await interactive(undefined, (data) => (raw += data));
    await type('mkdir -p work/a && cd work/a\r');
    await type('cd /tmp\r');
    expect(await terminal.screen()).toEqual([
      `${PROMPT}mkdir -p work/a && cd work/a`,
      'learner@kubeplay:~/work/a$ cd /tmp',
      'learner@kubeplay:/tmp$ ',
    ]);
    expect(raw).toContain('\x1b]0;learner@kubeplay: /tmp\x07');
  });

  it("keeps each shell's own history list: another tab's commands reach only shells opened after", async () => {
    const { harness, type } = await interactive();
    const other = new TestTerminal(80, 24);
    const second = harness.playground.openSession({ write: other.write }, 80);
    second.start();
    await type('echo from-first\r');
    second.input('\x1b[A');
    await settle();
    expect((await other.screen()).at(-1)).toBe(PROMPT);
    const later = new TestTerminal(80, 24);
    const third = harness.playground.openSession({ write: later.write }, 80);
    third.start();
    third.input('\x1b[A');
    await settle();
    expect((await later.screen()).at(-1)).toBe(`${PROMPT}echo from-first`);
  });

  it('pages a file with less, and q brings the prompt back; not on a terminal less is cat', async () => {
    const { terminal, type } = await interactive();
    await type('seq 1 50 > nums.txt; less nums.txt\r');
    let screen = await terminal.screen();
    expect(screen.slice(0, 2)).toEqual(['1', '2']);
    expect(screen.at(-1)).toBe('nums.txt');
    await type(' ');
    screen = await terminal.screen();
    expect([screen[0], screen.at(-1)]).toEqual(['24', ':']);
    await type('q');
    await type('less nums.txt | wc -l\r');
    expect(await terminal.screen()).toEqual([
      `${PROMPT}seq 1 50 > nums.txt; less nums.txt`,
      `${PROMPT}less nums.txt | wc -l`,
      '50',
      PROMPT,
    ]);
  });

  it('runs a nested bash at the prompt until exit, with its own variables', async () => {
    const { terminal, type } = await interactive();
    await type('X=outer; bash\r');
    await type('echo "[$X] $SHLVL"; X=inner\r');
    await type('exit 3\r');
    await type('echo $? $X\r');
    expect(await terminal.screen()).toEqual([
      `${PROMPT}X=outer; bash`,
      `${PROMPT}echo "[$X] $SHLVL"; X=inner`,
      '[] 2',
      `${PROMPT}exit 3`,
      'exit',
      `${PROMPT}echo $? $X`,
      '3 outer',
      PROMPT,
    ]);
  });

  it('pages a pipe with more (a bare --More--), and logout ends the login shell', async () => {
    const { terminal, type, session } = await interactive();
    await type('seq 1 50 | more\r');
    // more pages in the normal screen: the last 24 rows are the page and its prompt.
    const screen = (await terminal.screen()).slice(-24);
    expect([screen[0], screen[22], screen[23]]).toEqual(['1', '23', '--More--']);
    await type('q');
    await type('bash -c logout; echo $?\r');
    expect((await terminal.screen()).slice(-3)).toEqual([
      "bash: line 1: logout: not login shell: use `exit'",
      '1',
      PROMPT,
    ]);
    await type('logout\r');
    expect(session.hasExited).toBe(true);
  });

  it('pages a pipe with less, taking its keys from the terminal', async () => {
    const { terminal, type } = await interactive();
    await type('seq 1 50 | less\r');
    let screen = await terminal.screen();
    expect([screen[0], screen[22], screen.at(-1)]).toEqual(['1', '23', ':']);
    await type(' ');
    screen = await terminal.screen();
    expect([screen[0], screen.at(-1)]).toEqual(['24', ':']);
    await type('q');
    expect(await terminal.screen()).toEqual([`${PROMPT}seq 1 50 | less`, PROMPT]);
  });
});
