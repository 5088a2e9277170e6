// The cases of kubectl's run, expose, autoscale, node commands (cordon, uncordon, drain, taint),
// top and events, recorded from the real kubectl v1.34.5 (scripts/oracle/record-kubectl-ops.ts)
// and replayed through kubeplay's kubectl (tests/kubectl-ops-oracle.test.ts), each on a fresh
// kubectl scenario: commands run before (their output compared too), the command, a follow-up read.
import type { Harness } from './harness';

/** One case. */
export interface OpsCase {
  args: string[];
  /** Commands run first, in order, on the same cluster (`cordon` before `cordon` again). */
  before?: string[][];
  /** Enable the metrics-server addon and let two scrapes happen before the commands. */
  metrics?: boolean;
  /** Virtual time runs while the command waits (drain polls for evicted pods to go). */
  timeRuns?: boolean;
  /** A read run after the command, showing what it changed. */
  followUp?: string[];
}

const POD = (name: string): string[] => [
  'get',
  'pod',
  name,
  '-o',
  'jsonpath={.metadata.labels} {.metadata.annotations} {.spec.containers} {.spec.restartPolicy}',
];
const SVC = (name: string): string[] => [
  'get',
  'svc',
  name,
  '-o',
  'jsonpath={.metadata.labels} {.spec.selector} {.spec.ports} {.spec.type}',
];
const HPA = (name: string): string[] => ['get', 'hpa', name, '-o', 'jsonpath={.metadata} {.spec}'];
const NODE = ['get', 'node', 'minikube', '-o', 'jsonpath={.spec}'];

/** The cases, in recording order. */
export const OPS_CASES: OpsCase[] = [
  // run
  { args: ['run', 'nginx', '--image=nginx'], followUp: POD('nginx') },
  {
    args: ['run', 'nginx', '--image=nginx', '--dry-run=client', '-o', 'yaml'],
    followUp: ['get', 'pods', '-o', 'name'],
  },
  { args: ['run', 'nginx', '--image=nginx', '--dry-run=client', '-o', 'json'] },
  { args: ['run', 'nginx', '--image=nginx', '--dry-run=client'] },
  { args: ['run', 'nginx', '--image=nginx', '--dry-run=server'], followUp: ['get', 'pods', '-o', 'name'] },
  {
    args: [
      'run',
      'app',
      '--image=nginx:1.27',
      '--restart=Never',
      '--env=A=1',
      '--env=B=two',
      '--labels=app=x,tier=y',
      '--port=8080',
    ],
    followUp: POD('app'),
  },
  { args: ['run', 'bb2', '--image=busybox', '--command', '--', 'sleep', '100'], followUp: POD('bb2') },
  { args: ['run', 'bb3', '--image=busybox', '--', 'echo', 'hi'], followUp: POD('bb3') },
  { args: ['run', 'nginx', '--image=nginx', '-o', 'name'] },
  { args: ['run', 'nginx', '--image=nginx', '-n', 'dev'], followUp: ['get', 'pods', '-n', 'dev', '-o', 'name'] },
  { args: ['run', 'nginx', '--image=nginx', '--annotations=a=b'], followUp: POD('nginx') },
  { args: ['run', 'nginx', '--image=nginx', '--expose', '--port=80'], followUp: SVC('nginx') },
  { args: ['run', 'bb', '--image=busybox'] },
  { args: ['run', 'nginx'] },
  { args: ['run', '--image=nginx'] },
  { args: ['run', 'nginx', '--image=nginx', '--restart=Bogus'] },
  { args: ['run', 'nginx', '--image=nginx', '--rm'] },
  { args: ['run', 'nginx', '--image=nginx', '--env=1A=b'] },
  { args: ['run', 'nginx', '--image=NGINX'] },
  { args: ['run', 'nginx', '--image=nginx', '--expose'] },
  { args: ['run', 'Bad_Name', '--image=nginx'] },
  // expose
  { args: ['expose', 'deployment', 'web', '--port=8080', '--name=web2'], followUp: SVC('web2') },
  { args: ['expose', 'deploy', 'web'] },
  { args: ['expose', 'pod', 'bb', '--port=80'], followUp: SVC('bb') },
  { args: ['expose', 'pod', 'bb'] },
  { args: ['expose', 'svc', 'web', '--name=web3', '--target-port=8000'], followUp: SVC('web3') },
  { args: ['expose', 'deploy', 'web', '--name=w4', '--dry-run=client', '-o', 'yaml'] },
  { args: ['expose', 'deploy/web', '--name=w5', '-o', 'name'] },
  { args: ['expose', 'deploy', 'web', '--name=w6', '--dry-run=server'] },
  { args: ['expose', 'rs', '-l', 'app=web', '--name=w7'] },
  { args: ['expose', 'deploy', 'nope'] },
  { args: ['expose', 'cm', 'settings', '-n', 'dev'] },
  { args: ['expose'] },
  { args: ['expose', 'deploy'] },
  { args: ['expose', 'deploy', 'web', '--name=w8', '--type=Bogus'] },
  { args: ['expose', 'deploy', 'web', '--name=w9', '--port=x'] },
  // autoscale
  { args: ['autoscale', 'deploy', 'web', '--min=2', '--max=5', '--cpu-percent=80'], followUp: HPA('web') },
  { args: ['autoscale', 'deployment/web', '--max=3'], followUp: HPA('web') },
  { args: ['autoscale', 'deploy', 'web'] },
  { args: ['autoscale', 'deploy', 'web', '--min=5', '--max=3'] },
  { args: ['autoscale', 'deploy', 'web', '--max=3', '--dry-run=client', '-o', 'yaml'] },
  { args: ['autoscale', 'deploy', 'web', '--max=3', '--name=hpa2', '-o', 'name'] },
  { args: ['autoscale', 'deploy', 'nope', '--max=3'] },
  { args: ['autoscale', 'pod', 'bb', '--max=3'] },
  { args: ['autoscale', 'deploy', 'web', '--max=3'], before: [['autoscale', 'deploy', 'web', '--max=2']] },
  { args: ['autoscale'] },
  // cordon, uncordon
  { args: ['cordon', 'minikube'], followUp: NODE },
  { args: ['cordon', 'minikube'], before: [['cordon', 'minikube']], followUp: NODE },
  { args: ['uncordon', 'minikube'], followUp: NODE },
  { args: ['uncordon', 'minikube'], before: [['cordon', 'minikube']], followUp: NODE },
  { args: ['cordon', 'minikube', '--dry-run=client'], followUp: NODE },
  { args: ['cordon', 'minikube', '--dry-run=server'], followUp: NODE },
  { args: ['cordon', 'nope'] },
  { args: ['cordon'] },
  { args: ['cordon', '-l', 'kubernetes.io/hostname=minikube'], followUp: NODE },
  { args: ['cordon', '-l', 'nothing=here'] },
  // taint
  { args: ['taint', 'nodes', 'minikube', 'dedicated=special:NoSchedule'], followUp: NODE },
  { args: ['taint', 'node', 'minikube', 'a:PreferNoSchedule', 'b=c:NoExecute'], followUp: NODE },
  {
    args: ['taint', 'nodes', 'minikube', 'dedicated=other:NoSchedule'],
    before: [['taint', 'nodes', 'minikube', 'dedicated=special:NoSchedule']],
    followUp: NODE,
  },
  {
    args: ['taint', 'nodes', 'minikube', 'dedicated=other:NoSchedule', '--overwrite'],
    before: [['taint', 'nodes', 'minikube', 'dedicated=special:NoSchedule']],
    followUp: NODE,
  },
  {
    args: ['taint', 'nodes', 'minikube', 'dedicated:NoSchedule-'],
    before: [['taint', 'nodes', 'minikube', 'dedicated=special:NoSchedule']],
    followUp: NODE,
  },
  {
    args: ['taint', 'nodes', 'minikube', 'dedicated-'],
    before: [['taint', 'nodes', 'minikube', 'dedicated=special:NoSchedule']],
    followUp: NODE,
  },
  { args: ['taint', 'nodes', 'minikube', 'dedicated:NoSchedule-'] },
  { args: ['taint', 'nodes', 'minikube', 'foo=bar:Bogus'] },
  { args: ['taint', 'nodes', 'minikube', 'foo=bar'] },
  { args: ['taint', 'nodes', 'minikube'] },
  { args: ['taint', 'nodes', 'nope', 'a=b:NoSchedule'] },
  { args: ['taint', 'minikube', 'a=b:NoSchedule'] },
  { args: ['taint', 'nodes', 'minikube', 'a=b:NoSchedule', 'a=c:NoSchedule'] },
  { args: ['taint', 'nodes', 'minikube', 'a=b:NoSchedule', '--dry-run=client'], followUp: NODE },
  { args: ['taint', 'nodes', '--all', 'a=b:NoSchedule', '-o', 'name'], followUp: NODE },
  { args: ['taint', 'pods', 'bb', 'a=b:NoSchedule'] },
  // drain
  { args: ['drain', 'minikube'], followUp: NODE },
  { args: ['drain', 'minikube', '--ignore-daemonsets'], followUp: NODE },
  { args: ['drain', 'minikube', '--ignore-daemonsets', '--force', '--dry-run=client'], followUp: NODE },
  { args: ['drain', 'minikube', '--ignore-daemonsets', '--force'], timeRuns: true, followUp: NODE },
  {
    args: ['drain', 'minikube', '--ignore-daemonsets', '--force', '--delete-emptydir-data', '--grace-period=0'],
    timeRuns: true,
    followUp: NODE,
  },
  { args: ['drain', 'minikube', '--pod-selector=app=web'], timeRuns: true, followUp: NODE },
  { args: ['drain', 'nope'] },
  { args: ['drain'] },
  // top
  { args: ['top', 'pods'] },
  { args: ['top', 'nodes'] },
  { args: ['top', 'pods'], metrics: true },
  { args: ['top', 'pod', '-A'], metrics: true },
  { args: ['top', 'pods', '-n', 'kube-system', '--containers'], metrics: true },
  { args: ['top', 'pods', '-A', '--sort-by=cpu'], metrics: true },
  { args: ['top', 'pods', '-A', '--sort-by=memory'], metrics: true },
  { args: ['top', 'pods', '-l', 'app=web'], metrics: true },
  { args: ['top', 'pods', '-l', 'app=nothing'], metrics: true },
  { args: ['top', 'pod', 'bb'], metrics: true },
  { args: ['top', 'pod', 'nope'], metrics: true },
  { args: ['top', 'pods', '--sort-by=bogus'], metrics: true },
  { args: ['top', 'pods', '-A', '--no-headers'], metrics: true },
  { args: ['top', 'nodes'], metrics: true },
  { args: ['top', 'node', 'minikube', '--no-headers'], metrics: true },
  { args: ['top', 'node', 'nope'], metrics: true },
  { args: ['top', 'pods', '-n', 'dev'], metrics: true },
  // events
  { args: ['events'] },
  { args: ['events', '-A'] },
  { args: ['events', '-n', 'kube-system'] },
  { args: ['events', '--for', 'pod/bb'] },
  { args: ['events', '--for', 'deployment/web'] },
  { args: ['events', '--for', 'nope/x'] },
  { args: ['events', '--types=Warning'] },
  { args: ['events', '--types=Normal', '--no-headers'] },
  { args: ['events', '--types=Bogus'] },
  { args: ['events', '-n', 'dev'] },
  { args: ['events', '-A', '--types=Warning'] },
  { args: ['events', 'x'] },
];

/** Runs the harness's virtual time `ms` on, timer by timer, letting each step settle. */
export async function runClockFor(harness: Harness, ms: number): Promise<void> {
  const end = harness.clock.now() + ms;
  const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  for (;;) {
    for (let i = 0; i < 3; i++) await settle();
    const next = harness.clock.nextTimerAt();
    if (next === undefined || next > end) break;
    harness.clock.advance(next - harness.clock.now());
  }
  harness.clock.advance(end - harness.clock.now());
  for (let i = 0; i < 3; i++) await settle();
}

/** Brings a fresh scenario to the case's starting state (the metrics addon serving, when asked). */
export async function prepareOpsCase(harness: Harness, testCase: OpsCase): Promise<void> {
  if (!testCase.metrics) return;
  const components = await harness.playground.startComponents();
  await components?.enableAddon('metrics-server');
  await runClockFor(harness, 120_000);
}
