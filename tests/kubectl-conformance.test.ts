// The real kubectl v1.34.5 against `kubeplay serve`: each command must succeed, or fail exactly
// as against a real cluster, with no warnings about the server. Commands run in order and share
// the cluster, as in a learner's session. Ages under 100 seconds (all of them, in this quick
// session) are normalised to `Xs`, keeping the widths of the table's columns.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubectlBinary } from '../scripts/oracle/kubectl-binary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kubeplay-conformance-'));
let server: ChildProcess;
let kubectl: string;

beforeAll(async () => {
  kubectl = await kubectlBinary();
  for (const file of ['pod.yaml', 'deploy.yaml', 'bad-name.yaml', 'svc.yaml', 'bad-field.yaml', 'crd.yaml', 'ct.yaml'])
    copyFileSync(join(root, 'tests/manifests', file), join(dir, file));
  server = spawn(
    'node',
    ['cli/kubeplay.js', 'serve', '--api-only', '--port', '0', '--kubeconfig', join(dir, 'kubeconfig')],
    {
      cwd: root,
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('serving the Kubernetes API')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`kubeplay serve exited with ${code}: ${out}`)));
  });
}, 60_000);

afterAll(() => {
  server?.kill('SIGTERM');
});

function run(args: string[], stdin?: string): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  // A leading NAME=value word sets an environment variable, as in a shell (KUBE_EDITOR=…).
  const extra: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(args[0] ?? '')) {
    const [name, ...value] = (args.shift() as string).split('=');
    extra[name] = value.join('=');
  }
  return new Promise((resolve) => {
    const env = { HOME: dir, KUBECONFIG: join(dir, 'kubeconfig'), PATH: process.env.PATH ?? '', ...extra };
    const child = execFile(kubectl, args, { env, cwd: dir, timeout: 30_000 }, (error, stdout, stderr) => {
      // Ages, UIDs and the random suffix of the service account volume vary.
      const normalise = (text: string): string =>
        text
          // An age of up to 99 s becomes `Xs`, keeping the width of the column it sits in.
          .replace(/(?<=\s)\d{1,2}s( *)(?=\S|$)/gm, (age, gap: string) => (gap ? 'Xs'.padEnd(age.length) : 'Xs'))
          .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<uid>')
          .replace(/kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}/g, 'kube-api-access-<id>');
      resolve({
        stdout: normalise(stdout),
        stderr: normalise(stderr),
        exitCode: error ? Number((error as { code?: number }).code ?? 1) : 0,
      });
    });
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

/** [command line, expected stdout, expected stderr, exit code], in order. */
const SESSION: Array<[string, string, string, number]> = [
  ['version', 'Client Version: v1.34.5\nKustomize Version: v5.7.1\nServer Version: v1.34.0\n', '', 0],
  [
    'get ns',
    'NAME              STATUS   AGE\ndefault           Active   Xs\nkube-node-lease   Active   Xs\nkube-public       Active   Xs\nkube-system       Active   Xs\n',
    '',
    0,
  ],
  ['get pods', '', 'No resources found in default namespace.\n', 0],
  [
    'get --raw /api',
    '{"kind":"APIVersions","versions":["v1"],"serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"192.168.49.2:8443"}]}',
    '',
    0,
  ],
  [
    'api-resources --api-group=apps',
    'NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND\ncontrollerrevisions                apps/v1      true         ControllerRevision\ndaemonsets            ds           apps/v1      true         DaemonSet\ndeployments           deploy       apps/v1      true         Deployment\nreplicasets           rs           apps/v1      true         ReplicaSet\nstatefulsets          sts          apps/v1      true         StatefulSet\n',
    '',
    0,
  ],
  [
    'explain deployment.spec.replicas',
    'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n\n\nDESCRIPTION:\n    Number of desired pods. This is a pointer to distinguish between explicit\n    zero and not specified. Defaults to 1.\n    \n\n',
    '',
    0,
  ],
  ['get quota', '', 'No resources found in default namespace.\n', 0],
  ['create -f pod.yaml', 'pod/qingge created\n', '', 0],
  [
    'create -f pod.yaml',
    '',
    'Error from server (AlreadyExists): error when creating "pod.yaml": pods "qingge" already exists\n',
    1,
  ],
  ['get pods', 'NAME     READY   STATUS    RESTARTS   AGE\nqingge   0/1     Pending   0          Xs\n', '', 0],
  ['get po qingge -o jsonpath={.spec.containers[0].imagePullPolicy}', 'Always', '', 0],
  ['get pods nope', '', 'Error from server (NotFound): pods "nope" not found\n', 1],
  ['get widgets', '', 'error: the server doesn\'t have a resource type "widgets"\n', 1],
  ['label pods qingge app=web', 'pod/qingge labeled\n', '', 0],
  ['label pods qingge app=other', '', "error: 'app' already has a value (web), and --overwrite is false\n", 1],
  ['label pods qingge app=other --overwrite', 'pod/qingge labeled\n', '', 0],
  [
    'get pods --show-labels -L app',
    'NAME     READY   STATUS    RESTARTS   AGE   APP     LABELS\nqingge   0/1     Pending   0          Xs    other   app=other\n',
    '',
    0,
  ],
  ['get pods -l app=web', '', 'No resources found in default namespace.\n', 0],
  ['get pods --field-selector=status.phase=Pending -o name', 'pod/qingge\n', '', 0],
  ['get pods -A -o name', 'pod/qingge\n', '', 0],
  ['annotate pod qingge note=hello', 'pod/qingge annotated\n', '', 0],
  ['set image pod/qingge nginx=nginx:1.27', 'pod/qingge image updated\n', '', 0],
  ['get pod qingge -o jsonpath={.spec.containers[0].image}', 'nginx:1.27', '', 0],
  ['KUBE_EDITOR=sed<sp>-i<sp>s/nginx:1.27/nginx:1.28/ edit pod qingge', 'pod/qingge edited\n', '', 0],
  ['KUBE_EDITOR=true edit pod qingge', '', 'Edit cancelled, no changes made.\n', 0],
  ['get pod qingge -o jsonpath={.spec.containers[0].image}', 'nginx:1.28', '', 0],
  ['wait --for=jsonpath={.status.phase}=Pending pod/qingge --timeout=5s', 'pod/qingge condition met\n', '', 0],
  // No node has taken the pod (no scheduler yet): its log is empty and exec has nowhere to go.
  ['logs qingge', '', '', 0],
  ['exec qingge -- ls', '', 'Error from server (BadRequest): pod qingge does not have a host assigned\n', 1],
  [
    'describe pod qingge',
    'Name:             qingge\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             <none>\nLabels:           app=other\nAnnotations:      note: hello\nStatus:           Pending\nIP:               \nIPs:              <none>\nContainers:\n  nginx:\n    Image:        nginx:1.28\n    Port:         <none>\n    Host Port:    <none>\n    Environment:  <none>\n    Mounts:\n      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-<id> (ro)\nVolumes:\n  kube-api-access-<id>:\n    Type:                    Projected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    Optional:                false\n    DownwardAPI:             true\nQoS Class:                   BestEffort\nNode-Selectors:              <none>\nTolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:                      <none>\n',
    '',
    0,
  ],
  [
    'describe ns default',
    'Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n',
    '',
    0,
  ],
  [
    'create -f bad-name.yaml',
    '',
    `The Pod "Bad_Name!" is invalid: metadata.name: Invalid value: "Bad_Name!": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n`,
    1,
  ],
  [
    'create -f bad-field.yaml',
    '',
    'Error from server (BadRequest): error when creating "bad-field.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.bogusField", unknown field "spec.containers[0].imagePullPolicyy"\n',
    1,
  ],
  [
    'create -f bad-field.yaml --validate=warn',
    'pod/typo created\n',
    'Warning: unknown field "spec.bogusField"\nWarning: unknown field "spec.containers[0].imagePullPolicyy"\n',
    0,
  ],
  ['get pod typo -o jsonpath={.spec.bogusField}', '', '', 0],
  ['delete pod typo --wait=false', 'pod "typo" deleted from default namespace\n', '', 0],
  ['apply -f deploy.yaml', 'deployment.apps/web created\n', '', 0],
  ['apply -f deploy.yaml', 'deployment.apps/web unchanged\n', '', 0],
  ['scale deploy web --replicas=5', 'deployment.apps/web scaled\n', '', 0],
  [
    'get deploy -o wide',
    'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR\nweb    0/5     0            0           Xs    nginx        nginx:1.27   app=web\n',
    '',
    0,
  ],
  ['patch deploy web -p {"spec":{"replicas":3}}', 'deployment.apps/web patched\n', '', 0],
  ['patch deploy web --type=merge -p {"metadata":{"labels":{"tier":"front"}}}', 'deployment.apps/web patched\n', '', 0],
  [
    'patch deploy web --type=json -p [{"op":"replace","path":"/spec/replicas","value":4}]',
    'deployment.apps/web patched\n',
    '',
    0,
  ],
  ['get deploy web -o jsonpath={.spec.replicas}/{.metadata.labels.tier}', '4/front', '', 0],
  // kubectl patch took .spec.replicas: server-side apply conflicts until forced.
  [
    'apply --server-side -f deploy.yaml',
    '',
    [
      'error: Apply failed with 1 conflict: conflict with "kubectl-patch" using apps/v1: .spec.replicas',
      'Please review the fields above--they currently have other managers. Here',
      'are the ways you can resolve this warning:',
      '* If you intend to manage all of these fields, please re-run the apply',
      '  command with the `--force-conflicts` flag.',
      '* If you do not intend to manage all of the fields, please edit your',
      '  manifest to remove references to the fields that should keep their',
      '  current managers.',
      '* You may co-own fields by updating your manifest to match the existing',
      "  value; in this case, you'll become the manager if the other manager(s)",
      '  stop managing the field (remove it from their configuration).',
      'See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts',
      '',
    ].join('\n'),
    1,
  ],
  ['apply --server-side --force-conflicts -f deploy.yaml', 'deployment.apps/web serverside-applied\n', '', 0],
  ['replace -f deploy.yaml', 'deployment.apps/web replaced\n', '', 0],
  ['get events', '', 'No resources found in default namespace.\n', 0],
  [
    'get deploy,pods',
    'NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   0/2     0            0           Xs\n\nNAME         READY   STATUS    RESTARTS   AGE\npod/qingge   0/1     Pending   0          Xs\n',
    '',
    0,
  ],
  ['delete deploy web --wait=false', 'deployment.apps "web" deleted from default namespace\n', '', 0],
  ['delete pod qingge', 'pod "qingge" deleted from default namespace\n', '', 0],
  [
    'get all',
    'NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   Xs\n',
    '',
    0,
  ],
  [
    'get endpoints',
    'NAME         ENDPOINTS           AGE\nkubernetes   192.168.49.2:8443   Xs\n',
    'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    0,
  ],
  [
    'get endpointslices',
    'NAME         ADDRESSTYPE   PORTS   ENDPOINTS      AGE\nkubernetes   IPv4          8443    192.168.49.2   Xs\n',
    '',
    0,
  ],
  [
    'get priorityclasses -o name',
    'priorityclass.scheduling.k8s.io/system-cluster-critical\npriorityclass.scheduling.k8s.io/system-node-critical\n',
    '',
    0,
  ],
  ['get pods -w --request-timeout=1s', '', '', 0],
  // kubectl's typed clients send these as Kubernetes protobuf.
  ['create quota qingge --hard=pods=1', 'resourcequota/qingge created\n', '', 0],
  [
    'create quota qingge --hard=pods=1',
    '',
    'error: failed to create quota: resourcequotas "qingge" already exists\n',
    1,
  ],
  ['create namespace foo', 'namespace/foo created\n', '', 0],
  ['create configmap cm1 --from-literal=a=b', 'configmap/cm1 created\n', '', 0],
  ['create secret generic s1 --from-literal=k=v', 'secret/s1 created\n', '', 0],
  ['create serviceaccount sa1', 'serviceaccount/sa1 created\n', '', 0],
  ['create deployment redis --image=redis --replicas=2', 'deployment.apps/redis created\n', '', 0],
  ['get cm,secret -o name', 'configmap/cm1\nsecret/s1\n', '', 0],
  ['get deploy redis -o jsonpath={.spec.template.spec.containers[0].image}/{.spec.replicas}', 'redis/2', '', 0],
  [
    'autoscale deployment redis --min=1 --max=3 --cpu-percent=50',
    'horizontalpodautoscaler.autoscaling/redis autoscaled\n',
    "Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\n",
    0,
  ],
  [
    'get hpa redis -o jsonpath={.spec.scaleTargetRef.kind}/{.spec.minReplicas}/{.spec.maxReplicas}/{.spec.metrics[0].resource.target.averageUtilization}',
    'Deployment/1/3/50',
    '',
    0,
  ],
  ['create -f svc.yaml', 'service/nginx created\n', '', 0],
  ['create service nodeport web --tcp=80:8080', 'service/web created\n', '', 0],
  ['create job hello --image=busybox -- echo hi', 'job.batch/hello created\n', '', 0],
  [
    'create cronjob tick --image=busybox --schedule=*/1<sp>*<sp>*<sp>*<sp>* -- date',
    'cronjob.batch/tick created\n',
    '',
    0,
  ],
  ['create role reader --verb=get,list --resource=pods', 'role.rbac.authorization.k8s.io/reader created\n', '', 0],
  [
    'create rolebinding reader --role=reader --user=learner',
    'rolebinding.rbac.authorization.k8s.io/reader created\n',
    '',
    0,
  ],
  ['auth can-i create pods', 'yes\n', '', 0],
  ['auth can-i list pods --as=learner', 'yes\n', '', 0],
  ['auth can-i delete pods --as=learner', 'no\n', '', 1],
  ['auth can-i list pods --as=learner -n kube-system', 'no\n', '', 1],
  [
    'auth whoami',
    'ATTRIBUTE   VALUE\nUsername    minikube-user\nGroups      [system:masters system:authenticated]\n',
    '',
    0,
  ],
  [
    // The grants of the default bindings to system:authenticated come with learner's Role: the
    // self reviews (system:basic-user) and the discovery and health paths (system:discovery and
    // system:public-info-viewer both grant /healthz, /livez, /readyz and /version, hence the
    // repeated rows, as on a real cluster).
    'auth can-i --list --as=learner',
    'Resources                                       Non-Resource URLs   Resource Names   Verbs\nselfsubjectreviews.authentication.k8s.io        []                  []               [create]\nselfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]\nselfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]\npods                                            []                  []               [get list]\n                                                [/api/*]            []               [get]\n                                                [/api]              []               [get]\n                                                [/apis/*]           []               [get]\n                                                [/apis]             []               [get]\n                                                [/healthz]          []               [get]\n                                                [/healthz]          []               [get]\n                                                [/livez]            []               [get]\n                                                [/livez]            []               [get]\n                                                [/openapi/*]        []               [get]\n                                                [/openapi]          []               [get]\n                                                [/readyz]           []               [get]\n                                                [/readyz]           []               [get]\n                                                [/version/]         []               [get]\n                                                [/version/]         []               [get]\n                                                [/version]          []               [get]\n                                                [/version]          []               [get]\n',
    '',
    0,
  ],
  [
    'create token sa1 --duration=5m',
    '',
    'error: failed to create token: TokenRequest.authentication.k8s.io "sa1" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes\n',
    1,
  ],
  [
    'create token sa1 --duration=2h -o jsonpath={.spec.expirationSeconds}/{.spec.audiences[0]}',
    '7200/https://kubernetes.default.svc.cluster.local',
    '',
    0,
  ],
  ['create token nope', '', 'error: failed to create token: serviceaccounts "nope" not found\n', 1],
  ['create priorityclass high --value=1000', 'priorityclass.scheduling.k8s.io/high created\n', '', 0],
  ['create ingress web --rule=foo.com/bar=web:80', 'ingress.networking.k8s.io/web created\n', '', 0],
  [
    'create poddisruptionbudget web --selector=app=web --min-available=1',
    'poddisruptionbudget.policy/web created\n',
    '',
    0,
  ],
  ['get svc web -o jsonpath={.spec.type}/{.spec.ports[0].targetPort}', 'NodePort/8080', '', 0],
  [
    'describe job hello',
    'Name:             hello\nNamespace:        default\nSelector:         batch.kubernetes.io/controller-uid=<uid>\nLabels:           batch.kubernetes.io/controller-uid=<uid>\n                  batch.kubernetes.io/job-name=hello\n                  controller-uid=<uid>\n                  job-name=hello\nAnnotations:      <none>\nParallelism:      1\nCompletions:      1\nCompletion Mode:  NonIndexed\nSuspend:          false\nBackoff Limit:    6\nPods Statuses:    0 Active / 0 Succeeded / 0 Failed\nPod Template:\n  Labels:  batch.kubernetes.io/controller-uid=<uid>\n           batch.kubernetes.io/job-name=hello\n           controller-uid=<uid>\n           job-name=hello\n  Containers:\n   hello:\n    Image:      busybox\n    Port:       <none>\n    Host Port:  <none>\n    Command:\n      echo\n      hi\n    Environment:   <none>\n    Mounts:        <none>\n  Volumes:         <none>\n  Node-Selectors:  <none>\n  Tolerations:     <none>\nEvents:            <none>\n',
    '',
    0,
  ],
  [
    'describe cm cm1',
    'Name:         cm1\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\na:\n----\nb\n\n\nBinaryData\n====\n\nEvents:  <none>\n',
    '',
    0,
  ],
  [
    'describe secret s1',
    'Name:         s1\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\nk:  1 bytes\n',
    '',
    0,
  ],
  [
    'describe sa sa1',
    'Name:                sa1\nNamespace:           default\nLabels:              <none>\nAnnotations:         <none>\nImage pull secrets:  <none>\nMountable secrets:   <none>\nTokens:              <none>\nEvents:              <none>\n',
    '',
    0,
  ],
  ['get cronjob tick -o jsonpath={.spec.schedule}/{.spec.concurrencyPolicy}', '*/1 * * * */Allow', '', 0],
  ['apply -f crd.yaml', 'customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com created\n', '', 0],
  [
    'wait --for=condition=established crd/crontabs.stable.example.com --timeout=5s',
    'customresourcedefinition.apiextensions.k8s.io/crontabs.stable.example.com condition met\n',
    '',
    0,
  ],
  ['apply -f ct.yaml', 'crontab.stable.example.com/tick created\n', '', 0],
  ['get ct', 'NAME   SPEC          AGE\ntick   */5 * * * *   Xs\n', '', 0],
  [
    'get svc nginx -o jsonpath={.spec.type}/{.spec.ports[0].protocol}/{.spec.ports[0].targetPort}',
    'NodePort/TCP/80',
    '',
    0,
  ],
];

describe('the real kubectl against kubeplay serve', () => {
  it.each(SESSION.map((c, i) => [`${String(i + 1).padStart(2, '0')} kubectl ${c[0]}`, c] as const))(
    '%s',
    async (_name, [line, stdout, stderr, exitCode]) => {
      // `<sp>` stands for a space inside one argument.
      const result = await run(line.split(' ').map((arg) => arg.replace(/<sp>/g, ' ')));
      expect(result).toEqual({ stdout, stderr, exitCode });
    },
    30_000,
  );
});
