// The cases of `kubectl debug` without attaching, recorded from the real kubectl v1.34.5
// (scripts/oracle/record-kubectl-debug.ts) and replayed through kubeplay's kubectl
// (tests/kubectl-debug-oracle.test.ts), each on a fresh kubectl scenario (pod `bb`, container
// `bb`): commands run before, the command, and a read of what it made.

/** One case. */
export interface DebugCase {
  args: string[];
  before?: string[][];
  followUp?: string[];
}

const EPHEMERAL = ['get', 'pod', 'bb', '-o', 'jsonpath={.spec.ephemeralContainers}'];
const COPY = (name: string): string[] => ['get', 'pod', name, '-o', 'jsonpath={.metadata} {.spec}'];
const NODE_POD = [
  'get',
  'pods',
  '-l',
  'app.kubernetes.io/managed-by=kubectl-debug',
  '-o',
  'jsonpath={.items[*].metadata.labels} {.items[*].spec}',
];
const DEBUG = ['debug', 'bb', '--image=busybox'];

/** The cases, in recording order. */
export const DEBUG_CASES: DebugCase[] = [
  { args: [...DEBUG, '-c', 'dbg', '--', 'sleep', '1'], followUp: EPHEMERAL },
  { args: DEBUG, followUp: EPHEMERAL },
  { args: [...DEBUG, '-q'], followUp: EPHEMERAL },
  { args: [...DEBUG, '-c', 'g', '--profile=general', '--env=A=1'], followUp: EPHEMERAL },
  { args: [...DEBUG, '-c', 'r', '--profile=restricted', '--target=bb'], followUp: EPHEMERAL },
  { args: [...DEBUG, '-c', 'n', '--profile=netadmin', '--image-pull-policy=IfNotPresent'], followUp: EPHEMERAL },
  { args: [...DEBUG, '-c', 's', '--profile=sysadmin', '--arguments-only', '--', 'x'], followUp: EPHEMERAL },
  { args: [...DEBUG, '-c', 'b', '--profile=baseline'], followUp: EPHEMERAL },
  { args: [...DEBUG, '-c', 'two'], before: [[...DEBUG, '-c', 'one']], followUp: EPHEMERAL },
  { args: [...DEBUG, '--copy-to=bb-copy', '-c', 'dbg', '--', 'sh'], followUp: COPY('bb-copy') },
  {
    args: ['debug', 'bb', '--copy-to=bb-copy', '--set-image=*=busybox:1.36', '--profile=general'],
    followUp: COPY('bb-copy'),
  },
  { args: [...DEBUG, '--copy-to=bb-copy', '--share-processes=false', '--same-node'], followUp: COPY('bb-copy') },
  { args: ['debug', 'bb', '--copy-to=bb-copy', '-c', 'bb', '--', 'sh', '-c', 'sleep 9'], followUp: COPY('bb-copy') },
  { args: ['debug', 'node/minikube', '--image=busybox'], followUp: NODE_POD },
  { args: ['debug', 'node/minikube', '--image=busybox', '--profile=sysadmin', '-c', 'x'], followUp: NODE_POD },
  { args: ['debug', 'node/minikube', '--image=busybox', '--profile=netadmin'], followUp: NODE_POD },
  // errors
  { args: ['debug', 'bb'] },
  { args: ['debug', '--image=busybox'] },
  { args: ['debug', 'nosuch', '--image=busybox'] },
  { args: [...DEBUG, '--profile=bogus'] },
  { args: [...DEBUG, '-t'] },
  { args: [...DEBUG, '--copy-to=x', '--target=bb'] },
  { args: [...DEBUG, '--set-image=bb=busybox'] },
  { args: [...DEBUG, '--replace'] },
  { args: ['debug', 'bb', '--image=Bad::image'] },
  { args: [...DEBUG, '--image-pull-policy=Sometimes'] },
  { args: [...DEBUG, '-c', 'bb'] },
  { args: [...DEBUG, '-c', 'x', '--target=nosuch'] },
  { args: ['debug', 'bb', '--copy-to=x'] },
  { args: ['debug', 'bb', '--attach'] },
  { args: ['debug', 'svc/web', '--image=busybox'] },
];
