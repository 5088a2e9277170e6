// The decoder against request bodies the real kubectl v1.34.5 sent as protobuf
// (tests/fixtures/protobuf/*.bin, re-recorded by `npx tsx scripts/oracle/record-protobuf.ts`).
import { readdirSync, readFileSync } from 'node:fs';
import protobuf from 'protobufjs/light';
import { describe, expect, it } from 'vitest';
import { decodeKubernetesProtobuf, PROTOBUF_KINDS } from './decode';
import { KUBERNETES_MESSAGES, KUBERNETES_PROTOBUF_SCHEMA } from './schema';
import { APPS_MESSAGES } from './schema-apps';
import { AUTOSCALING_MESSAGES } from './schema-autoscaling';
import { BATCH_MESSAGES } from './schema-batch';
import { CONTAINER_MESSAGES } from './schema-container';
import { CORE_MESSAGES } from './schema-core';
import { META_MESSAGES } from './schema-meta';
import { NETWORKING_MESSAGES } from './schema-networking';
import { POD_MESSAGES } from './schema-pod';
import { POD_STATUS_MESSAGES } from './schema-pod-status';
import { POLICY_MESSAGES } from './schema-policy';
import { RBAC_MESSAGES } from './schema-rbac';
import { VOLUME_MESSAGES } from './schema-volume';

const FIXTURES = new URL('../../../tests/fixtures/protobuf/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const decode = (name: string) => decodeKubernetesProtobuf(fixture(`${name}.bin`));

describe('kubectl create: the same object kubectl sends as JSON', () => {
  // Each <name>.json is what `kubectl create … --dry-run=client -o json` printed: the object
  // kubectl would send as JSON. kubectl 1.34 prints no creationTimestamp (it is omitzero), and the
  // wire body carries the same `spec: {}`, `status: {}`, `strategy: {}`, `resources: {}` and
  // `loadBalancer: {}` that Go's JSON shows for empty structs. The one normalisation: Go's JSON
  // shows a nil slice without omitempty as null (clusterrole-aggregate's `rules: null`, an HPA's
  // `status.currentMetrics: null`), which
  // protobuf cannot tell from an empty one; the decoder leaves it out, so the nulls are dropped.
  const names = readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length));

  it('has the recorded commands', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        ...['quota', 'namespace', 'configmap', 'secret', 'secret-tls', 'deployment', 'serviceaccount'],
        ...['service-clusterip', 'service-nodeport', 'service-loadbalancer', 'service-externalname'],
        ...['job', 'cronjob', 'role', 'rolebinding', 'clusterrole', 'clusterrolebinding'],
        ...['ingress', 'priorityclass', 'pdb', 'autoscale', 'autoscale-metrics', 'autoscale-bare'],
      ]),
    );
  });

  /** `value` without its null object properties, at any depth. */
  const withoutNulls = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(withoutNulls)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== null)
              .map(([k, v]) => [k, withoutNulls(v)]),
          )
        : value;

  it.each(names)('%s', (name) => {
    const expected = withoutNulls(JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8'))) as {
      apiVersion: string;
      kind: string;
    };
    const { apiVersion, kind, object } = decode(name);
    expect({ apiVersion, kind }).toEqual({ apiVersion: expected.apiVersion, kind: expected.kind });
    expect(object).toEqual(expected);
    // Same key order as kubectl's JSON at the top: kind, apiVersion, metadata, …
    expect(Object.keys(object)).toEqual(Object.keys(expected));
  });

  it('keeps what the JSON keeps: replicas 0, empty Secret values, bytes as base64, UTF-8', () => {
    expect((decode('deployment-zero').object.spec as any).replicas).toBe(0);
    expect(decode('secret').object.data).toEqual({ k: 'dg==', empty: '' });
    expect(decode('configmap-binary').object).toMatchObject({ data: { g: 'héllo' }, binaryData: { blob: '/wCA' } });
  });

  it('keeps the zeros and shapes of the other generators', () => {
    // PriorityClass.value and the PodDisruptionBudget status counts have no omitempty.
    expect(decode('priorityclass-default').object).toMatchObject({ value: 0, globalDefault: true });
    expect(decode('pdb').object.status).toEqual({
      disruptionsAllowed: 0,
      currentHealthy: 0,
      desiredHealthy: 0,
      expectedPods: 0,
    });
    expect((decode('pdb-percent').object.spec as any).maxUnavailable).toBe('50%');
    // IngressRuleValue is inline: `http` sits in the rule; a port by name or by number.
    const ingress = decode('ingress-backend').object.spec as any;
    expect(ingress.rules[0]).toEqual({
      http: {
        paths: [{ path: '/path', pathType: 'Prefix', backend: { service: { name: 'svc2', port: { number: 80 } } } }],
      },
    });
    expect(ingress.defaultBackend).toEqual({ service: { name: 'svc', port: { name: 'http' } } });
    // A Service port's targetPort is an IntOrString (a number here) and its nodePort a plain int32.
    expect((decode('service-nodeport').object.spec as any).ports).toEqual([
      { name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 },
    ]);
    expect(decode('clusterrole-aggregate').object).not.toHaveProperty('rules');
    expect(Object.keys(decode('secret-tls').object.data as object)).toEqual(['tls.crt', 'tls.key']);
  });
});

describe('kubectl create token and auth can-i (no client dry-run to compare with)', () => {
  // The JSON kubectl would marshal from the same Go object, less its nulls: Go writes a nil
  // `spec.audiences` and a zero `status.expirationTimestamp` as null; the decoder leaves them out.
  // `status.token` and `status.allowed` have no omitempty, so the JSON shows their zero values.
  const token = (spec: object) => ({
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: {},
    spec,
    status: { token: '' },
  });
  const review = (spec: object) => ({
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: {},
    spec,
    status: { allowed: false },
  });

  it.each([
    ['token', token({ audiences: ['api'], expirationSeconds: 3600 })],
    ['token-bound', token({ boundObjectRef: { kind: 'Secret', apiVersion: 'v1', name: 's' } })],
    ['can-i', review({ resourceAttributes: { namespace: 'team', verb: 'create', resource: 'pods' } })],
    ['can-i-subresource', review({ resourceAttributes: { verb: 'get', resource: 'pods', subresource: 'log' } })],
    ['can-i-url', review({ nonResourceAttributes: { path: '/logs', verb: 'get' } })],
    [
      'can-i-list',
      {
        kind: 'SelfSubjectRulesReview',
        apiVersion: 'authorization.k8s.io/v1',
        metadata: {},
        spec: { namespace: 'team' },
        status: { incomplete: false },
      },
    ],
    [
      'whoami',
      { kind: 'SelfSubjectReview', apiVersion: 'authentication.k8s.io/v1', metadata: {}, status: { userInfo: {} } },
    ],
  ])('%s', (name, expected) => {
    const decoded = decode(name);
    expect(decoded.object).toEqual(expected);
    expect(decoded.kind).toBe(expected.kind);
    expect(decoded.apiVersion).toBe(expected.apiVersion);
  });
});

describe('the schema', () => {
  const root = protobuf.Root.fromJSON(KUBERNETES_PROTOBUF_SCHEMA);

  it('resolves every type, with no message defined twice', () => {
    expect(() => root.resolveAll()).not.toThrow();
    const groups = [
      ...[META_MESSAGES, CORE_MESSAGES, POD_MESSAGES, CONTAINER_MESSAGES, VOLUME_MESSAGES, APPS_MESSAGES],
      ...[BATCH_MESSAGES, RBAC_MESSAGES, NETWORKING_MESSAGES, POLICY_MESSAGES, AUTOSCALING_MESSAGES],
      POD_STATUS_MESSAGES,
    ];
    const total = groups.reduce((sum, group) => sum + Object.keys(group).length, 0);
    expect(Object.keys(KUBERNETES_MESSAGES)).toHaveLength(total);
    for (const kind of PROTOBUF_KINDS) expect(root.lookupType(kind.split('/').at(-1) ?? '')).toBeTruthy();
  });

  /** A body as kubectl would send it: the magic, then runtime.Unknown around `object` as `typeName`. */
  function body(apiVersion: string, kind: string, typeName: string, object: object, extra: object = {}): Uint8Array {
    const raw = root.lookupType(typeName).encode(object).finish();
    const envelope = root
      .lookupType('Unknown')
      .encode({ typeMeta: { apiVersion, kind }, raw, ...extra })
      .finish();
    return new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...envelope]);
  }

  it('turns Quantity, Time, IntOrString, FieldsV1 and inline structs into their JSON forms', () => {
    const deployment = {
      metadata: {
        name: 'web',
        generateName: '',
        generation: 0,
        creationTimestamp: { seconds: 1767225600, nanos: 0 },
        managedFields: [
          {
            manager: 'kubectl',
            fieldsType: 'FieldsV1',
            fieldsV1: { Raw: [...'{"f:spec":{}}'].map((c) => c.charCodeAt(0)) },
          },
        ],
      },
      spec: {
        replicas: 3,
        paused: false,
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: { type: 1, strVal: '25%' }, maxUnavailable: { type: 0, intVal: 1 } },
        },
        template: {
          metadata: { creationTimestamp: { seconds: 0, nanos: 0 } },
          spec: {
            terminationGracePeriodSeconds: 0,
            containers: [
              {
                name: 'app',
                image: 'nginx',
                resources: { limits: { cpu: { string: '500m' } }, requests: { memory: { string: '64Mi' } } },
                readinessProbe: {
                  handler: { httpGet: { path: '/', port: { type: 1, strVal: 'http' } } },
                  initialDelaySeconds: 0,
                  periodSeconds: 5,
                },
                livenessProbe: { handler: { tcpSocket: { port: { type: 0, intVal: 80 } } } },
                securityContext: { runAsNonRoot: false, privileged: false },
                env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
              },
            ],
            volumes: [
              { name: 'data', volumeSource: { emptyDir: { sizeLimit: { string: '1Gi' } } } },
              { name: 'cfg', volumeSource: { configMap: { localObjectReference: { name: 'cm' }, defaultMode: 420 } } },
            ],
            imagePullSecrets: [{ name: 'reg' }],
            tolerations: [{ key: 'k', operator: 'Exists', tolerationSeconds: 0 }],
          },
        },
      },
    };
    const { object } = decodeKubernetesProtobuf(body('apps/v1', 'Deployment', 'Deployment', deployment));
    expect(object).toEqual({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: {
        name: 'web',
        creationTimestamp: '2026-01-01T00:00:00Z',
        managedFields: [{ manager: 'kubectl', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': {} } }],
      },
      spec: {
        replicas: 3,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
        template: {
          metadata: {},
          spec: {
            terminationGracePeriodSeconds: 0,
            containers: [
              {
                name: 'app',
                image: 'nginx',
                resources: { limits: { cpu: '500m' }, requests: { memory: '64Mi' } },
                readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 },
                livenessProbe: { tcpSocket: { port: 80 } },
                securityContext: { runAsNonRoot: false, privileged: false },
                env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
              },
            ],
            volumes: [
              { name: 'data', emptyDir: { sizeLimit: '1Gi' } },
              { name: 'cfg', configMap: { name: 'cm', defaultMode: 420 } },
            ],
            imagePullSecrets: [{ name: 'reg' }],
            tolerations: [{ key: 'k', operator: 'Exists', tolerationSeconds: 0 }],
          },
        },
      },
    });
  });

  it('refuses a content encoding it does not know', () => {
    const gzipped = body('v1', 'Namespace', 'Namespace', { metadata: { name: 'x' } }, { contentEncoding: 'gzip' });
    expect(() => decodeKubernetesProtobuf(gzipped)).toThrow(/content encoding "gzip"/);
  });

  it('names the kind it cannot decode', () => {
    const node = body('v1', 'Node', 'Namespace', { metadata: { name: 'x' } });
    expect(() => decodeKubernetesProtobuf(node)).toThrow(/cannot decode a protobuf Node of v1: .*send it as JSON/);
    const wrongGroup = body('apps/v1', 'Namespace', 'Namespace', {});
    expect(() => decodeKubernetesProtobuf(wrongGroup)).toThrow(/cannot decode a protobuf Namespace of apps\/v1/);
  });

  it('refuses a malformed object inside a whole envelope', () => {
    const envelope = root
      .lookupType('Unknown')
      .encode({ typeMeta: { apiVersion: 'v1', kind: 'Secret' }, raw: [0x0a, 0x7f, 0x01] });
    const bad = new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...envelope.finish()]);
    expect(() => decodeKubernetesProtobuf(bad)).toThrow(/truncated or malformed .*cannot decode a Secret/);
  });
});

describe('errors', () => {
  it('refuses a body without the magic prefix', () => {
    const json = new Uint8Array([...'{"kind":"Namespace"}'].map((c) => c.charCodeAt(0)));
    expect(() => decodeKubernetesProtobuf(json)).toThrow(/not a Kubernetes protobuf body.*6b 38 73 00/);
    expect(() => decodeKubernetesProtobuf(new Uint8Array(0))).toThrow(/not a Kubernetes protobuf body/);
    expect(() => decodeKubernetesProtobuf(new Uint8Array([0x6b, 0x38, 0x73]))).toThrow(
      /not a Kubernetes protobuf body/,
    );
    expect(() => decodeKubernetesProtobuf(fixture('namespace.bin').subarray(1))).toThrow(/not a Kubernetes protobuf/);
  });

  it('refuses a truncated body, wherever it is cut', () => {
    const whole = fixture('deployment.bin');
    // The envelope ends with two empty strings (contentEncoding, contentType: 4 bytes) that may
    // be missing; any cut before them leaves a length-delimited field short.
    for (let length = 5; length < whole.length - 4; length++)
      expect(() => decodeKubernetesProtobuf(whole.subarray(0, length)), `cut at ${length}`).toThrow(
        /truncated or malformed Kubernetes protobuf body/,
      );
  });

  it('refuses a body with only the magic: no kind to decode', () => {
    expect(() => decodeKubernetesProtobuf(new Uint8Array([0x6b, 0x38, 0x73, 0x00]))).toThrow(
      /cannot decode a protobuf \(no kind\) of \(no apiVersion\)/,
    );
  });
});
