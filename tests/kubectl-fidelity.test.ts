// `kubeplay kubectl` (cli/kubectl.ts, over real HTTP) against the real kubectl v1.34.5: each case
// of tests/kubectl-fidelity-cases.ts on a fresh kubectl scenario served by `kubeplay serve`'s
// server, required to print what the real kubectl printed (tests/fixtures/kubectl/fidelity.json,
// recorded by scripts/oracle/record-kubectl-fidelity.ts), stdout, stderr and exit code. The
// cases known to differ (tests/kubectl-fidelity-known.ts) must still differ — once one is fixed
// its test fails until its line is taken off the list; README.md's Fidelity table
// (scripts/fidelity-table.ts) says how each differs.
import { describe, expect, it } from 'vitest';
import recorded from './fixtures/kubectl/fidelity.json';
import { FIDELITY_CASES } from './kubectl-fidelity-cases';
import { difference, kubeplayKubectl, runFidelityCase } from './kubectl-fidelity-harness';
import { KNOWN_DIFFERENCES } from './kubectl-fidelity-known';

describe('kubeplay kubectl against the real kubectl v1.34.5', () => {
  it('has a recording of every case', () => {
    expect(recorded.map((r) => r.args.join(' '))).toEqual(FIDELITY_CASES.map((c) => c.args.join(' ')));
  });
  for (const [index, testCase] of FIDELITY_CASES.entries()) {
    const line = testCase.args.join(' ');
    const name = `kubectl ${line}${testCase.before ? ` (after ${testCase.before.join('; ')})` : ''}`;
    const known = KNOWN_DIFFERENCES.has(line);
    it(
      known ? `${name} (known to differ)` : name,
      async () => {
        const ours = await runFidelityCase(testCase, kubeplayKubectl);
        const real = recorded[index];
        const expected = { stdout: real.stdout, stderr: real.stderr, exitCode: real.exitCode };
        if (known) expect(ours, `fixed: take "${line}" off tests/kubectl-fidelity-known.ts`).not.toEqual(expected);
        else expect(ours, difference(real, ours)).toEqual(expected);
      },
      30_000,
    );
  }
});
