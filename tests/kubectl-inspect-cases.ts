// Cases of kubectl's discovery and inspection commands (api-resources, api-versions, explain,
// cluster-info, auth, diff, plugin, certificate) against the scenario of kubectl-scenario.ts:
// scripts/oracle/record-kubectl-inspect.ts records the real kubectl on them, and
// tests/kubectl-inspect-oracle.test.ts replays them through kubeplay's kubectl.

/** One case: kubectl's arguments and the files its working directory holds. */
export interface InspectCase {
  args: string[];
  files?: Record<string, string>;
}

/** A deployment that differs from the scenario's `web` (replicas, image). */
const WEB_CHANGED = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`;

/** A config map the scenario does not have. */
const NEW_CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: fresh
data:
  a: "1"
`;

/** The scenario's `settings` config map as it is. */
const SAME_CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: dev
data:
  mode: dev
`;

export const INSPECT_CASES: InspectCase[] = [
  { args: ['api-resources'] },
  { args: ['api-resources', '-o', 'wide'] },
  { args: ['api-resources', '-o', 'name'] },
  { args: ['api-resources', '--namespaced=true'] },
  { args: ['api-resources', '--namespaced=false'] },
  { args: ['api-resources', '--api-group', 'apps'] },
  { args: ['api-resources', '--api-group='] },
  { args: ['api-resources', '--verbs', 'list,watch'] },
  { args: ['api-resources', '--verbs=create', '-o', 'name'] },
  { args: ['api-resources', '--sort-by=name'] },
  { args: ['api-resources', '--sort-by=kind', '-o', 'wide'] },
  { args: ['api-resources', '--sort-by=bogus'] },
  { args: ['api-resources', '--no-headers'] },
  { args: ['api-resources', '--cached'] },
  { args: ['api-resources', '-o', 'yaml'] },
  { args: ['api-resources', '--api-group', 'nothing'] },
  { args: ['api-resources', 'extra'] },
  { args: ['api-versions'] },
  { args: ['api-versions', 'extra'] },
  { args: ['explain', 'pods'] },
  { args: ['explain', 'pods.spec'] },
  { args: ['explain', 'pods.spec.containers'] },
  { args: ['explain', 'pods.spec.containers.image'] },
  { args: ['explain', 'pod.metadata.labels'] },
  { args: ['explain', 'deployment.spec', '--recursive'] },
  { args: ['explain', 'svc', '--api-version=v1'] },
  { args: ['explain', 'deployments.apps'] },
  { args: ['explain', 'deploy.spec.strategy'] },
  { args: ['explain', 'cm'] },
  { args: ['explain', 'nodes.status.conditions'] },
  { args: ['explain', 'pods.spec.bogus'] },
  { args: ['explain', 'bogus'] },
  { args: ['explain'] },
  { args: ['explain', 'pods', 'svc'] },
  { args: ['explain', 'pods', '--api-version=apps/v1'] },
  { args: ['explain', 'pods', '-o', 'bogus'] },
  { args: ['cluster-info'] },
  { args: ['cluster-info', 'extra'] },
  { args: ['auth', 'can-i', 'get', 'pods'] },
  { args: ['auth', 'can-i', 'create', 'deployments.apps', '-n', 'dev'] },
  { args: ['auth', 'can-i', 'delete', 'nodes', 'minikube'] },
  { args: ['auth', 'can-i', 'list', 'secrets', '--all-namespaces'] },
  { args: ['auth', 'can-i', 'get', 'bogus'] },
  { args: ['auth', 'can-i', 'get', '/logs'] },
  { args: ['auth', 'can-i', '--list'] },
  { args: ['auth', 'can-i', '--list', '-n', 'dev'] },
  { args: ['auth', 'can-i', 'get'] },
  { args: ['auth', 'whoami'] },
  { args: ['auth', 'whoami', '-o', 'json'] },
  { args: ['auth', 'whoami', '-o', 'yaml'] },
  { args: ['diff', '-f', 'web.yaml'], files: { 'web.yaml': WEB_CHANGED } },
  { args: ['diff', '-f', 'fresh.yaml'], files: { 'fresh.yaml': NEW_CONFIGMAP } },
  { args: ['diff', '-f', 'same.yaml'], files: { 'same.yaml': SAME_CONFIGMAP } },
  { args: ['diff', '-f', 'missing.yaml'] },
  { args: ['diff'] },
  { args: ['plugin', 'list'] },
  { args: ['plugin', 'list', '--name-only'] },
  { args: ['certificate', 'approve', 'csr-nope'] },
  { args: ['certificate', 'deny', 'csr-nope'] },
  { args: ['certificate', 'approve'] },
  { args: ['cluster-info', 'dump', '--namespaces', 'default'] },
];
