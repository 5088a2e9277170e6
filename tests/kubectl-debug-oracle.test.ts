// Replays tests/fixtures/kubectl/debug.json (recorded from the real kubectl v1.34.5 by
// scripts/oracle/record-kubectl-debug.ts): each case on a fresh kubectl scenario, the debug
// commands through kubeplay's `debug`, the follow-up read through the shell, all required to print
// what the real kubectl printed. The random suffixes of debug container and node pod names
// (kubectl's own randomness) are normalised on both sides.
import { describe, expect, it } from 'vitest';
import recorded from './fixtures/kubectl/debug.json';
import { DEBUG_CASES } from './kubectl-debug-cases';
import { runDebug, type Ran } from './kubectl-debug-run';
import { kubectlScenario } from './kubectl-scenario';

const quote = (arg: string): string => `'${arg.replace(/'/g, `'\\''`)}'`;

/** kubectl's random name suffixes, and what the server derives from the names they make. */
const normalise = (ran: Ran): Ran => {
  const text = (s: string): string =>
    s.replace(/(debugger-(?:minikube-)?)[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, '$1XXXXX');
  return { stdout: text(ran.stdout), stderr: text(ran.stderr), exitCode: ran.exitCode };
};

describe('kubectl debug against the real kubectl v1.34.5', () => {
  recorded.forEach((expected, index) => {
    const testCase = DEBUG_CASES[index];
    it(expected.args.join(' '), async () => {
      const harness = await kubectlScenario();
      for (const [i, before] of (testCase.before ?? []).entries())
        expect(normalise(await runDebug(harness, before))).toEqual(normalise(expected.before[i]));
      const got = normalise(await runDebug(harness, testCase.args));
      const want = normalise(expected);
      expect(got).toEqual({ stdout: want.stdout, stderr: want.stderr, exitCode: want.exitCode });
      if (expected.followUp) {
        const followUp = await harness.run(`kubectl ${expected.followUp.args.map(quote).join(' ')}`);
        expect(normalise(followUp)).toEqual(normalise(expected.followUp));
      }
      await harness.playground.stop();
    });
  });
});
