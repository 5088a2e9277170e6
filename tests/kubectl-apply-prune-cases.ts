// `kubectl apply --prune` cases recorded from the real kubectl v1.34.5
// (scripts/oracle/record-kubectl-bad-input.ts records this suite too) and replayed by
// tests/kubectl-bad-input-oracle.test.ts: objects applied in setup, then applied again with
// fewer manifests so that the rest is pruned.
import type { SetupCase } from './kubectl-apply-server-side-cases';

const cm = (name: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  labels:
    app: x
data:
  key: v
`;

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  labels:
    app: x
spec:
  selector:
    matchLabels:
      app: d
  template:
    metadata:
      labels:
        app: d
    spec:
      containers:
      - name: c
        image: nginx
`;

const FILES = { 'a.yaml': cm('a'), 'b.yaml': cm('b'), 'd.yaml': DEPLOY };
const SETUP = [['apply', '-f', 'a.yaml', '-f', 'b.yaml', '-f', 'd.yaml']];
const AFTER = ['get', 'cm,deploy', '-o', 'name'];

/** The cases, in recording order. */
export const PRUNE_CASES: SetupCase[] = [
  { args: ['apply', '--prune', '-l', 'app=x', '-f', 'a.yaml'], files: FILES, setup: SETUP, followUp: AFTER },
  {
    args: ['apply', '--prune', '-l', 'app=x', '-f', 'a.yaml', '--dry-run=server'],
    files: FILES,
    setup: SETUP,
    followUp: AFTER,
  },
  {
    args: ['apply', '--prune', '-l', 'app=x', '-f', 'a.yaml', '--dry-run=client'],
    files: FILES,
    setup: SETUP,
    followUp: AFTER,
  },
  { args: ['apply', '--prune', '--all', '-f', 'a.yaml'], files: FILES, setup: SETUP, followUp: AFTER },
  {
    args: ['apply', '--prune', '-l', 'app=x', '-f', 'a.yaml', '-o', 'name'],
    files: FILES,
    setup: SETUP,
    followUp: AFTER,
  },
  { args: ['apply', '--prune', '-l', 'app=y', '-f', 'a.yaml'], files: FILES, setup: SETUP, followUp: AFTER },
  { args: ['apply', '--prune', '-f', 'a.yaml'], files: FILES, followUp: AFTER },
  { args: ['apply', '--prune', '--server-side', '-l', 'app=x', '-f', 'a.yaml'], files: FILES, followUp: AFTER },
  { args: ['apply', '--prune', '--all', '-l', 'app=x', '-f', 'a.yaml'], files: FILES, followUp: AFTER },
];
