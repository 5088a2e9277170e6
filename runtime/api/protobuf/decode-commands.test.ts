// The decoder against what the real kubectl v1.34.5 sent as protobuf beyond `create`: the
// autoscaling/v1 HPA `autoscale` falls back to, the pods `debug` creates and the DeleteOptions of
// `drain --disable-eviction` (tests/fixtures/protobuf/, `npx tsx scripts/oracle/record-protobuf.ts`).
// These commands have no `--dry-run=client -o json`: the expected JSON is what kubectl builds
// (pkg/cmd/autoscale, pkg/cmd/debug, pkg/drain) as Go's JSON shows it. The autoscaling/v2 HPAs
// are compared with kubectl's dry run in decode.test.ts.
import { readFileSync } from 'node:fs';
import protobuf from 'protobufjs/light';
import { describe, expect, it } from 'vitest';
import { decodeAnyValue } from '../body';
import { decodeKubernetesProtobuf } from './decode';
import { KUBERNETES_PROTOBUF_SCHEMA } from './schema';

const FIXTURES = new URL('../../../tests/fixtures/protobuf/', import.meta.url);
const decode = (name: string) =>
  decodeKubernetesProtobuf(new Uint8Array(readFileSync(new URL(`${name}.bin`, FIXTURES))));

describe('kubectl autoscale, debug and drain', () => {
  it('autoscale-v1: the fallback keeps a zero target (a pointer) and ignores --cpu=70%', () => {
    expect(decode('autoscale-v1').object).toEqual({
      kind: 'HorizontalPodAutoscaler',
      apiVersion: 'autoscaling/v1',
      metadata: { name: 'web' },
      spec: {
        scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' },
        minReplicas: 2,
        maxReplicas: 4,
        targetCPUUtilizationPercentage: 0,
      },
      status: { currentReplicas: 0, desiredReplicas: 0 },
    });
  });

  it('debug-node: the legacy profile mounts the host and shares its namespaces', () => {
    const { object } = decode('debug-node');
    expect((object.metadata as { name: string }).name).toMatch(/^node-debugger-n1-[a-z0-9]{5}$/);
    expect({ ...object, metadata: { ...(object.metadata as object), name: 'x' } }).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'x', labels: { 'app.kubernetes.io/managed-by': 'kubectl-debug' } },
      spec: {
        volumes: [{ name: 'host-root', hostPath: { path: '/' } }],
        containers: [
          {
            name: 'debugger',
            image: 'busybox',
            command: ['sleep', '1d'],
            resources: {},
            volumeMounts: [{ name: 'host-root', mountPath: '/host' }],
            terminationMessagePolicy: 'File',
          },
        ],
        restartPolicy: 'Never',
        nodeName: 'n1',
        hostNetwork: true,
        hostPID: true,
        hostIPC: true,
        tolerations: [{ operator: 'Exists' }],
      },
      status: {},
    });
  });

  it('debug-copy: the served pod spec comes back whole, less its node, plus the debug container', () => {
    const served = JSON.parse(readFileSync(new URL('served/web-0.json', FIXTURES), 'utf8'));
    const { nodeName, ...spec } = served.spec;
    expect(nodeName).toBe('n1');
    const container = {
      name: 'shell',
      image: 'busybox',
      command: ['sh'],
      resources: {},
      terminationMessagePolicy: 'File',
    };
    expect(decode('debug-copy').object).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
      // The legacy profile drops the labels; the annotations stay.
      metadata: { name: 'web-debug', namespace: 'default', annotations: served.metadata.annotations },
      spec: { ...spec, containers: [...spec.containers, container] },
      status: {},
    });
  });

  it('drain --disable-eviction: DeleteOptions of v1 with a grace period or a dry run', () => {
    expect(decode('drain-delete').object).toEqual({ kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 10 });
    expect(decode('drain-delete-dry-run').object).toEqual({ kind: 'DeleteOptions', apiVersion: 'v1', dryRun: ['All'] });
  });

  it('decodeAnyValue: a DELETE body as protobuf or JSON', async () => {
    const body = new Uint8Array(readFileSync(new URL('drain-delete.bin', FIXTURES)));
    const headers = (type: string) => ({ 'content-type': type });
    const request = { method: 'DELETE', path: '/api/v1/namespaces/default/pods/victim' };
    await expect(
      decodeAnyValue({ ...request, headers: headers('application/vnd.kubernetes.protobuf'), body }),
    ).resolves.toEqual({ kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 10 });
    await expect(
      decodeAnyValue({ ...request, headers: headers('application/json'), body: '{"gracePeriodSeconds":10}' }),
    ).resolves.toEqual({ gracePeriodSeconds: 10 });
  });
});

describe('kinds kubectl sends with a status or as JSON', () => {
  const root = protobuf.Root.fromJSON(KUBERNETES_PROTOBUF_SCHEMA);
  const body = (apiVersion: string, kind: string, typeName: string, object: object) => {
    const raw = root.lookupType(typeName).encode(object).finish();
    const envelope = root.lookupType('Unknown').encode({ typeMeta: { apiVersion, kind }, raw }).finish();
    return new Uint8Array([0x6b, 0x38, 0x73, 0x00, ...envelope]);
  };

  it('a PodStatus keeps the zeros its JSON shows (ready, restartCount, exitCode)', () => {
    const terminated = { exitCode: 0, signal: 0, reason: 'Completed', finishedAt: { seconds: 1767225600, nanos: 0 } };
    const pod = {
      metadata: { name: 'p' },
      status: {
        phase: 'Succeeded',
        conditions: [{ type: 'Ready', status: 'False', lastProbeTime: { seconds: 0, nanos: 0 } }],
        podIPs: [{ ip: '10.244.0.9' }],
        containerStatuses: [
          {
            name: 'c',
            state: { terminated },
            lastState: {},
            ready: false,
            restartCount: 0,
            image: 'busybox',
            imageID: '',
          },
        ],
      },
    };
    expect(decodeKubernetesProtobuf(body('v1', 'Pod', 'Pod', pod)).object.status).toEqual({
      phase: 'Succeeded',
      conditions: [{ type: 'Ready', status: 'False' }],
      podIPs: [{ ip: '10.244.0.9' }],
      containerStatuses: [
        {
          name: 'c',
          state: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: '2026-01-01T00:00:00Z' } },
          lastState: {},
          ready: false,
          restartCount: 0,
          image: 'busybox',
          imageID: '',
        },
      ],
    });
  });

  it('an Eviction (kubectl drain sends it as JSON; other typed clients may not)', () => {
    const eviction = { metadata: { name: 'p', namespace: 'default' }, deleteOptions: { gracePeriodSeconds: 0 } };
    expect(decodeKubernetesProtobuf(body('policy/v1', 'Eviction', 'Eviction', eviction)).object).toEqual({
      kind: 'Eviction',
      apiVersion: 'policy/v1',
      metadata: { name: 'p', namespace: 'default' },
      deleteOptions: { gracePeriodSeconds: 0 },
    });
  });

  it('DeleteOptions of any group version, but not without one', () => {
    const options = { propagationPolicy: 'Foreground', preconditions: { uid: 'u' } };
    expect(decodeKubernetesProtobuf(body('apps/v1', 'DeleteOptions', 'DeleteOptions', options)).object).toEqual({
      kind: 'DeleteOptions',
      apiVersion: 'apps/v1',
      ...options,
    });
    expect(() => decodeKubernetesProtobuf(body('', 'DeleteOptions', 'DeleteOptions', options))).toThrow(
      /cannot decode a protobuf DeleteOptions of \(no apiVersion\)/,
    );
    expect(() => decodeKubernetesProtobuf(body('v1', 'constructor', 'DeleteOptions', {}))).toThrow(
      /cannot decode a protobuf constructor of v1/,
    );
  });
});
