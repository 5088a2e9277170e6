import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../object';
import type { ResourceType } from '../resource';
import { controllerrevisions } from './controllerrevisions';
import { cronjobs } from './cronjobs';
import { daemonsets } from './daemonsets';
import { jobs } from './jobs';
import { podtemplates } from './podtemplates';
import { replicationcontrollers } from './replicationcontrollers';
import { statefulsets } from './statefulsets';

// Rows of the workload tables, as printers.go (v1.34) prints them (columns: tables.test.ts).
// Every object is created at T0 and printed an hour later, so its AGE is `60m`.
const T0 = '2026-01-01T00:00:00Z';
const context = { now: Date.UTC(2026, 0, 1, 1, 0, 0) };
/** T0 plus `seconds`, as a metav1.Time. */
const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString().replace('.000Z', 'Z');
const meta = (name: string, extra: object = {}) => ({ name, namespace: 'default', creationTimestamp: T0, ...extra });

const template = (containers: Array<[string, string]>, labels: Record<string, string> = { app: 'web' }) => ({
  metadata: { labels },
  spec: { containers: containers.map(([name, image]) => ({ name, image })) },
});

const job = (status: object, spec: object = {}, extra: object = {}): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: meta('pi', extra),
  spec: {
    completions: 1,
    parallelism: 1,
    backoffLimit: 6,
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': '5f3c1c57' } },
    template: template([['pi', 'perl:5.34.0']]),
    ...spec,
  },
  status,
});
const JOB_WIDE = ['pi', 'perl:5.34.0', 'batch.kubernetes.io/controller-uid=5f3c1c57'];
const done = (type: string) => [{ type, status: 'True', lastTransitionTime: at(17) }];

const cronjob = (spec: object, status: object = {}): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: meta('hello'),
  spec: {
    schedule: '*/1 * * * *',
    concurrencyPolicy: 'Allow',
    jobTemplate: { spec: { template: template([['hello', 'busybox:1.28']]) } },
    ...spec,
  },
  status,
});

describe('workload table rows', () => {
  it.each<[string, ResourceType, KubeObject, unknown[]]>([
    [
      'a DaemonSet with its node selector',
      daemonsets,
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: meta('kube-proxy', { namespace: 'kube-system' }),
        spec: {
          selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
          template: {
            metadata: { labels: { 'k8s-app': 'kube-proxy' } },
            spec: {
              nodeSelector: { 'kubernetes.io/os': 'linux' },
              containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.34.0' }],
            },
          },
        },
        status: {
          currentNumberScheduled: 1,
          desiredNumberScheduled: 1,
          numberAvailable: 1,
          numberMisscheduled: 0,
          numberReady: 1,
          updatedNumberScheduled: 1,
        },
      },
      [
        'kube-proxy',
        1,
        1,
        1,
        1,
        1,
        'kubernetes.io/os=linux',
        '60m',
        'kube-proxy',
        'registry.k8s.io/kube-proxy:v1.34.0',
        'k8s-app=kube-proxy',
      ],
    ],
    [
      'a new DaemonSet without a node selector',
      daemonsets,
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: meta('agent'),
        spec: {
          selector: { matchLabels: { app: 'agent' } },
          template: template([
            ['agent', 'fluentd:v1'],
            ['sidecar', 'busybox:1.36'],
          ]),
        },
        status: {},
      },
      ['agent', 0, 0, 0, 0, 0, '<none>', '60m', 'agent,sidecar', 'fluentd:v1,busybox:1.36', 'app=agent'],
    ],
    [
      'a StatefulSet: ready/desired, no selector column',
      statefulsets,
      {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: meta('web'),
        spec: {
          replicas: 3,
          serviceName: 'nginx',
          selector: { matchLabels: { app: 'nginx' } },
          template: template([['nginx', 'registry.k8s.io/nginx-slim:0.24']]),
        },
        status: { replicas: 3, readyReplicas: 2, currentReplicas: 3 },
      },
      ['web', '2/3', '60m', 'nginx', 'registry.k8s.io/nginx-slim:0.24'],
    ],
    [
      'a complete Job: its run time',
      jobs,
      job({
        succeeded: 1,
        startTime: T0,
        completionTime: at(17),
        conditions: [...done('SuccessCriteriaMet'), ...done('Complete')],
      }),
      ['pi', 'Complete', '1/1', '17s', '60m', ...JOB_WIDE],
    ],
    [
      'a running Job: the time since its start',
      jobs,
      job({ active: 1, startTime: at(3300) }),
      ['pi', 'Running', '0/1', '5m', '60m', ...JOB_WIDE],
    ],
    ['a Job not started yet: no duration', jobs, job({}), ['pi', 'Running', '0/1', '', '60m', ...JOB_WIDE]],
    [
      'a failed Job',
      jobs,
      job({
        failed: 7,
        startTime: T0,
        completionTime: at(125),
        conditions: [...done('FailureTarget'), ...done('Failed')],
      }),
      ['pi', 'Failed', '0/1', '2m5s', '60m', ...JOB_WIDE],
    ],
    [
      'a suspended Job',
      jobs,
      job({ conditions: [{ type: 'Suspended', status: 'True' }] }, { suspend: true }),
      ['pi', 'Suspended', '0/1', '', '60m', ...JOB_WIDE],
    ],
    [
      'a Job being deleted',
      jobs,
      job({ active: 1, startTime: T0 }, {}, { deletionTimestamp: at(3590) }),
      ['pi', 'Terminating', '0/1', '60m', '60m', ...JOB_WIDE],
    ],
    [
      'a work-queue Job: `of parallelism`',
      jobs,
      job({ succeeded: 2, active: 3, startTime: T0 }, { completions: undefined, parallelism: 5 }),
      ['pi', 'Running', '2/1 of 5', '60m', '60m', ...JOB_WIDE],
    ],
    [
      'an indexed Job with a condition that is False',
      jobs,
      job({ succeeded: 3, startTime: T0, conditions: [{ type: 'Complete', status: 'False' }] }, { completions: 5 }),
      ['pi', 'Running', '3/5', '60m', '60m', ...JOB_WIDE],
    ],
    [
      'a CronJob that ran a minute ago',
      cronjobs,
      cronjob({ suspend: false }, { active: [{ kind: 'Job', name: 'hello-29450000' }], lastScheduleTime: at(3540) }),
      ['hello', '*/1 * * * *', '<none>', 'False', 1, '60s', '60m', 'hello', 'busybox:1.28', '<none>'],
    ],
    [
      'a suspended CronJob with a time zone that never ran',
      cronjobs,
      cronjob({ suspend: true, timeZone: 'Etc/UTC' }),
      ['hello', '*/1 * * * *', 'Etc/UTC', 'True', 0, '<none>', '60m', 'hello', 'busybox:1.28', '<none>'],
    ],
    [
      'a CronJob without suspend',
      cronjobs,
      cronjob({}),
      ['hello', '*/1 * * * *', '<none>', '<unset>', 0, '<none>', '60m', 'hello', 'busybox:1.28', '<none>'],
    ],
    [
      'a ReplicationController: its map selector',
      replicationcontrollers,
      {
        apiVersion: 'v1',
        kind: 'ReplicationController',
        metadata: meta('nginx'),
        spec: { replicas: 3, selector: { app: 'nginx' }, template: template([['nginx', 'nginx']], { app: 'nginx' }) },
        status: { replicas: 3, readyReplicas: 3, availableReplicas: 3 },
      },
      ['nginx', 3, 3, 3, '60m', 'nginx', 'nginx', 'app=nginx'],
    ],
    [
      'a ControllerRevision of a StatefulSet',
      controllerrevisions,
      {
        apiVersion: 'apps/v1',
        kind: 'ControllerRevision',
        metadata: meta('web-6b4d9b7c8d', {
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'StatefulSet',
              name: 'web',
              uid: 'u1',
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        }),
        data: {},
        revision: 2,
      },
      ['web-6b4d9b7c8d', 'statefulset.apps/web', 2, '60m'],
    ],
    [
      'a ControllerRevision without a controller',
      controllerrevisions,
      {
        apiVersion: 'apps/v1',
        kind: 'ControllerRevision',
        metadata: meta('orphan', { ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u2' }] }),
        revision: 1,
      },
      ['orphan', '<none>', 1, '60m'],
    ],
    [
      'a PodTemplate: no age, the pod labels',
      podtemplates,
      {
        apiVersion: 'v1',
        kind: 'PodTemplate',
        metadata: meta('nginx-template'),
        template: template(
          [
            ['nginx', 'nginx:1.27'],
            ['log', 'busybox:1.36'],
          ],
          { tier: 'web', app: 'nginx' },
        ),
      },
      ['nginx-template', 'nginx,log', 'nginx:1.27,busybox:1.36', 'app=nginx,tier=web'],
    ],
  ])('%s', (_label, type, object, cells) => {
    const row = type.table!.row(object, context);
    expect(row).toEqual(cells);
    expect(row).toHaveLength(type.table!.columns.length);
  });

  it('Job selectable fields: status.successful', () => {
    expect(jobs.selectableFields?.(job({ succeeded: 1 }))).toEqual({ 'status.successful': '1' });
  });
});
