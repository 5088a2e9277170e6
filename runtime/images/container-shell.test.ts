// Containers' `sh`: the interpreter over the image's programs, with busybox ash's wording
// (texts recorded from BusyBox 1.35's `sh -c` on Debian).
import { describe, expect, it } from 'vitest';
import { CancelController } from '../cancel';
import { VirtualClock } from '../clock';
import { Volume } from '../shell/fs/volume';
import { BASE_PROGRAMS } from './programs';
import { DEBIAN_SHELLS } from './container-shell';
import type { ProcessContext, Program } from './types';

function run(
  argv: string[],
  options: {
    stdin?: string[];
    ended?: CancelController;
    clock?: VirtualClock;
    programs?: Record<string, Program>;
    tty?: boolean;
  } = {},
) {
  const programs = { ...BASE_PROGRAMS, ...options.programs };
  const clock = options.clock ?? new VirtualClock(Date.UTC(2026, 0, 1));
  const out: string[] = [];
  const err: string[] = [];
  const fs = new Volume({ '/etc/hostname': 'box\n' });
  const ctx: ProcessContext = {
    argv,
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: '/root' },
    cwd: '/',
    stdout: { write: (text) => void out.push(text) },
    stderr: { write: (text) => void err.push(text) },
    stdin: options.stdin
      ? (async function* () {
          yield* options.stdin ?? [];
        })()
      : undefined,
    tty: options.tty ?? false,
    fs,
    clock,
    hostname: 'box',
    startedAt: clock.now(),
    pid1: true,
    onSignal: () => () => {},
    program: (name) => programs[name.split('/').pop() ?? ''],
    listen: () => () => {},
    spawn: (program, childArgv) => program({ ...ctx, argv: childArgv, pid1: false }),
    ended: options.ended?.signal,
  };
  const status = programs[argv[0]](ctx);
  return { status, out, err, fs, clock };
}

describe("a container's sh", () => {
  it('runs loops, arithmetic and command substitution in -c, as pod specs write them', async () => {
    const r = run(['sh', '-c', 'i=0; while [ $i -lt 3 ]; do echo "$i: $(echo x)"; i=$((i+1)); done']);
    expect(await r.status).toBe(0);
    expect(r.out.join('')).toBe('0: x\n1: x\n2: x\n');
  });

  it("says what busybox's ash says for a missing program and for syntax errors", async () => {
    const missing = run(['sh', '-c', 'foo; echo $?']);
    expect(await missing.status).toBe(0);
    expect(missing.err.join('')).toBe('sh: foo: not found\n');
    expect(missing.out.join('')).toBe('127\n');
    for (const [script, text] of [
      ['echo a; fi', 'sh: syntax error: unexpected "fi"\n'],
      ['echo "a', 'sh: syntax error: unterminated quoted string\n'],
      [')', 'sh: syntax error: unexpected ")"\n'],
      ['echo a |', 'sh: syntax error: unexpected end of file\n'],
    ]) {
      const r = run(['sh', '-c', script]);
      expect(await r.status).toBe(2);
      expect(r.err.join('')).toBe(text);
    }
  });

  it('exits with the status exit gives, and at once without stdin or a script', async () => {
    expect(await run(['sh', '-c', 'echo a && exit 3; echo never']).status).toBe(3);
    const bare = run(['sh']);
    expect(await bare.status).toBe(0);
    expect(bare.out).toEqual([]);
  });

  it('runs a script file of the container, naming it and the line in errors', async () => {
    const s = run(['sh', '-c', 'printf "echo \\"\\$0 \\$1\\"\\nnope\\n" > /t.sh; sh /t.sh arg']);
    expect(await s.status).toBe(127);
    expect(s.out.join('')).toBe('/t.sh arg\n');
    expect(s.err.join('')).toBe('/t.sh: line 2: nope: not found\n');
  });

  it('is dash as sh and bash as bash in Debian-based images, each with its own wording', async () => {
    const dash = run(['sh', '-c', 'foo'], { programs: DEBIAN_SHELLS });
    expect(await dash.status).toBe(127);
    expect(dash.err.join('')).toBe('sh: 1: foo: not found\n');
    const bash = run(['bash', '-c', 'foo; echo "$0"'], { programs: DEBIAN_SHELLS });
    expect(await bash.status).toBe(0);
    expect(bash.err.join('')).toBe('bash: foo: command not found\n');
    expect(bash.out.join('')).toBe('bash\n');
    const missing = run(['sh', '-c'], { programs: DEBIAN_SHELLS });
    expect(await missing.status).toBe(2);
    expect(missing.err.join('')).toBe('sh: 0: -c requires an argument\n');
  });

  it('reads its script from stdin when one is attached', async () => {
    const r = run(['sh'], { stdin: ['echo one\n', 'echo two\n'] });
    expect(await r.status).toBe(0);
    expect(r.out.join('')).toBe('one\ntwo\n');
  });

  it('on a terminal, echoes what is typed, prompts for each line and ends at Ctrl-D', async () => {
    const r = run(['sh'], { stdin: ['echo hi\r', 'cd /etc\r', 'pwdx\x7f\r', '\x04'], tty: true });
    expect(await r.status).toBe(0);
    // All the keys came at once: the terminal echoes them as they come (type-ahead), and the
    // shell then runs each line after its prompt.
    expect(r.out.join('')).toBe('/ # echo hi\r\ncd /etc\r\npwdx\b \b\r\nhi\n/ # /etc # /etc\n/etc # ');
  });

  it('keeps looping on the cluster clock until its container ends, then stops', async () => {
    const clock = new VirtualClock(0);
    const ended = new CancelController();
    const r = run(['sh', '-c', 'while true; do echo tick; sleep 1; done'], { clock, ended });
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 500; i++) await Promise.resolve();
    };
    await settle();
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await settle();
    }
    expect(r.out.join('')).toBe('tick\ntick\ntick\ntick\n');
    ended.abort();
    await r.status;
    clock.advance(5000);
    await settle();
    expect(r.out.join('')).toBe('tick\ntick\ntick\ntick\n');
    expect(clock.nextTimerAt()).toBeUndefined();
  });
});
