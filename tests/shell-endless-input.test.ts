// Endless writers in pipelines: `head` reads standard input only as far as it prints, then closes
// it, so `yes` gets EPIPE and the pipeline ends (the texts are real bash 5.2's; its own recording
// of these lines also carries job-control noise from running without a terminal).
import { expect, it } from 'vitest';
import { createHarness } from './harness';

it('yes | head ends with the lines head prints', async () => {
  const h = await createHarness();
  expect(await h.run('yes | head -3')).toEqual({ stdout: 'y\ny\ny\n', stderr: '', exitCode: 0 });
  expect(await h.run('yes | head -5 | wc -l')).toEqual({ stdout: '5\n', stderr: '', exitCode: 0 });
  expect(await h.run('yes abc | head -c 6')).toEqual({ stdout: 'abc\nab', stderr: '', exitCode: 0 });
  expect(await h.run('seq 100000 | head -n 2')).toEqual({ stdout: '1\n2\n', stderr: '', exitCode: 0 });
});
