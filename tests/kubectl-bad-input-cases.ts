// Bad `-f` input recorded from the real kubectl v1.34.5 (scripts/oracle/record-kubectl-bad-input.ts)
// and replayed through kubeplay's kubectl (tests/kubectl-bad-input-oracle.test.ts): malformed YAML
// and JSON, documents without kind or apiVersion, unknown fields, invalid names, each for create,
// apply and delete on a fresh kubectl scenario.
import type { WriteCase } from './kubectl-writes-cases';

const POD = (body: string): string => `apiVersion: v1
kind: Pod
metadata:
${body}`;

/** Bad manifests by file name; each is run with create, apply and delete. */
export const BAD_FILES: Record<string, string> = {
  // A value then `key:` on the same line: the classic missing-newline mistake.
  'colon.yaml': `apiVersion: v1
kind: Pod
metadata: name: x
spec:
  containers:
  - name: c
    image: nginx
`,
  // A child indented less than its sibling.
  'indent.yaml': POD(`  name: x
 labels:
    app: x
spec:
  containers:
  - name: c
    image: nginx
`),
  // A key indented more than its sibling.
  'indent-more.yaml': POD(`  name: x
    labels: {}
spec:
  containers:
  - name: c
    image: nginx
`),
  'tab.yaml': POD(`\tname: x
spec:
  containers:
  - name: c
    image: nginx
`),
  'quote.yaml': POD(`  name: "x
spec:
  containers:
  - name: c
    image: nginx
`),
  'squote.yaml': POD(`  name: 'x
spec:
  containers:
  - name: c
    image: nginx
`),
  // A sequence item where a mapping key was expected.
  'list-in-map.yaml': POD(`  name: x
spec:
  containers:
    name: c
  - image: nginx
`),
  // The list is given as a map: decodes, and the server refuses it.
  'map-for-list.yaml': POD(`  name: x
spec:
  containers:
    name: c
    image: nginx
`),
  'flow.yaml': POD(`  name: x
  labels: {app: x
spec: {}
`),
  'no-kind.yaml': `apiVersion: v1
metadata:
  name: x
`,
  'no-apiversion.yaml': `kind: Pod
metadata:
  name: x
spec:
  containers:
  - name: c
    image: nginx
`,
  'neither.yaml': `metadata:
  name: x
`,
  'unknown-field.yaml': POD(`  name: x
spec:
  containerz:
  - name: c
    image: nginx
`),
  'unknown-nested.yaml': POD(`  name: x
spec:
  containers:
  - name: c
    image: nginx
    imagePullPolicyy: Always
`),
  'bad-name.yaml': POD(`  name: My_Pod
spec:
  containers:
  - name: c
    image: nginx
`),
  'scalar.yaml': `just a string
`,
  'bad.json': `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x",}}
`,
  'trunc.json': `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "x"}
`,
  'json-quote.json': `{'apiVersion': 'v1'}
`,
  'dup.yaml': POD(`  name: x
  name: z
spec:
  containers:
  - name: c
    image: nginx
`),
};

const VERBS: Array<[string, string[]]> = [
  ['create', ['create', '-f']],
  ['apply', ['apply', '-f']],
  ['delete', ['delete', '-f']],
];

/** The cases, in recording order. */
export const BAD_INPUT_CASES: WriteCase[] = Object.entries(BAD_FILES).flatMap(([name, text]) =>
  VERBS.map(([, args]) => ({
    args: [...args, name],
    files: { [name]: text },
    followUp: ['get', 'pods', '-o', 'name'],
  })),
);

/** A ConfigMap whose one value is `size` bytes: over the API server's 3 MiB request limit. */
const bigConfigMap = (size: number): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  k: ${'x'.repeat(size)}\n`;

// Huge files: the real kubectl reads them all and the server refuses the request.
BAD_INPUT_CASES.push(
  {
    args: ['create', '-f', 'big.yaml'],
    files: { 'big.yaml': bigConfigMap(20 << 20) },
    followUp: ['get', 'cm', '-o', 'name'],
  },
  {
    args: ['apply', '-f', 'big.yaml'],
    files: { 'big.yaml': bigConfigMap(4 << 20) },
    followUp: ['get', 'cm', '-o', 'name'],
  },
  {
    args: ['create', '-f', 'junk.txt'],
    files: { 'junk.txt': 'lorem ipsum dolor\n'.repeat(1 << 20) },
    followUp: ['get', 'cm', '-o', 'name'],
  },
);
