// Re-records the `-f` input suites from the real kubectl v1.34.5: tests/fixtures/kubectl/bad-input.json
// (tests/kubectl-bad-input-cases.ts) and apply-server-side.json
// (tests/kubectl-apply-server-side-cases.ts) and apply-prune.json (tests/kubectl-apply-prune-cases.ts). Each case runs on a fresh kubectl scenario served by
// serveForKubectl, its files written to kubectl's working directory: its setup commands, the
// command, then its follow-up read.
//   npx tsx scripts/oracle/record-kubectl-bad-input.ts [bad-input|apply-server-side|apply-prune]
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { kubectlScenario } from '../../tests/kubectl-scenario';
import { BAD_INPUT_CASES } from '../../tests/kubectl-bad-input-cases';
import { SERVER_SIDE_CASES, type SetupCase } from '../../tests/kubectl-apply-server-side-cases';
import { PRUNE_CASES } from '../../tests/kubectl-apply-prune-cases';
import { serveForKubectl } from './kubectl-server';

const SUITES: Record<string, SetupCase[]> = {
  'bad-input': BAD_INPUT_CASES,
  'apply-server-side': SERVER_SIDE_CASES,
  'apply-prune': PRUNE_CASES,
};

for (const [suite, cases] of Object.entries(SUITES)) {
  if (process.argv[2] && process.argv[2] !== suite) continue;
  const results = [];
  for (const testCase of cases) {
    const harness = await kubectlScenario();
    const server = await serveForKubectl(harness.playground.cluster.api);
    for (const [path, text] of Object.entries(testCase.files ?? {})) {
      await mkdir(dirname(join(server.dir, path)), { recursive: true });
      await writeFile(join(server.dir, path), text);
    }
    for (const setup of testCase.setup ?? []) await server.run(setup);
    const { args, stdout, stderr, exitCode } = await server.run(testCase.args, { stdin: testCase.stdin });
    const followUp = await server.run(testCase.followUp);
    results.push({ args, stdout, stderr, exitCode, followUp });
    console.log(`${args.join(' ')} → ${exitCode}`);
    server.close();
    await harness.playground.stop();
  }
  const file = new URL(`../../tests/fixtures/kubectl/${suite}.json`, import.meta.url);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`${suite}: ${results.length} cases recorded`);
}
process.exit(0);
