// Re-records tests/fixtures/kubectl/kustomize.json: for each case of tests/kubectl-kustomize-cases.ts,
// serves a fresh kubectl scenario's API to the real kubectl v1.34.5 (kubectl-server.ts), writes
// the case's files into kubectl's working directory and runs the commands before, the command and
// the follow-up read. The directory's path is written as WORK_DIR in the fixture.
//   npx tsx scripts/oracle/record-kubectl-kustomize.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { KUSTOMIZE_CASES, WORK_DIR } from '../../tests/kubectl-kustomize-cases';
import { kubectlScenario } from '../../tests/kubectl-scenario';
import { serveForKubectl } from './kubectl-server';

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const results = [];
for (const testCase of KUSTOMIZE_CASES) {
  const harness = await kubectlScenario();
  const server = await serveForKubectl(harness.playground.cluster.api);
  for (const [path, text] of Object.entries(testCase.files)) {
    await mkdir(dirname(join(server.dir, path)), { recursive: true });
    await writeFile(join(server.dir, path), text);
  }
  const unplace = (text: string): string => text.split(server.dir).join(WORK_DIR);
  const run = async (args: string[]) => {
    const ran = await server.run(args);
    return { args, stdout: unplace(ran.stdout), stderr: unplace(ran.stderr), exitCode: ran.exitCode };
  };
  const before = [];
  for (const args of testCase.before ?? []) {
    before.push(await run(args));
    for (let i = 0; i < 3; i++) await settle();
  }
  const ran = await run(testCase.args);
  for (let i = 0; i < 3; i++) await settle();
  const followUp = testCase.followUp ? await run(testCase.followUp) : undefined;
  results.push({ ...ran, before, followUp });
  console.log(`${testCase.args.join(' ')} → ${ran.exitCode}`);
  server.close();
  await harness.playground.stop();
}
const file = new URL('../../tests/fixtures/kubectl/kustomize.json', import.meta.url);
await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
console.log(`kustomize: ${results.length} cases recorded`);
process.exit(0);
