// The fidelity cases: `kubeplay kubectl` (cli/kubectl.ts, over HTTP) against the real kubectl
// v1.34.5, both clients of `kubeplay serve`'s server on the same state (the kubectl scenario:
// deployment web ×2, pod bb, service web, namespace dev with configmap settings). Recorded by
// scripts/oracle/record-kubectl-fidelity.ts, replayed by tests/kubectl-fidelity.test.ts, tabled
// in README.md by scripts/fidelity-table.ts.

/** One case. */
export interface FidelityCase {
  args: string[];
  /** Shell lines run in the playground first (state the case needs), identical for both clients. */
  before?: string[];
  /** Files written in the client's working folder, by relative path. */
  files?: Record<string, string>;
  stdin?: string;
}

const POD_YAML = `apiVersion: v1
kind: Pod
metadata:
  name: extra
  labels:
    app: extra
spec:
  containers:
  - name: main
    image: nginx:1.27
`;

const DEPLOY_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 1
  selector:
    matchLabels: {app: api}
  template:
    metadata:
      labels: {app: api}
    spec:
      containers:
      - name: api
        image: nginx
`;

const CM_YAML = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: dev
data:
  mode: prod
`;

const c = (line: string, more: Omit<FidelityCase, 'args'> = {}): FidelityCase => ({ args: split(line), ...more });

/** Splits a command line on spaces, keeping '…' quoted words whole (the cases' only quoting). */
function split(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

/** The cases, in recording order. */
export const FIDELITY_CASES: FidelityCase[] = [
  // get: printers and flags
  c('get pods'),
  c('get pods -o wide'),
  c('get pods -o name'),
  c('get pods -o yaml'),
  c('get pod bb -o json'),
  c('get deploy web -o jsonpath={.spec.replicas}'),
  c(`get pods -o 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'`),
  c('get pods -o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image'),
  c(`get pods -o 'go-template={{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`),
  c('get pods --show-labels'),
  c('get pods -l app=web'),
  c('get pods --selector=app!=web'),
  c('get pods -L app,tier'),
  c('get pods --sort-by=.metadata.name'),
  c('get pods --no-headers'),
  c('get pods -o wide --show-kind'),
  c('get pods --field-selector=status.phase=Running'),
  c('get pods -w --request-timeout=2s'),
  c('get deploy -w -o name --request-timeout=1s'),
  c('get all'),
  c('get all -A'),
  c('get pods -A'),
  c('get ns'),
  c('get nodes'),
  c('get nodes -o wide'),
  c('get svc,deploy'),
  c('get deploy web -o yaml'),
  c('get rs'),
  c('get cm -n dev'),
  c('get endpoints'),
  c('get crd'),
  c('get pod bb -o yaml --show-managed-fields'),
  c('get pods bb nope'),
  c('get nope'),
  c('get pod missing'),
  c('get pods -n nowhere'),
  c('get pods -o nope'),
  // describe
  c('describe pod bb'),
  c('describe deploy web'),
  c('describe svc web'),
  c('describe node minikube'),
  c('describe ns dev'),
  c('describe cm settings -n dev'),
  c('describe pods -l app=web'),
  c('describe pod missing'),
  // create: files and generators
  c('create -f pod.yaml', { files: { 'pod.yaml': POD_YAML } }),
  c('create -f pod.yaml', { files: { 'pod.yaml': POD_YAML }, before: ['kubectl run extra --image=nginx'] }),
  c('create -f missing.yaml'),
  c('create deployment d2 --image=nginx --replicas=3'),
  c('create deployment d3 --image=nginx --dry-run=client -o yaml'),
  c('create namespace test'),
  c('create configmap c1 --from-literal=a=1 --from-literal=b=2'),
  c('create secret generic s1 --from-literal=k=v'),
  c('create service clusterip s2 --tcp=80:8080'),
  c('create job j1 --image=busybox -- echo hi'),
  c(`create cronjob cj --image=busybox '--schedule=*/5 * * * *'`),
  c('create quota q --hard=pods=10'),
  c('create serviceaccount sa1'),
  c('create role r --verb=get --resource=pods'),
  c('create rolebinding rb --role=r --user=u'),
  c('create ingress ing --rule=foo.com/=web:80'),
  // apply
  c('apply -f deploy.yaml', { files: { 'deploy.yaml': DEPLOY_YAML } }),
  c('apply -f manifests/', { files: { 'manifests/a.yaml': DEPLOY_YAML, 'manifests/b.yaml': POD_YAML } }),
  c('apply -f -', { stdin: POD_YAML }),
  c('apply -f cm.yaml', { files: { 'cm.yaml': CM_YAML } }),
  c('apply --server-side -f cm.yaml', { files: { 'cm.yaml': CM_YAML } }),
  c('apply -f deploy.yaml --dry-run=server', { files: { 'deploy.yaml': DEPLOY_YAML } }),
  // delete
  c('delete svc web'),
  c('delete cm settings -n dev'),
  c('delete pod bb --wait=false'),
  c('delete deploy web'),
  c('delete pod missing'),
  c('delete -f cm.yaml', { files: { 'cm.yaml': CM_YAML } }),
  // label, annotate
  c('label pod bb env=prod'),
  c('label pod bb run-'),
  c('label pod bb run=x'),
  c('label pod bb run=x --overwrite'),
  c('label pods --all a=b'),
  c('annotate deploy web note=hi'),
  // scale, rollout
  c('scale deploy web --replicas=3'),
  c('scale deploy web --replicas=1 --current-replicas=5'),
  c('rollout status deploy/web'),
  c('rollout history deploy/web'),
  c('rollout restart deploy/web'),
  c('rollout pause deploy/web'),
  c('rollout undo deploy/web'),
  // set
  c('set image deploy/web nginx=nginx:1.27'),
  c('set env deploy/web A=1'),
  c('set resources deploy/web --limits=cpu=200m'),
  c('set image deploy/web nope=x'),
  // patch, replace
  c(`patch deploy web -p '{"spec":{"replicas":4}}'`),
  c(`patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`),
  c(`patch pod bb -p '{'`),
  c('replace -f cm.yaml', { files: { 'cm.yaml': CM_YAML } }),
  // wait
  c('wait --for=condition=Available deploy/web --timeout=5s'),
  c('wait --for=jsonpath={.status.phase}=Running pod/bb'),
  // logs
  c('logs bb'),
  c('logs deploy/web'),
  c('logs deploy/web --tail=2'),
  c('logs missing'),
  // exec
  c('exec bb -- echo hello'),
  c(`exec bb -- sh -c 'exit 3'`),
  c('exec bb -- ls /nonexistent'),
  c('exec missing -- ls'),
  // run, expose, autoscale
  c('run nginx --image=nginx'),
  c('run tmp --image=busybox --restart=Never --dry-run=client -o yaml'),
  c('expose deploy web --port=8080 --name=web2'),
  c('expose pod bb'),
  c('autoscale deploy web --min=1 --max=3 --cpu-percent=50'),
  // nodes
  c('cordon minikube'),
  c('uncordon minikube', { before: ['kubectl cordon minikube'] }),
  c('taint nodes minikube k=v:NoSchedule'),
  c('drain minikube --ignore-daemonsets --dry-run=client'),
  // top, events
  c('top nodes'),
  c('top pods'),
  c('events'),
  c('events --types=Warning'),
  // config
  c('config view'),
  c('config get-contexts'),
  c('config current-context'),
  c('config set-context --current --namespace=dev'),
  c('config view --minify -o jsonpath={.contexts[0].name}'),
  // version, discovery, explain
  c('version --client'),
  c('version'),
  c('version -o json'),
  c('api-resources'),
  c('api-resources --namespaced=false -o wide'),
  c('api-versions'),
  c('explain pods'),
  c('explain deployment.spec.replicas'),
  c('cluster-info'),
  // help and usage errors
  c('--help'),
  c('get --help'),
  c('nosuch'),
  c('get pods --nosuchflag'),
];
