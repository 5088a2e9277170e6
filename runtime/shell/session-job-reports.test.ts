// What the interactive shell reports about its jobs, and when: Ctrl-Z's notice, the news before
// each prompt, `wait`'s reports, `(wd: …)` notes. Screens recorded from bash 5.2 in a pty.
import { describe, expect, it } from 'vitest';
import { interactiveSession as interactive } from '../../tests/interactive-session';

describe('stopping and reporting', () => {
  it('stops the foreground process on Ctrl-Z: a list goes on, && does not, loops end (148)', async () => {
    const { type, screen, exitCode } = await interactive();
    for (const line of [
      'sleep 100; echo after',
      'sleep 100 && echo and',
      'while true; do sleep 100; done',
      'sleep 100 | cat',
      '(sleep 100; echo sub)',
    ]) {
      await type(`${line}\r`);
      await type('\x1a');
    }
    await type('echo $?\r');
    await type('jobs -l\r');
    await type('true\r');
    await type('\x04');
    await type('\x04');
    expect(await screen()).toEqual([
      '$ sleep 100; echo after',
      '^Z',
      '[1]+  Stopped                 sleep 100',
      'after',
      '$ sleep 100 && echo and',
      '^Z',
      '[2]+  Stopped                 sleep 100',
      '$ while true; do sleep 100; done',
      '^Z',
      '[3]+  Stopped                 sleep 100',
      '$ sleep 100 | cat',
      '^Z',
      '[4]+  Stopped                 sleep 100 | cat',
      '$ (sleep 100; echo sub)',
      '^Z',
      '[5]+  Stopped                 ( sleep 100; echo sub )',
      '$ echo $?',
      '148',
      '$ jobs -l',
      '[1]   4243 Stopped                 sleep 100',
      '[2]   4244 Stopped                 sleep 100',
      '[3]   4245 Stopped                 sleep 100',
      '[4]-  4246 Stopped                 sleep 100',
      '      4247                       | cat',
      '[5]+  4248 Stopped                 ( sleep 100; echo sub )',
      '$ true',
      '$ exit',
      'There are stopped jobs.',
      '$ exit',
    ]);
    expect(exitCode()).toBe(0);
  });

  it('holds a stopped job: its timers and output wait for fg', async () => {
    const { type, wait, screen } = await interactive();
    await type('(sleep 2; echo after)\r');
    await wait(1000);
    await type('\x1a');
    await wait(5000);
    await type('jobs\r');
    await type('fg\r');
    expect(await screen()).toEqual([
      '$ (sleep 2; echo after)',
      '^Z',
      '[1]+  Stopped                 ( sleep 2; echo after )',
      '$ jobs',
      '[1]+  Stopped                 ( sleep 2; echo after )',
      '$ fg',
      '( sleep 2; echo after )',
      'after',
      '$ ',
    ]);
  });

  it('reports jobs that ended before the next prompt, after the foreground output', async () => {
    const { type, wait, screen } = await interactive();
    await type('sleep 1 &\r');
    await type('sleep 3\r');
    await wait(3000);
    await type('sleep 1 &\r');
    await type('echo hi\r');
    await wait(2000);
    await type('echo there\r');
    await type('(exit 3) &\r');
    await type('\r');
    expect(await screen()).toEqual([
      '$ sleep 1 &',
      '[1] 4243',
      '$ sleep 3',
      '[1]+  Done                    sleep 1',
      '$ sleep 1 &',
      '[1] 4244',
      '$ echo hi',
      'hi',
      '$ echo there',
      'there',
      '[1]+  Done                    sleep 1',
      // bash usually sees so short a job end before its prompt; kubeplay always one prompt later.
      '$ (exit 3) &',
      '[1] 4245',
      '$ ',
      '[1]+  Exit 3                  ( exit 3 )',
      '$ ',
    ]);
  });

  it('waits as bash does: wait, wait %n, wait -n, wait PID after the job is gone', async () => {
    const { type, wait, screen } = await interactive();
    await type('(sleep 1; exit 7) &\r');
    await type('wait; echo $?\r');
    await wait(1000);
    await type('sleep 1 &\r');
    await wait(2000);
    await type('wait\r');
    await type('sleep 100 &\r');
    await type('kill %1; wait %1; echo $?\r');
    await type('sleep 1 &\r');
    await type('sleep 2 &\r');
    await type('wait -n; echo $?\r');
    await wait(1000);
    await wait(1000);
    await type('\r');
    await type('(exit 4) &\r');
    await type('wait $!; echo $?\r');
    expect(await screen()).toEqual([
      '$ (sleep 1; exit 7) &',
      '[1] 4243',
      '$ wait; echo $?',
      '[1]+  Exit 7                  ( sleep 1; exit 7 )',
      '0',
      '$ sleep 1 &',
      '[1] 4244',
      '$ wait',
      '$ sleep 100 &',
      '[1] 4245',
      '$ kill %1; wait %1; echo $?',
      '[1]+  Terminated              sleep 100',
      '143',
      '$ sleep 1 &',
      '[1] 4246',
      '$ sleep 2 &',
      '[2] 4247',
      '$ wait -n; echo $?',
      '[1]-  Done                    sleep 1',
      '0',
      '$ ',
      '[2]+  Done                    sleep 2',
      '$ (exit 4) &',
      '[1] 4248',
      '$ wait $!; echo $?',
      '[1]+  Exit 4                  ( exit 4 )',
      '4',
      '$ ',
    ]);
  });

  it('finds jobs by name and substring, and notes a job’s directory once the shell has moved', async () => {
    const { type, screen } = await interactive();
    for (const line of ['sleep 100 &', 'sleep 200 | cat &', 'kill %sl', 'kill %?200', 'jobs -p', 'cd /tmp', 'jobs']) {
      await type(`${line}\r`);
    }
    await type('fg %?100\r');
    await type('\x1a');
    expect(await screen()).toEqual([
      '$ sleep 100 &',
      '[1] 4243',
      '$ sleep 200 | cat &',
      '[2] 4245',
      '$ kill %sl',
      'bash: kill: sl: ambiguous job spec',
      '$ kill %?200',
      '$ jobs -p',
      '4243',
      '4244',
      // `jobs -p` marks nothing reported: the kill it sees now is reported after it.
      '[2]+  Terminated              sleep 200 | cat',
      '$ cd /tmp',
      'learner@kubeplay:/tmp$ jobs',
      '[1]+  Running                 sleep 100 &  (wd: ~)',
      'learner@kubeplay:/tmp$ fg %?100',
      'sleep 100       (wd: ~)',
      '^Z',
      '[1]+  Stopped                 sleep 100  (wd: ~)',
      '(wd now: /tmp)',
      'learner@kubeplay:/tmp$ ',
    ]);
  });
});
