// The `kubectl completion` cases recorded from the real kubectl by
// scripts/oracle/record-kubectl-completion.ts and replayed by tests/kubectl-completion-oracle.test.ts.

/** The shells kubectl writes a completion script for. */
export const COMPLETION_SHELLS = ['bash', 'zsh', 'fish', 'powershell'] as const;

/** Arguments of each recorded run (without the leading `kubectl`). */
export const COMPLETION_CASES: string[][] = [
  ...COMPLETION_SHELLS.map((shell) => ['completion', shell]),
  ['completion'],
  ['completion', 'tcsh'],
  ['completion', 'Bash'],
  ['completion', ''],
  ['completion', 'bash', 'zsh'],
  ['completion', 'bash', 'extra', 'more'],
  ['completion', '--bogus'],
  ['completion', 'bash', '-n', 'dev'],
  ['-n', 'dev', 'completion', 'zsh'],
  ['completion', 'fish', '--', 'bash'],
];
