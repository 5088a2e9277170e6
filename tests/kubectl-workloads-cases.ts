// The cases of kubectl rollout, set, patch, replace and wait recorded from the real kubectl
// v1.34.5 (scripts/oracle/record-kubectl-workloads.ts) and replayed through kubeplay's kubectl
// (tests/kubectl-workloads-oracle.test.ts), each on a fresh kubectl scenario: commands run one
// after another (virtual time runs while one waits on a watch), files they read, a follow-up read.

/** One case. */
export interface WorkloadCase {
  /** The commands, in order; each one's output is compared. */
  steps: string[][];
  files?: Record<string, string>;
  /** Virtual time runs while the commands wait, watch or not (replace --force polls). */
  timeRuns?: boolean;
  followUp: string[];
}

const IMAGES = ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec.containers[*].image}'];
const TEMPLATE = ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.template.spec}'];
const SET_IMAGE = ['set', 'image', 'deployment/web', 'nginx=nginx:1.25'];
const RS = ['get', 'rs', '-o', 'name'];
const PODS = ['get', 'pods', '--show-labels'];
/** After a wait: kubectl's process ends while its watch is open, so time may run on (ages differ). */
const POD_NAMES = ['get', 'pods', '-o', 'name'];

const POD_BB = (image: string): string => `apiVersion: v1
kind: Pod
metadata:
  name: bb
  labels:
    run: bb
spec:
  containers:
  - name: bb
    image: ${image}
    command: ["sleep", "3600"]
`;

const CM = (namespace: string, value: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: ${namespace}
data:
  mode: ${value}
`;

/** The cases, in recording order. */
export const WORKLOAD_CASES: WorkloadCase[] = [
  // rollout status
  { steps: [['rollout', 'status', 'deploy/web']], followUp: IMAGES },
  { steps: [SET_IMAGE, ['rollout', 'status', 'deployment/web']], followUp: IMAGES },
  { steps: [SET_IMAGE, ['rollout', 'status', 'deploy/web', '--watch=false']], followUp: IMAGES },
  { steps: [['rollout', 'status', 'deploy', 'web', '--revision=2']], followUp: IMAGES },
  { steps: [['rollout', 'status', 'deploy/web', '--revision=1']], followUp: IMAGES },
  { steps: [['rollout', 'status', 'pod/bb']], followUp: IMAGES },
  { steps: [['rollout', 'status', 'deploy/nope']], followUp: IMAGES },
  { steps: [['rollout', 'status']], followUp: IMAGES },
  { steps: [['rollout', 'status', 'deploy/web', '--timeout=bogus']], followUp: IMAGES },
  { steps: [['rollout', 'status', 'deploy', '-l', 'app=web']], followUp: IMAGES },
  { steps: [['rollout', 'status', 'deploy', '-l', 'app=none']], followUp: IMAGES },
  // rollout history
  { steps: [['rollout', 'history', 'deploy/web']], followUp: IMAGES },
  { steps: [SET_IMAGE, ['rollout', 'history', 'deploy/web']], followUp: RS },
  { steps: [['rollout', 'history', 'deploy/web', '--revision=1']], followUp: IMAGES },
  { steps: [['rollout', 'history', 'deploy/web', '--revision=3']], followUp: IMAGES },
  { steps: [['rollout', 'history', 'pod/bb']], followUp: IMAGES },
  { steps: [['rollout', 'history']], followUp: IMAGES },
  // rollout undo
  { steps: [['rollout', 'undo', 'deploy/web']], followUp: IMAGES },
  {
    steps: [
      SET_IMAGE,
      ['rollout', 'status', 'deploy/web'],
      ['rollout', 'undo', 'deploy/web'],
      ['rollout', 'status', 'deploy/web'],
    ],
    followUp: IMAGES,
  },
  { steps: [SET_IMAGE, ['rollout', 'undo', 'deploy/web', '--to-revision=1']], followUp: IMAGES },
  { steps: [SET_IMAGE, ['rollout', 'undo', 'deploy/web', '--to-revision=2']], followUp: IMAGES },
  { steps: [['rollout', 'undo', 'deploy/web', '--to-revision=5']], followUp: IMAGES },
  { steps: [['rollout', 'undo', 'pod/bb']], followUp: IMAGES },
  // pause, resume, restart
  {
    steps: [
      ['rollout', 'pause', 'deploy/web'],
      ['rollout', 'pause', 'deploy/web'],
      ['rollout', 'resume', 'deploy/web'],
      ['rollout', 'resume', 'deploy/web'],
    ],
    followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.paused}'],
  },
  {
    steps: [
      ['rollout', 'pause', 'deploy/web'],
      ['rollout', 'restart', 'deploy/web'],
      SET_IMAGE,
      ['rollout', 'undo', 'deploy/web'],
    ],
    followUp: IMAGES,
  },
  // The new ReplicaSet's name hashes the restartedAt time: the follow-up shows the images only.
  { steps: [['rollout', 'restart', 'deploy/web']], followUp: IMAGES },
  { steps: [['rollout', 'pause', 'pod/bb']], followUp: IMAGES },
  { steps: [['rollout', 'resume', 'pod/bb']], followUp: IMAGES },
  { steps: [['rollout', 'restart', 'pod/bb']], followUp: IMAGES },
  { steps: [['rollout', 'pause', 'deploy/web', '-o', 'name']], followUp: IMAGES },
  { steps: [['rollout']], followUp: IMAGES },
  // set image
  { steps: [SET_IMAGE], followUp: IMAGES },
  { steps: [['set', 'image', 'deploy/web', '*=busybox']], followUp: IMAGES },
  { steps: [['set', 'image', 'deploy/web', 'nope=x']], followUp: IMAGES },
  { steps: [['set', 'image', 'deploy/web', 'nginx=nginx']], followUp: IMAGES },
  { steps: [['set', 'image', 'deploy/web']], followUp: IMAGES },
  { steps: [['set', 'image', 'nginx=x']], followUp: IMAGES },
  { steps: [['set', 'image', 'deploy/web', 'nginx']], followUp: IMAGES },
  {
    steps: [['set', 'image', 'pod/bb', 'bb=busybox:1.36']],
    followUp: ['get', 'pod', 'bb', '-o', 'jsonpath={.spec.containers[0].image}'],
  },
  { steps: [['set', 'image', 'deploy/nope', 'nginx=x']], followUp: IMAGES },
  { steps: [['set', 'image', 'deploy/web', 'nginx=nginx:1.25', '-o', 'name']], followUp: IMAGES },
  // set env
  { steps: [['set', 'env', 'deploy/web', 'FOO=bar', 'B=2']], followUp: TEMPLATE },
  {
    steps: [
      ['set', 'env', 'deploy/web', 'FOO=bar'],
      ['set', 'env', 'deploy/web', 'FOO-'],
    ],
    followUp: TEMPLATE,
  },
  {
    steps: [
      ['set', 'env', 'deploy/web', 'FOO=bar'],
      ['set', 'env', 'deploy/web', '--list'],
    ],
    followUp: TEMPLATE,
  },
  { steps: [['set', 'env', 'deploy/web', '--list']], followUp: TEMPLATE },
  { steps: [['set', 'env', 'deploy/web', '--from=configmap/settings', '-n', 'dev']], followUp: TEMPLATE },
  {
    steps: [
      ['create', 'configmap', 'cfg', '--from-literal=a=1', '--from-literal=b=2'],
      ['set', 'env', 'deploy/web', '--from=configmap/cfg'],
    ],
    followUp: TEMPLATE,
  },
  { steps: [['set', 'env', 'deploy/web']], followUp: TEMPLATE },
  { steps: [['set', 'env', 'deploy/web', 'FOO=bar', '-c', 'nope']], followUp: TEMPLATE },
  // set resources, selector, serviceaccount
  {
    steps: [['set', 'resources', 'deploy/web', '--limits=cpu=200m,memory=512Mi', '--requests=cpu=100m']],
    followUp: TEMPLATE,
  },
  { steps: [['set', 'resources', 'deploy/web', '-c', 'nope', '--limits=cpu=1']], followUp: TEMPLATE },
  { steps: [['set', 'resources', 'deploy/web']], followUp: TEMPLATE },
  {
    steps: [['set', 'selector', 'svc', 'web', 'app=other']],
    followUp: ['get', 'svc', 'web', '-o', 'jsonpath={.spec.selector}'],
  },
  { steps: [['set', 'serviceaccount', 'deploy/web', 'mysa']], followUp: TEMPLATE },
  { steps: [['set', 'sa', 'pod/bb', 'mysa']], followUp: TEMPLATE },
  { steps: [['set']], followUp: IMAGES },
  // patch
  {
    steps: [['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":3}}']],
    followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'],
  },
  { steps: [['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":2}}']], followUp: IMAGES },
  { steps: [['patch', 'pod', 'bb', '--type=merge', '-p', '{"metadata":{"labels":{"x":"y"}}}']], followUp: PODS },
  {
    steps: [
      ['patch', 'pod', 'bb', '--type=json', '-p', '[{"op":"replace","path":"/metadata/labels/run","value":"z"}]'],
    ],
    followUp: PODS,
  },
  {
    steps: [['patch', 'pod', 'bb', '--type=json', '-p', '[{"op":"remove","path":"/metadata/labels/nope"}]']],
    followUp: PODS,
  },
  { steps: [['patch', 'pod', 'bb', '-p', 'not json']], followUp: PODS },
  { steps: [['patch', 'pod', 'bb', '--type=bogus', '-p', '{}']], followUp: PODS },
  { steps: [['patch', 'pod', 'nope', '-p', '{}']], followUp: PODS },
  { steps: [['patch', 'pod', 'bb']], followUp: PODS },
  {
    steps: [['patch', 'pod', 'bb', '--patch-file', 'p.json']],
    files: { 'p.json': '{"metadata":{"labels":{"f":"1"}}}' },
    followUp: PODS,
  },
  { steps: [['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":-1}}']], followUp: IMAGES },
  { steps: [['patch', 'deploy/web', '-p', '{"spec":{"replicas":3}}', '-o', 'name']], followUp: IMAGES },
  {
    steps: [['patch', 'pod', 'bb', '-p', '{"spec":{"containers":[{"name":"bb","image":"busybox:1.36"}]}}']],
    followUp: PODS,
  },
  // replace
  {
    steps: [['replace', '-f', 'cm.yaml']],
    files: { 'cm.yaml': CM('dev', 'prod') },
    followUp: ['get', 'cm', 'settings', '-n', 'dev', '-o', 'jsonpath={.data}'],
  },
  { steps: [['replace', '-f', 'cm.yaml']], files: { 'cm.yaml': CM('default', 'prod') }, followUp: IMAGES },
  {
    steps: [['replace', '--force', '-f', 'pod.yaml']],
    files: { 'pod.yaml': POD_BB('busybox:1.36') },
    timeRuns: true,
    followUp: ['get', 'pod', 'bb', '-o', 'jsonpath={.spec.containers[0].image}'],
  },
  { steps: [['replace', '-f', 'pod.yaml']], files: { 'pod.yaml': POD_BB('busybox:1.36') }, followUp: PODS },
  { steps: [['replace', '-f', 'missing.yaml']], followUp: PODS },
  { steps: [['replace']], followUp: PODS },
  // wait
  { steps: [['wait', '--for=condition=Ready', 'pod/bb']], followUp: POD_NAMES },
  { steps: [['wait', '--for=condition=Available', 'deploy/web']], followUp: POD_NAMES },
  { steps: [['wait', '--for=condition=Ready', 'pods', '-l', 'app=web']], followUp: ['get', 'pods', '-o', 'name'] },
  { steps: [['wait', '--for=condition=Ready', 'pods', '--all']], followUp: ['get', 'pods', '-o', 'name'] },
  { steps: [['wait', '--for=jsonpath={.status.phase}=Running', 'pod/bb']], followUp: POD_NAMES },
  { steps: [['wait', '--for=delete', 'pod/bb', '--timeout=2s']], followUp: ['get', 'pod', 'bb', '-o', 'name'] },
  {
    steps: [
      ['delete', 'pod', 'bb', '--wait=false'],
      ['wait', '--for=delete', 'pod/bb', '--timeout=60s'],
    ],
    followUp: ['get', 'pods', '-o', 'name'],
  },
  {
    steps: [['wait', '--for=condition=Bogus', 'pod/bb', '--timeout=1s']],
    followUp: ['get', 'pod', 'bb', '-o', 'name'],
  },
  { steps: [['wait', 'pod/bb']], followUp: PODS },
  { steps: [['wait', '--for=bogus', 'pod/bb']], followUp: PODS },
  { steps: [['wait', '--for=condition=Ready', 'pod/nope']], followUp: PODS },
  {
    steps: [['wait', '--for=condition=Ready=false', 'pod/bb', '--timeout=1s']],
    followUp: ['get', 'pod', 'bb', '-o', 'name'],
  },
  { steps: [SET_IMAGE, ['wait', '--for=condition=Available', 'deploy/web']], followUp: IMAGES },
];
