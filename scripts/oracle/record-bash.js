// Re-records tests/fixtures/bash/results.json: each line of corpus.txt run by the real bash as an
// interactive shell would run it (bash -i, no rc files, C.UTF-8), with its stdout, stderr and
// exit status. Tests type the same lines into kubeplay's shell and require the same.
//   node scripts/oracle/record-bash.js
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const dir = new URL('../../tests/fixtures/bash/', import.meta.url);
const lines = readFileSync(new URL('corpus.txt', dir), 'utf8').split('\n').filter(Boolean);
// Without a terminal, bash -i first complains about job control; those two lines are not the line's.
const NOISE = /^bash: (cannot set terminal process group .*|no job control in this shell)\n/gm;

const results = lines.map((line) => {
  const run = spawnSync('bash', ['--norc', '--noprofile', '-i', '-c', line], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C.UTF-8', HOME: '/nonexistent' },
  });
  return { line, stdout: run.stdout, stderr: run.stderr.replace(NOISE, ''), exitCode: run.status };
});
writeFileSync(new URL('results.json', dir), `${JSON.stringify(results, null, 2)}\n`);
console.log(`bash: ${results.length} lines recorded`);
