// The cases of `kubectl kustomize` and `-k` that scripts/oracle/record-kubectl-kustomize.ts records
// from the real kubectl v1.34.5 and tests/kubectl-kustomize-oracle.test.ts replays: each a tree of
// files (under WORK_DIR, the recorder's temporary directory renamed), a command, and for commands
// that talk to the server a follow-up read.

/** Where the files of a case live, as the fixtures name it. */
export const WORK_DIR = '/home/learner/kz';

/** One case: its files (relative to WORK_DIR), the command and an optional follow-up read. */
export interface KustomizeCase {
  files: Record<string, string>;
  /** Commands run first (their output is recorded too). */
  before?: string[][];
  args: string[];
  followUp?: string[];
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.14.2
        ports:
        - containerPort: 80
        envFrom:
        - configMapRef:
            name: web-config
        env:
        - name: PASSWORD
          valueFrom:
            secretKeyRef:
              name: web-secret
              key: password
      volumes:
      - name: config
        configMap:
          name: web-config
`;

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`;

const BASE = {
  'base/kustomization.yaml': 'resources:\n- deployment.yaml\n- service.yaml\n',
  'base/deployment.yaml': DEPLOYMENT,
  'base/service.yaml': SERVICE,
};

const GENERATED = {
  ...BASE,
  'gen/kustomization.yaml': `resources:
- ../base
configMapGenerator:
- name: web-config
  literals:
  - MODE=production
  - GREETING="hello world"
  envs:
  - app.env
  files:
  - nginx.conf
  - custom-key=index.html
secretGenerator:
- name: web-secret
  literals:
  - password=s3cr3t&<x>
`,
  'gen/app.env': '# comment\nLOG_LEVEL=debug\n\nWORKERS=4\n',
  'gen/nginx.conf': 'server {\n  listen 80;\n}\n',
  'gen/index.html': '<h1>hi</h1>\n',
};

const OVERLAY = {
  ...BASE,
  'overlay/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namespace: staging
namePrefix: staging-
nameSuffix: -v2
commonLabels:
  env: staging
commonAnnotations:
  owner: team-a
resources:
- ../base
- namespace.yaml
images:
- name: nginx
  newName: registry.example.com/nginx
  newTag: "1.25"
replicas:
- name: web
  count: 3
configMapGenerator:
- name: web-config
  literals:
  - MODE=staging
secretGenerator:
- name: web-secret
  literals:
  - password=staging
generatorOptions:
  labels:
    generated: "true"
  annotations:
    note: generated
`,
  'overlay/namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: staging\n',
};

const LABELS = {
  ...BASE,
  'labels/kustomization.yaml': `resources:
- ../base
labels:
- pairs:
    team: a
- pairs:
    tier: front
  includeTemplates: true
- pairs:
    release: r1
  includeSelectors: true
images:
- name: nginx
  digest: sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3
`,
};

const PATCHES = {
  ...BASE,
  'patches/kustomization.yaml': `resources:
- ../base
patches:
- path: replicas.yaml
- patch: |-
    - op: replace
      path: /spec/ports/0/port
      value: 8080
  target:
    kind: Service
    name: web
- target:
    kind: Deployment
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: ignored
      annotations:
        patched: "yes"
`,
  'patches/replicas.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 5
  template:
    spec:
      containers:
      - name: nginx
        resources:
          limits:
            memory: 128Mi
`,
};

const PSM = {
  ...BASE,
  'psm/kustomization.yaml': `resources:
- ../base
patchesStrategicMerge:
- memory.yaml
- |-
  apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    type: NodePort
`,
  'psm/memory.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
      - name: nginx
        image: nginx:1.16
`,
};

const SIMPLE = {
  'app/kustomization.yaml': `namespace: default
namePrefix: kz-
resources:
- configmap.yaml
configMapGenerator:
- name: settings
  literals:
  - color=blue
`,
  'app/configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: plain\ndata:\n  a: "1"\n',
};

const ERRORS = {
  'empty/placeholder.yaml': 'a: 1\n',
  'missing/kustomization.yaml': 'resources:\n- nope.yaml\n',
  'badyaml/kustomization.yaml': 'resources:\n- a.yaml\n  bad: [\n',
  'unknown/kustomization.yaml': 'resourcez:\n- a.yaml\n',
  'nosub/kustomization.yaml': 'resources:\n- sub\n',
  'nosub/sub/placeholder.yaml': 'a: 1\n',
  'nomatch/kustomization.yaml': 'resources:\n- ../base\npatches:\n- path: p.yaml\n',
  'nomatch/p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: other\nspec:\n  replicas: 2\n',
  ...BASE,
};

/** The cases, in fixture order. */
export const KUSTOMIZE_CASES: KustomizeCase[] = [
  { files: BASE, args: ['kustomize', 'base'] },
  { files: GENERATED, args: ['kustomize', 'gen'] },
  { files: OVERLAY, args: ['kustomize', 'overlay'] },
  { files: LABELS, args: ['kustomize', 'labels'] },
  { files: PATCHES, args: ['kustomize', 'patches'] },
  { files: PSM, args: ['kustomize', 'psm'] },
  { files: ERRORS, args: ['kustomize', 'empty'] },
  { files: ERRORS, args: ['kustomize', 'missing'] },
  { files: ERRORS, args: ['kustomize', 'badyaml'] },
  { files: ERRORS, args: ['kustomize', 'unknown'] },
  { files: ERRORS, args: ['kustomize', 'nosub'] },
  { files: ERRORS, args: ['kustomize', 'nomatch'] },
  { files: ERRORS, args: ['kustomize', 'nowhere'] },
  { files: ERRORS, args: ['kustomize', 'base', 'empty'] },
  { files: SIMPLE, args: ['apply', '-k', 'app'], followUp: ['get', 'configmaps'] },
  { files: SIMPLE, args: ['create', '-k', 'app'], followUp: ['get', 'configmaps'] },
  { files: SIMPLE, before: [['apply', '-k', 'app']], args: ['get', '-k', 'app'] },
  { files: SIMPLE, args: ['apply', '-k', 'app', '-f', 'app/configmap.yaml'] },
  { files: SIMPLE, before: [['apply', '-k', 'app']], args: ['delete', '-k', 'app'], followUp: ['get', 'configmaps'] },
  { files: ERRORS, args: ['apply', '-k', 'missing'] },
];
