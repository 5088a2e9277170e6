import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../object';
import type { ResourceType } from '../resource';
import { clusterrolebindings } from './clusterrolebindings';
import { clusterroles } from './clusterroles';
import { componentstatuses } from './componentstatuses';
import { customresourcedefinitions } from './customresourcedefinitions';
import { eventsK8sIo } from './events-k8s-io';
import { leases } from './leases';
import { limitranges } from './limitranges';
import { priorityclasses } from './priorityclasses';
import { rolebindings } from './rolebindings';
import { roles } from './roles';

// Rows of the RBAC, coordination, scheduling, component status and events.k8s.io tables, and of
// the default convertor (columns: tables.test.ts). Objects are created at T0, printed an hour later.
const T0 = '2026-01-01T00:00:00Z';
const context = { now: Date.UTC(2026, 0, 1, 1, 0, 0) };
/** T0 plus `seconds`, as a metav1.Time. */
const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString().replace('.000Z', 'Z');

const binding = (kind: string, name: string, roleRef: object, subjects?: object[]): KubeObject => ({
  apiVersion: 'rbac.authorization.k8s.io/v1',
  kind,
  metadata: { name, creationTimestamp: T0, ...(kind === 'RoleBinding' ? { namespace: 'default' } : {}) },
  roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
  subjects,
});
const status = (conditions?: object[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ComponentStatus',
  metadata: { name: 'etcd-0' },
  conditions,
});
const event = (fields: object): KubeObject => ({
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  metadata: { name: 'nginx.1881f3a2b4c5d6e7', namespace: 'default', creationTimestamp: at(3300) },
  regarding: {
    apiVersion: 'v1',
    kind: 'Pod',
    name: 'nginx',
    namespace: 'default',
    fieldPath: 'spec.containers{nginx}',
  },
  type: 'Normal',
  reason: 'Pulled',
  note: 'Successfully pulled image "nginx" in 2.1s \n',
  ...fields,
});

describe('RBAC, coordination, scheduling and event table rows', () => {
  it.each<[string, ResourceType, KubeObject, unknown[]]>([
    [
      'a Lease and its holder',
      leases,
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: 'kube-scheduler', namespace: 'kube-system', creationTimestamp: T0 },
        spec: { holderIdentity: 'minikube_0f6e1d2c', leaseDurationSeconds: 15 },
      },
      ['kube-scheduler', 'minikube_0f6e1d2c', '60m'],
    ],
    [
      'a Lease without a holder',
      leases,
      {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: { name: 'free', creationTimestamp: T0 },
        spec: {},
      },
      ['free', '', '60m'],
    ],
    [
      'a system PriorityClass',
      priorityclasses,
      {
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
        metadata: { name: 'system-node-critical', creationTimestamp: T0 },
        value: 2000001000,
        description: 'Used for system critical pods that must not be moved from their current node.',
        preemptionPolicy: 'PreemptLowerPriority',
      },
      ['system-node-critical', 2000001000, false, '60m', 'PreemptLowerPriority'],
    ],
    [
      'the global default PriorityClass',
      priorityclasses,
      {
        apiVersion: 'scheduling.k8s.io/v1',
        kind: 'PriorityClass',
        metadata: { name: 'high', creationTimestamp: T0 },
        value: 1000000,
        globalDefault: true,
      },
      ['high', 1000000, true, '60m', ''],
    ],
    [
      'a RoleBinding: its Role, then users, groups and service accounts',
      rolebindings,
      binding('RoleBinding', 'read-pods', { kind: 'Role', name: 'pod-reader' }, [
        { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'jane' },
        { kind: 'ServiceAccount', name: 'default', namespace: 'default' },
        { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'devs' },
        { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'bob' },
        { kind: 'ServiceAccount', name: 'builder', namespace: 'ci' },
      ]),
      ['read-pods', 'Role/pod-reader', '60m', 'jane, bob', 'devs', 'default/default, ci/builder'],
    ],
    [
      'a RoleBinding to a ClusterRole without subjects',
      rolebindings,
      binding('RoleBinding', 'view', { kind: 'ClusterRole', name: 'view' }),
      ['view', 'ClusterRole/view', '60m', '', '', ''],
    ],
    [
      'the cluster-admin ClusterRoleBinding',
      clusterrolebindings,
      binding('ClusterRoleBinding', 'cluster-admin', { kind: 'ClusterRole', name: 'cluster-admin' }, [
        { kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:masters' },
      ]),
      ['cluster-admin', 'ClusterRole/cluster-admin', '60m', '', 'system:masters', ''],
    ],
    [
      'a Role: the default convertor prints the creation time itself',
      roles,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'Role',
        metadata: { name: 'pod-reader', namespace: 'default', creationTimestamp: T0 },
        rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'watch', 'list'] }],
      },
      ['pod-reader', '2026-01-01T00:00:00Z'],
    ],
    [
      'a ClusterRole',
      clusterroles,
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'system:node', creationTimestamp: at(59) },
        rules: [],
      },
      ['system:node', '2026-01-01T00:00:59Z'],
    ],
    [
      'a LimitRange',
      limitranges,
      {
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: { name: 'cpu-limit-range', namespace: 'default', creationTimestamp: T0 },
        spec: { limits: [{ default: { cpu: '1' }, defaultRequest: { cpu: '500m' }, type: 'Container' }] },
      },
      ['cpu-limit-range', '2026-01-01T00:00:00Z'],
    ],
    [
      'a CustomResourceDefinition',
      customresourcedefinitions,
      {
        apiVersion: 'apiextensions.k8s.io/v1',
        kind: 'CustomResourceDefinition',
        metadata: { name: 'crontabs.stable.example.com', creationTimestamp: T0 },
        spec: {
          group: 'stable.example.com',
          names: { kind: 'CronTab', plural: 'crontabs' },
          scope: 'Namespaced',
          versions: [],
        },
      },
      ['crontabs.stable.example.com', '2026-01-01T00:00:00Z'],
    ],
    [
      'a healthy component',
      componentstatuses,
      status([{ type: 'Healthy', status: 'True', message: 'ok' }]),
      ['etcd-0', 'Healthy', 'ok', ''],
    ],
    [
      'an unhealthy component',
      componentstatuses,
      status([
        {
          type: 'Healthy',
          status: 'False',
          error: 'Get "https://127.0.0.1:2379/health": dial tcp 127.0.0.1:2379: connect: connection refused',
        },
      ]),
      [
        'etcd-0',
        'Unhealthy',
        '',
        'Get "https://127.0.0.1:2379/health": dial tcp 127.0.0.1:2379: connect: connection refused',
      ],
    ],
    ['a component without conditions', componentstatuses, status(), ['etcd-0', 'Unknown', '', '']],
    [
      'an event written through the core API (deprecated fields)',
      eventsK8sIo,
      event({
        eventTime: null,
        reportingController: 'kubelet',
        reportingInstance: 'minikube',
        deprecatedSource: { component: 'kubelet', host: 'minikube' },
        deprecatedFirstTimestamp: at(3300),
        deprecatedLastTimestamp: at(3480),
        deprecatedCount: 2,
      }),
      [
        '2m',
        'Normal',
        'Pulled',
        'pod/nginx',
        'spec.containers{nginx}',
        'kubelet, minikube',
        'Successfully pulled image "nginx" in 2.1s',
        '5m',
        2,
        'nginx.1881f3a2b4c5d6e7',
      ],
    ],
    [
      'a new-style event in a series, about a kind without a name',
      eventsK8sIo,
      event({
        regarding: { kind: 'Node' },
        eventTime: '2026-01-01T00:50:00.123456Z',
        reportingController: 'default-scheduler',
        series: { count: 4, lastObservedTime: '2026-01-01T00:59:30.000000Z' },
      }),
      [
        '30s',
        'Normal',
        'Pulled',
        'node',
        '',
        'default-scheduler',
        'Successfully pulled image "nginx" in 2.1s',
        '9m59s',
        4,
        'nginx.1881f3a2b4c5d6e7',
      ],
    ],
    [
      'a singleton event counts 1',
      eventsK8sIo,
      event({
        eventTime: '2026-01-01T00:59:58.000000Z',
        reportingController: 'default-scheduler',
        reportingInstance: 'default-scheduler-minikube',
      }),
      [
        '2s',
        'Normal',
        'Pulled',
        'pod/nginx',
        'spec.containers{nginx}',
        'default-scheduler, default-scheduler-minikube',
        'Successfully pulled image "nginx" in 2.1s',
        '2s',
        1,
        'nginx.1881f3a2b4c5d6e7',
      ],
    ],
  ])('%s', (_label, type, object, cells) => {
    const row = type.table!.row(object, context);
    expect(row).toEqual(cells);
    expect(row).toHaveLength(type.table!.columns.length);
  });
});
