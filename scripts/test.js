// `npm test`: every check, in order — formatting, lint, type-check (runtime without DOM, worker,
// CLI, app with svelte-check), unit tests (vitest), browser tests (Debian's Chromium).
// Ends with one line "tests: N passed, M failed" counting unit and browser tests.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const results = (file) => JSON.parse(readFileSync(new URL(`../test-results/${file}`, import.meta.url), 'utf8'));

const steps = [
  ['format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']],
  ['lint', 'npx', ['eslint', '.']],
  ['types', 'npm', ['run', '--silent', 'check']],
  [
    'unit',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json'],
  ],
  ['browser', 'node', ['e2e/run.js']],
];

let passed = 0;
let failed = 0;
for (const [name, command, args] of steps) {
  console.log(`\n── ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (name === 'unit' || name === 'browser') {
    try {
      const counts = name === 'unit' ? results('vitest.json') : results('browser.json');
      passed += name === 'unit' ? counts.numPassedTests : counts.passed;
      failed += name === 'unit' ? counts.numFailedTests : counts.failed;
    } catch {
      failed += 1;
    }
  }
  if (run.status !== 0) {
    console.log(`\n${name} failed (exit ${run.status})`);
    console.log(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(1);
  }
}
console.log(`\ntests: ${passed} passed, ${failed} failed`);
