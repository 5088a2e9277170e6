// Re-records tests/fixtures/kubectl/fidelity.json: each case of tests/kubectl-fidelity-cases.ts
// run by the real kubectl v1.34.5 against `kubeplay serve`'s server on a fresh kubectl scenario.
//   npx tsx scripts/oracle/record-kubectl-fidelity.ts [TEXT]   (TEXT: re-record only the cases whose
//   command line contains it, keeping the others' recordings)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { FIDELITY_CASES } from '../../tests/kubectl-fidelity-cases';
import { realKubectl, runFidelityCase } from '../../tests/kubectl-fidelity-harness';
import { kubectlBinary } from './kubectl-binary.js';

const fixture = new URL('../../tests/fixtures/kubectl/fidelity.json', import.meta.url);
const only = process.argv[2];
// Kept recordings by position: two cases may share a command line (with different `before`).
const kept = (only && existsSync(fixture) ? JSON.parse(readFileSync(fixture, 'utf8')) : []) as Array<{
  args: string[];
}>;
const client = realKubectl(await kubectlBinary());
const results = [];
for (const [index, testCase] of FIDELITY_CASES.entries()) {
  const line = testCase.args.join(' ');
  if (only && !line.includes(only) && kept[index]?.args.join(' ') === line) {
    results.push(kept[index]);
    continue;
  }
  const ran = await runFidelityCase(testCase, client);
  process.stderr.write(`${ran.exitCode} kubectl ${testCase.args.join(' ')}\n`);
  results.push({ args: testCase.args, ...ran });
}
writeFileSync(fixture, `${JSON.stringify(results, null, 2)}\n`);
process.exit(0);
