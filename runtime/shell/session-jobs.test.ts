// Job control at the interactive prompt, against screens recorded from bash 5.2 in a pty (its
// prompt replaced by kubeplay's, its pids by kubeplay's, which count up from the shell's 4242).
import { describe, expect, it } from 'vitest';
import { interactiveSession as interactive } from '../../tests/interactive-session';

describe('job control in the interactive shell', () => {
  it('runs, lists, kills, stops, continues and brings back jobs as bash does', async () => {
    const { type, wait, screen } = await interactive();
    await type('sleep 1 &\r');
    await wait(1000);
    await type('\r');
    for (const line of ['sleep 100 &', 'sleep 200 &', 'jobs', 'kill %1', '', 'jobs', 'sleep 300'])
      await type(`${line}\r`);
    await type('\x1a');
    for (const line of ['jobs', 'bg', 'jobs', 'fg %2']) await type(`${line}\r`);
    await type('\x1a');
    await type('jobs\r');
    await type('fg\r');
    await type('\x03');
    for (const line of ['jobs', 'kill -9 %3', '']) await type(`${line}\r`);
    expect(await screen()).toEqual([
      '$ sleep 1 &',
      '[1] 4243',
      '$ ',
      '[1]+  Done                    sleep 1',
      '$ sleep 100 &',
      '[1] 4244',
      '$ sleep 200 &',
      '[2] 4245',
      '$ jobs',
      '[1]-  Running                 sleep 100 &',
      '[2]+  Running                 sleep 200 &',
      '$ kill %1',
      '$ ',
      '[1]-  Terminated              sleep 100',
      '$ jobs',
      '[2]+  Running                 sleep 200 &',
      '$ sleep 300',
      '^Z',
      '[3]+  Stopped                 sleep 300',
      '$ jobs',
      '[2]-  Running                 sleep 200 &',
      '[3]+  Stopped                 sleep 300',
      '$ bg',
      '[3]+ sleep 300 &',
      '$ jobs',
      '[2]-  Running                 sleep 200 &',
      '[3]+  Running                 sleep 300 &',
      '$ fg %2',
      'sleep 200',
      '^Z',
      '[2]+  Stopped                 sleep 200',
      '$ jobs',
      '[2]+  Stopped                 sleep 200',
      '[3]-  Running                 sleep 300 &',
      '$ fg',
      'sleep 200',
      '^C',
      '$ jobs',
      '[3]+  Running                 sleep 300 &',
      '$ kill -9 %3',
      '$ ',
      '[3]+  Killed                  sleep 300',
      '$ ',
    ]);
  });

  it('answers job specs that name nothing with bash’s errors and statuses', async () => {
    const { type, screen } = await interactive();
    const lines = [
      'fg; echo $?',
      'bg',
      'kill %9; echo $?',
      'fg %5',
      'kill; echo $?',
      'kill -s FOO 1; echo $?',
      'kill abc; echo $?',
      'kill 99999; echo $?',
      'kill -s; echo $?',
      'jobs %3; echo $?',
      'wait %4; echo $?',
      'disown; echo $?',
      'fg -x; echo $?',
      'wait -n; echo $?',
      'wait 99999; echo $?',
      'kill -l 15 TERM 143 SIGINT',
    ];
    for (const line of lines) await type(`${line}\r`);
    expect(await screen()).toEqual([
      '$ fg; echo $?',
      'bash: fg: current: no such job',
      '1',
      '$ bg',
      'bash: bg: current: no such job',
      '$ kill %9; echo $?',
      'bash: kill: %9: no such job',
      '1',
      '$ fg %5',
      'bash: fg: %5: no such job',
      '$ kill; echo $?',
      'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill ',
      '-l [sigspec]',
      '2',
      '$ kill -s FOO 1; echo $?',
      'bash: kill: FOO: invalid signal specification',
      '1',
      '$ kill abc; echo $?',
      'bash: kill: abc: arguments must be process or job IDs',
      '1',
      '$ kill 99999; echo $?',
      'bash: kill: (99999) - No such process',
      '1',
      '$ kill -s; echo $?',
      'bash: kill: -s: option requires an argument',
      '1',
      '$ jobs %3; echo $?',
      'bash: jobs: %3: no such job',
      '1',
      '$ wait %4; echo $?',
      'bash: wait: %4: no such job',
      '127',
      '$ disown; echo $?',
      'bash: disown: current: no such job',
      '1',
      '$ fg -x; echo $?',
      'bash: fg: -x: invalid option',
      'fg: usage: fg [job_spec]',
      '2',
      '$ wait -n; echo $?',
      '127',
      '$ wait 99999; echo $?',
      'bash: wait: pid 99999 is not a child of this shell',
      '127',
      '$ kill -l 15 TERM 143 SIGINT',
      'TERM',
      '15',
      'TERM',
      '2',
      '$ ',
    ]);
  });

  it('prints kill -l as bash’s table', async () => {
    const { type, screen } = await interactive();
    await type('kill -l\r');
    expect((await screen()).slice(1, 5)).toEqual([
      ' 1) SIGHUP       2) SIGINT       3) SIGQUIT      4) SIGILL       5) SIGTRAP',
      ' 6) SIGABRT      7) SIGBUS       8) SIGFPE       9) SIGKILL     10) SIGUSR1',
      '11) SIGSEGV     12) SIGUSR2     13) SIGPIPE     14) SIGALRM     15) SIGTERM',
      '16) SIGSTKFLT   17) SIGCHLD     18) SIGCONT     19) SIGSTOP     20) SIGTSTP',
    ]);
    expect((await screen()).slice(-3)).toEqual([
      '58) SIGRTMAX-6  59) SIGRTMAX-5  60) SIGRTMAX-4  61) SIGRTMAX-3  62) SIGRTMAX-2',
      '63) SIGRTMAX-1  64) SIGRTMAX',
      '$ ',
    ]);
  });
});

describe('the terminal and the shell itself', () => {
  it('gives a stopped reader the terminal again on fg; Ctrl-C ends a wait; exit warns once', async () => {
    const { type, screen, exitCode } = await interactive();
    for (const keys of ['cat\r', 'a\r', '\x1a', 'fg\r', 'b\r', '\x04', 'sleep 100 &\r', 'wait\r', '\x03']) {
      await type(keys);
    }
    for (const line of ['echo $?', 'kill $$; echo $?', 'sleep 100', '\x1a', 'exit', 'exit']) await type(`${line}\r`);
    // bash's cat echoes each line as it comes; kubeplay's prints its input at end of file.
    expect(await screen()).toEqual([
      '$ cat',
      'a',
      '^Z',
      '[1]+  Stopped                 cat',
      '$ fg',
      'cat',
      'b',
      'a',
      'b',
      '$ sleep 100 &',
      '[1] 4244',
      '$ wait',
      '^C',
      '$ echo $?',
      '130',
      '$ kill $$; echo $?',
      '0',
      '$ sleep 100',
      '^Z',
      '[2]+  Stopped                 sleep 100',
      '$ exit',
      'exit',
      'There are stopped jobs.',
      '$ exit',
      'exit',
    ]);
    // The held-back exit failed, so the second one exits with its status, as bash does.
    expect(exitCode()).toBe(1);
  });
});
