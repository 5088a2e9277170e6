// Re-records tests/fixtures/bash/results.json: each case of corpus.txt run by the real bash as an
// interactive shell would run it (bash -i, no rc files, C.UTF-8), with its stdout, stderr and
// exit status. Tests type the same cases into kubeplay's shell and require the same.
//   node scripts/oracle/record-bash.js
//
// corpus.txt: one case a line. A case of several lines (here-documents, multi-line `if`) sits
// between a line `<<<` and a line `>>>`. Each case runs in a fresh, empty working directory,
// CASE_DIR, which the test recreates in kubeplay's filesystem, so file tests and redirections
// behave alike and `pwd` prints the same.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** The working directory of every case (the test uses the same path). */
export const CASE_DIR = '/tmp/kubeplay-bash-oracle/case';

const dir = new URL('../../tests/fixtures/bash/', import.meta.url);

/** The cases of a corpus text. */
export function parseCorpus(text) {
  const cases = [];
  let block;
  for (const line of text.split('\n')) {
    if (block !== undefined) {
      if (line === '>>>') {
        cases.push(block.join('\n'));
        block = undefined;
      } else block.push(line);
    } else if (line === '<<<') block = [];
    else if (line !== '') cases.push(line);
  }
  return cases;
}

// Without a terminal, bash -i first complains about job control; those two lines are not the case's.
const NOISE = /^bash: (cannot set terminal process group .*|no job control in this shell)\n/gm;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const cases = parseCorpus(readFileSync(new URL('corpus.txt', dir), 'utf8'));
  const results = cases.map((line) => {
    rmSync(CASE_DIR, { recursive: true, force: true });
    mkdirSync(CASE_DIR, { recursive: true });
    const run = spawnSync('bash', ['--norc', '--noprofile', '-i', '-c', line], {
      cwd: CASE_DIR,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, LANG: 'C.UTF-8', HOME: '/nonexistent', PWD: CASE_DIR },
    });
    return { line, stdout: run.stdout, stderr: run.stderr.replace(NOISE, ''), exitCode: run.status };
  });
  rmSync(CASE_DIR, { recursive: true, force: true });
  writeFileSync(new URL('results.json', dir), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`bash: ${results.length} cases recorded`);
}
