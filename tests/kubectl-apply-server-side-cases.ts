// `kubectl apply --server-side` cases recorded from the real kubectl v1.34.5
// (scripts/oracle/record-kubectl-bad-input.ts records this suite too) and replayed by
// tests/kubectl-bad-input-oracle.test.ts: each on a fresh kubectl scenario, after its setup
// commands, with a follow-up read showing the object and its managed fields.
import type { WriteCase } from './kubectl-writes-cases';

/** A write case with kubectl commands run before it. */
export type SetupCase = WriteCase & { setup?: string[][] };

const cm = (value: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: x
data:
  key: ${value}
`;

const FILES = { 'cm.yaml': cm('new'), 'old.yaml': cm('old') };
const SHOW = ['get', 'cm', 'x', '-o', 'yaml', '--show-managed-fields'];
const SSA = ['apply', '--server-side', '-f', 'cm.yaml'];

/** The cases, in recording order. */
export const SERVER_SIDE_CASES: SetupCase[] = [
  { args: SSA, files: FILES, followUp: SHOW },
  { args: [...SSA, '--dry-run=server'], files: FILES, followUp: ['get', 'cm', '-o', 'name'] },
  { args: [...SSA, '--dry-run=client'], files: FILES, followUp: ['get', 'cm', '-o', 'name'] },
  { args: [...SSA, '--force'], files: FILES, followUp: ['get', 'cm', '-o', 'name'] },
  { args: ['apply', '--force-conflicts', '-f', 'cm.yaml'], files: FILES, followUp: ['get', 'cm', '-o', 'name'] },
  { args: [...SSA, '--field-manager=me'], files: FILES, followUp: SHOW },
  { args: [...SSA, '-n', 'nope'], files: FILES, followUp: ['get', 'cm', '-o', 'name'] },
  { args: SSA, files: FILES, setup: [SSA], followUp: SHOW },
  { args: SSA, files: FILES, setup: [['create', 'cm', 'x', '--from-literal=key=old']], followUp: SHOW },
  {
    args: [...SSA, '--force-conflicts'],
    files: FILES,
    setup: [['create', 'cm', 'x', '--from-literal=key=old']],
    followUp: SHOW,
  },
  { args: SSA, files: FILES, setup: [['apply', '-f', 'old.yaml']], followUp: SHOW },
  {
    args: ['apply', '--server-side', '-f', 'old.yaml'],
    files: FILES,
    setup: [['apply', '-f', 'old.yaml']],
    followUp: SHOW,
  },
  { args: ['apply', '-f', 'cm.yaml'], files: FILES, setup: [SSA], followUp: SHOW },
];
