// Re-records tests/fixtures/kubectl/inspect.json: the real kubectl v1.34.5 against the scenario
// of tests/kubectl-scenario.ts on the cases of tests/kubectl-inspect-cases.ts (files written to
// its working directory first). The served address and working directory are replaced with
// placeholders; the test replaces diff's temporary folders and time stamps on both sides. PATH is
// fixed (plugin list reads it; diff runs the diff program from it).
//   npx tsx scripts/oracle/record-kubectl-inspect.ts
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kubectlScenario } from '../../tests/kubectl-scenario';
import { INSPECT_CASES } from '../../tests/kubectl-inspect-cases';
import { serveForKubectl } from './kubectl-server';

/** The PATH kubectl runs with, and the test's kubectl (its last folder does not exist). */
process.env.PATH = '/usr/local/bin:/usr/bin:/bin:/opt/no-such-folder';

const harness = await kubectlScenario();
const oracle = await serveForKubectl(harness.playground.cluster.api);
const results = [];
for (const testCase of INSPECT_CASES) {
  for (const [name, text] of Object.entries(testCase.files ?? {})) await writeFile(join(oracle.dir, name), text);
  const run = await oracle.run(testCase.args);
  const normalise = (text: string): string =>
    text.replace(/http:\/\/127\.0\.0\.1:\d+/g, 'SERVER').replaceAll(oracle.dir, 'WORKDIR');
  results.push({ ...run, stdout: normalise(run.stdout), stderr: normalise(run.stderr), files: testCase.files });
}
await writeFile(
  new URL('../../tests/fixtures/kubectl/inspect.json', import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
console.log(`inspect: ${results.length} cases recorded`);
oracle.close();
await harness.playground.stop();
