// Re-records tests/fixtures/kubectl/*.json: runs the real kubectl v1.34 against kubeplay's own
// API handler (served over HTTP on 127.0.0.1) and keeps what it printed. Tests replay each case
// through kubeplay's kubectl and require the same stdout, stderr and exit code.
//   npx tsx scripts/oracle/record-kubectl.ts
import { writeFile } from 'node:fs/promises';
import { VirtualClock } from '../../runtime/clock';
import { createCluster } from '../../runtime/cluster';
import { createSeededRng } from '../../runtime/rng';
import { MemoryBackend } from '../../runtime/storage/backend';
import { serveForKubectl } from './kubectl-server';

/** The fixture files and the kubectl argument lists each one records. */
const SUITES: Record<string, string[][]> = {
  version: [
    ['version'],
    ['version', '-o', 'json'],
    ['version', '-o', 'yaml'],
    ['version', '--output=json'],
    ['version', '--client'],
    ['version', '--client', '-o', 'yaml'],
    ['version', '-o', 'xml'],
    ['version', '--foo'],
    ['version', 'extra', 'args'],
    ['version', '-o'],
    ['version', '--client=maybe'],
    ['version', '-x'],
    ['-n', 'default', 'version', '--client'],
    ['--bogus', 'version'],
    ['-n'],
  ],
  root: [[], ['help'], ['--help'], ['gte'], ['foo'], ['zzzzzzz'], ['ver'], ['optins'], ['x']],
};

const cluster = await createCluster({
  clock: new VirtualClock(Date.UTC(2026, 0, 1)),
  rng: createSeededRng('oracle'),
  storage: new MemoryBackend(),
});
const oracle = await serveForKubectl(cluster.api);
for (const [suite, cases] of Object.entries(SUITES)) {
  const results = [];
  for (const args of cases) results.push(await oracle.run(args));
  const file = new URL(`../../tests/fixtures/kubectl/${suite}.json`, import.meta.url);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`${suite}: ${results.length} cases recorded`);
}
oracle.close();
