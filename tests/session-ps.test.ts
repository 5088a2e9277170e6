// ps inside a learner's session: what the shell knows about the processes (pipelines, child
// shells, jobs) reaches ps's list; without a shell (xargs) it still lists the login shell.
import { describe, expect, it } from 'vitest';
import { hostSession, testTty } from './fixtures/ps/host-session';

const BOOT = 1_790_000_000;

describe('ps in a session', () => {
  it('lists the other commands of its pipeline, in the foreground group', async () => {
    const host = await hostSession(BOOT, 4321.27, 1234.5);
    const result = await host.run('ps -o pid,ppid,stat,args | cat', testTty(80));
    expect(result).toEqual({
      stdout:
        '    PID    PPID STAT COMMAND\n' +
        '   4242    4241 Ss   -bash\n' +
        '   4243    4242 R+   ps -o pid,ppid,stat,args\n' +
        '   4244    4242 S+   cat\n',
      stderr: '',
      status: 0,
    });
  });

  it('lists a child shell between the login shell and itself', async () => {
    const host = await hostSession(BOOT, 4321.27, 1234.5);
    const result = await host.run("bash -c 'ps -o pid,ppid,tty,args'");
    expect(result.stdout).toBe(
      '    PID    PPID TT       COMMAND\n' +
        '   4242    4241 pts/0    -bash\n' +
        '   4243    4242 pts/0    bash\n' +
        '   4244    4243 pts/0    ps -o pid,ppid,tty,args\n',
    );
  });

  it('lists background jobs, running or stopped, and a later ps gets the next pid', async () => {
    const host = await hostSession(BOOT, 4321.27, 1234.5);
    await host.run('sleep 100 &');
    expect((await host.run('ps -o pid,stat,args')).stdout).toBe(
      '    PID STAT COMMAND\n   4242 Ss   -bash\n   4243 S    sleep 100\n   4244 R+   ps -o pid,stat,args\n',
    );
    expect((await host.run('ps -p 4243 -o pid=')).stdout).toBe('   4243\n');
  });

  it('lists the login shell when run without a shell (xargs)', async () => {
    const host = await hostSession(BOOT, 4321.27, 1234.5);
    const result = await host.run('echo pid,args | xargs ps -o');
    expect(result.stdout).toBe('    PID COMMAND\n   4242 -bash\n   4243 ps -o pid,args\n');
  });

  it('on a terminal, cuts lines at its width; in a pipe, it does not', async () => {
    const host = await hostSession(BOOT, 4321.27, 1234.5);
    const wide = (await host.run('ps -o args -p 2517')).stdout.split('\n')[1];
    const cut = (await host.run('ps -o args -p 2517', testTty(50))).stdout.split('\n')[1];
    expect(wide.length).toBeGreaterThan(1000);
    expect(cut).toBe(wide.slice(0, 50));
  });

  it('just after boot, has every process started by now', async () => {
    const host = await hostSession(BOOT, 5.5, 2);
    const result = await host.run('ps -eo etimes=,lstart=');
    for (const line of result.stdout.trim().split('\n'))
      expect(Number(line.trim().split(' ')[0])).toBeLessThanOrEqual(5);
  });
});
