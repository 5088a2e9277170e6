// The write cases recorded from the real kubectl v1.34.5 (scripts/oracle/record-kubectl-writes.ts)
// and replayed through kubeplay's kubectl (tests/kubectl-writes-oracle.test.ts), each on a fresh
// kubectl scenario: the command, files it reads (written to its working directory), and a
// follow-up read that shows the state the command left.

/** One write case. */
export interface WriteCase {
  args: string[];
  /** Files in the working directory, by relative path. */
  files?: Record<string, string>;
  /** Standard input. */
  stdin?: string;
  /** A read run after the command, showing what it changed. */
  followUp: string[];
}

const POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: x
  labels:
    app: x
spec:
  containers:
  - name: c
    image: nginx
`;

const CM_YAML = (name: string, value: string): string => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
data:
  key: ${value}
`;

const GET_ALL = ['get', 'pods,deploy,svc,cm', '--show-labels'];

/** The cases, in recording order. */
export const WRITE_CASES: WriteCase[] = [
  // delete
  { args: ['delete', 'pod', 'bb'], followUp: GET_ALL },
  { args: ['delete', 'pod/bb', '--wait=false'], followUp: ['get', 'pod', 'bb', '-o', 'name'] },
  { args: ['delete', 'pod', 'bb', '--now'], followUp: GET_ALL },
  { args: ['delete', 'pod', 'bb', '--force'], followUp: GET_ALL },
  { args: ['delete', 'pod', 'bb', '--grace-period=0', '--force'], followUp: GET_ALL },
  { args: ['delete', 'pod', 'bb', '--grace-period=5', '--force'], followUp: GET_ALL },
  { args: ['delete', 'pod', 'bb', '--now', '--grace-period=3'], followUp: GET_ALL },
  { args: ['delete', 'pod', 'nope'], followUp: GET_ALL },
  { args: ['delete', 'pod', 'nope', 'bb'], followUp: GET_ALL },
  { args: ['delete', 'pod', 'nope', '--ignore-not-found'], followUp: GET_ALL },
  { args: ['delete', 'svc', 'web'], followUp: GET_ALL },
  { args: ['delete', 'deploy', 'web', '--cascade=orphan'], followUp: ['get', 'deploy,rs', '-o', 'name'] },
  { args: ['delete', 'deploy', 'web', '--cascade=bogus'], followUp: GET_ALL },
  { args: ['delete', 'deploy', 'web', '--cascade=false'], followUp: ['get', 'deploy,rs', '-o', 'name'] },
  { args: ['delete', 'deploy', 'web'], followUp: ['get', 'deploy,rs', '-o', 'name'] },
  { args: ['delete', 'pods', '-l', 'run=bb'], followUp: GET_ALL },
  { args: ['delete', 'pods', '-l', 'run=nothing'], followUp: GET_ALL },
  { args: ['delete', 'cm', '--all', '-n', 'dev'], followUp: ['get', 'cm', '-n', 'dev', '-o', 'name'] },
  { args: ['delete', 'svc', '--all', '-l', 'app=web'], followUp: GET_ALL },
  { args: ['delete', 'pods'], followUp: GET_ALL },
  { args: ['delete'], followUp: GET_ALL },
  { args: ['delete', 'pod', 'bb', '-o', 'name'], followUp: GET_ALL },
  { args: ['delete', 'pod', 'bb', '-o', 'json'], followUp: GET_ALL },
  { args: ['delete', 'bogus', 'x'], followUp: GET_ALL },
  { args: ['delete', 'ns', 'dev', '--wait=false'], followUp: ['get', 'ns', 'dev', '-o', 'name'] },
  { args: ['delete', 'ns', 'dev', '-n', 'default', '--wait=false'], followUp: ['get', 'ns', '-o', 'name'] },
  {
    args: ['delete', '-f', 'cm.yaml'],
    files: { 'cm.yaml': CM_YAML('settings', 'x').replace('name: settings', 'name: settings\n  namespace: dev') },
    followUp: ['get', 'cm', '-n', 'dev', '-o', 'name'],
  },
  { args: ['delete', '-f', 'missing.yaml'], followUp: GET_ALL },
  { args: ['delete', '-f', 'pod.yaml'], files: { 'pod.yaml': POD_YAML }, followUp: GET_ALL },
  // create -f
  {
    args: ['create', '-f', 'pod.yaml'],
    files: { 'pod.yaml': POD_YAML },
    followUp: ['get', 'pod', 'x', '--show-labels', '-o', 'name'],
  },
  {
    args: ['create', '-f', 'bb.yaml'],
    files: { 'bb.yaml': POD_YAML.replace(/x/g, 'bb') },
    followUp: ['get', 'pods', '-o', 'name'],
  },
  {
    args: ['create', '-f', 'dir'],
    files: {
      'dir/a.yaml': CM_YAML('a', 'one'),
      'dir/b.json': JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } }),
      'dir/c.txt': CM_YAML('c', 'no'),
      'dir/sub/d.yaml': CM_YAML('d', 'deep'),
    },
    followUp: ['get', 'cm', '-o', 'name'],
  },
  {
    args: ['create', '-R', '-f', 'dir'],
    files: { 'dir/a.yaml': CM_YAML('a', 'one'), 'dir/sub/d.yml': CM_YAML('d', 'deep') },
    followUp: ['get', 'cm', '-o', 'name'],
  },
  {
    args: ['create', '-f', 'multi.yaml'],
    files: { 'multi.yaml': `${CM_YAML('m1', 'one')}---\n${CM_YAML('m2', 'two')}---\n` },
    followUp: ['get', 'cm', '-o', 'yaml'],
  },
  {
    args: ['create', '-f', 'list.json'],
    files: {
      'list.json': JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'l1' } },
          { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's1' }, stringData: { a: 'b' } },
        ],
      }),
    },
    followUp: ['get', 'cm,secret', '-o', 'name'],
  },
  { args: ['create', '-f', '-'], stdin: CM_YAML('fromstdin', 'v'), followUp: ['get', 'cm', '-o', 'name'] },
  { args: ['create', '-f', 'nope.yaml'], followUp: ['get', 'cm', '-o', 'name'] },
  {
    args: ['create', '-f', 'nokind.yaml'],
    files: { 'nokind.yaml': 'apiVersion: v1\nmetadata:\n  name: q\n' },
    followUp: ['get', 'cm', '-o', 'name'],
  },
  {
    args: ['create', '-f', 'badkind.yaml'],
    files: { 'badkind.yaml': 'apiVersion: v1\nkind: Widget\nmetadata:\n  name: q\n' },
    followUp: ['get', 'cm', '-o', 'name'],
  },
  {
    args: ['create', '-f', 'ns.yaml', '-n', 'default'],
    files: { 'ns.yaml': CM_YAML('z', 'v').replace('name: z', 'name: z\n  namespace: dev') },
    followUp: ['get', 'cm', '-A', '-o', 'name'],
  },
  {
    args: ['create', '-f', 'ns.yaml'],
    files: { 'ns.yaml': CM_YAML('z', 'v').replace('name: z', 'name: z\n  namespace: dev') },
    followUp: ['get', 'cm', '-n', 'dev', '-o', 'name'],
  },
  {
    args: ['create', '-f', 'pod.yaml', '-o', 'name'],
    files: { 'pod.yaml': POD_YAML },
    followUp: ['get', 'pods', '-o', 'name'],
  },
  // label / annotate
  { args: ['label', 'pod', 'bb', 'a=b'], followUp: ['get', 'pod', 'bb', '--show-labels'] },
  { args: ['label', 'pod', 'bb', 'run=other'], followUp: ['get', 'pod', 'bb', '--show-labels'] },
  { args: ['label', 'pod', 'bb', 'run=other', '--overwrite'], followUp: ['get', 'pod', 'bb', '--show-labels'] },
  { args: ['label', 'pod', 'bb', 'run-'], followUp: ['get', 'pod', 'bb', '--show-labels'] },
  { args: ['label', 'pod', 'bb', 'nothere-'], followUp: ['get', 'pod', 'bb', '--show-labels'] },
  { args: ['label', 'pod', 'bb', 'run=bb'], followUp: ['get', 'pod', 'bb', '--show-labels'] },
  { args: ['label', 'pods', '--all', 'x=y'], followUp: ['get', 'pods', '--show-labels', '-o', 'name'] },
  { args: ['label', 'svc,deploy', '-l', 'app=web', 'x=y'], followUp: ['get', 'svc,deploy', '--show-labels'] },
  { args: ['label', 'pod', 'bb'], followUp: ['get', 'pod', 'bb', '--show-labels'] },
  { args: ['label', 'pod', 'nope', 'a=b'], followUp: ['get', 'pods', '-o', 'name'] },
  { args: ['label', 'pod', 'bb', 'a=b', 'a=c'], followUp: ['get', 'pod', 'bb', '--show-labels'] },
  { args: ['label', 'pod', 'bb', 'a=b', 'a-'], followUp: ['get', 'pod', 'bb', '--show-labels'] },
  { args: ['label', 'pod', 'bb', 'bad key=1'], followUp: ['get', 'pod', 'bb', '--show-labels'] },
  { args: ['label', 'pod', 'bb', 'a=b', '-o', 'name'], followUp: ['get', 'pod', 'bb', '--show-labels'] },
  { args: ['label', 'ns', 'dev', 'team=a'], followUp: ['get', 'ns', 'dev', '--show-labels'] },
  {
    args: ['annotate', 'pod', 'bb', 'note=hello'],
    followUp: ['get', 'pod', 'bb', '-o', 'jsonpath={.metadata.annotations}'],
  },
  {
    args: ['annotate', 'svc', 'web', 'a=1', 'b=2'],
    followUp: ['get', 'svc', 'web', '-o', 'jsonpath={.metadata.annotations}'],
  },
  {
    args: ['annotate', 'pod', 'bb', 'note-'],
    followUp: ['get', 'pod', 'bb', '-o', 'jsonpath={.metadata.annotations}'],
  },
  {
    args: ['annotate', 'deploy', 'web', 'deployment.kubernetes.io/revision=7'],
    followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.annotations}'],
  },
  {
    args: ['annotate', 'deploy', 'web', 'deployment.kubernetes.io/revision=7', '--overwrite'],
    followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.metadata.annotations}'],
  },
  // scale
  {
    args: ['scale', 'deploy', 'web', '--replicas=3'],
    followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'],
  },
  {
    args: ['scale', 'deploy/web', '--replicas=0'],
    followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'],
  },
  {
    args: ['scale', 'deploy', 'web', '--replicas=3', '--current-replicas=2'],
    followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'],
  },
  {
    args: ['scale', 'deploy', 'web', '--replicas=3', '--current-replicas=5'],
    followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'],
  },
  { args: ['scale', 'deploy', 'web'], followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'] },
  {
    args: ['scale', 'deploy', 'web', '--replicas=-1'],
    followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'],
  },
  { args: ['scale', 'deploy', 'nope', '--replicas=1'], followUp: ['get', 'deploy', '-o', 'name'] },
  { args: ['scale', 'pod', 'bb', '--replicas=1'], followUp: ['get', 'pods', '-o', 'name'] },
  {
    args: ['scale', 'deploy', '--all', '--replicas=1'],
    followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'],
  },
  {
    args: ['scale', '--replicas=4', '-l', 'app=web', 'deploy'],
    followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'],
  },
  { args: ['scale', 'rs', '--replicas=1'], followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'] },
  {
    args: ['scale', 'deploy', 'web', '--replicas=3', '-o', 'name'],
    followUp: ['get', 'deploy', 'web', '-o', 'jsonpath={.spec.replicas}'],
  },
  // apply
  {
    args: ['apply', '-f', 'pod.yaml'],
    files: { 'pod.yaml': POD_YAML },
    followUp: ['get', 'pod', 'x', '-o', 'jsonpath={.metadata.annotations}'],
  },
  {
    args: ['apply', '-f', 'cm.yaml'],
    files: { 'cm.yaml': CM_YAML('settings', 'prod').replace('name: settings', 'name: settings\n  namespace: dev') },
    followUp: ['get', 'cm', 'settings', '-n', 'dev', '-o', 'jsonpath={.data} {.metadata.annotations}'],
  },
  {
    args: ['apply', '-f', 'svc.yaml'],
    files: {
      'svc.yaml':
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n    targetPort: 80\n',
    },
    followUp: ['get', 'svc', 'web', '-o', 'jsonpath={.metadata.annotations}'],
  },
  {
    args: ['apply', '-f', 'multi.yaml'],
    files: { 'multi.yaml': `${CM_YAML('m1', 'one')}---\n${CM_YAML('m1', 'two')}---\n${CM_YAML('m1', 'two')}` },
    followUp: ['get', 'cm', 'm1', '-o', 'jsonpath={.data} {.metadata.annotations}'],
  },
  { args: ['apply', '-f', 'nope.yaml'], followUp: ['get', 'cm', '-o', 'name'] },
  {
    args: ['apply', '-f', 'pod.yaml', '-o', 'name'],
    files: { 'pod.yaml': POD_YAML },
    followUp: ['get', 'pods', '-o', 'name'],
  },
];
