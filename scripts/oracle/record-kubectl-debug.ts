// Re-records tests/fixtures/kubectl/debug.json: for each case of tests/kubectl-debug-cases.ts, a
// fresh kubectl scenario served to the real kubectl v1.34.5 (virtual time standing still): the
// commands before, the command, the follow-up read.
//   npx tsx scripts/oracle/record-kubectl-debug.ts
import { writeFile } from 'node:fs/promises';
import { DEBUG_CASES } from '../../tests/kubectl-debug-cases';
import { kubectlScenario } from '../../tests/kubectl-scenario';
import { serveForKubectl } from './kubectl-server';

const results = [];
for (const testCase of DEBUG_CASES) {
  const harness = await kubectlScenario();
  const server = await serveForKubectl(harness.playground.cluster.api);
  const before = [];
  for (const args of testCase.before ?? []) before.push(await server.run(args));
  const ran = await server.run(testCase.args);
  const followUp = testCase.followUp ? await server.run(testCase.followUp) : undefined;
  results.push({ ...ran, before, followUp });
  console.log(`${testCase.args.join(' ')} → ${ran.exitCode}`);
  server.close();
  await harness.playground.stop();
}
const file = new URL('../../tests/fixtures/kubectl/debug.json', import.meta.url);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`debug: ${results.length} cases recorded`);
process.exit(0);
