import { describe, expect, it } from 'vitest';
import type { KubeObject } from './object';
import { quotaV1Pod } from './quota-pods';
import { formatResourceList } from './quota-resources';
import { evaluatorFor, matchesScopes, quotaScopes, usageStats, type QuotaSpec } from './quota-usage';

const NOW = Date.UTC(2026, 0, 1);
const pods = evaluatorFor('', 'pods')!;
const usage = (group: string, resource: string, object: KubeObject, now = NOW) =>
  formatResourceList(evaluatorFor(group, resource)!.usage(object, now));

const container = (name: string, requests: object = {}, limits: object = {}, extra: object = {}) => ({
  name,
  image: 'nginx',
  resources: { requests, limits },
  ...extra,
});

describe('pod usage', () => {
  it('sums containers, adds sidecars, raises to the largest init container, adds the overhead', () => {
    const pod = {
      spec: {
        initContainers: [
          container('sidecar', { cpu: '100m', memory: '64Mi' }, { memory: '64Mi' }, { restartPolicy: 'Always' }),
          container('migrate', { cpu: '2', memory: '32Mi' }),
        ],
        containers: [
          container('a', { cpu: '250m', memory: '128Mi' }, { cpu: '500m' }),
          container('b', { cpu: '250m' }),
        ],
        overhead: { cpu: '10m', memory: '1Mi' },
      },
    };
    // cpu: max(250m+250m+100m, 2+100m) + 10m; memory: 128Mi+64Mi (> 32Mi+64Mi) + 1Mi.
    expect(usage('', 'pods', pod)).toEqual({
      'count/pods': '1',
      cpu: '2110m',
      'limits.cpu': '510m',
      'limits.memory': '65Mi',
      memory: '193Mi',
      pods: '1',
      'requests.cpu': '2110m',
      'requests.memory': '193Mi',
    });
  });

  it('lets pod-level resources replace the containers’ cpu and memory; counts storage, hugepages, extended', () => {
    const pod = {
      spec: {
        resources: { requests: { cpu: '1' }, limits: { cpu: '2' } },
        containers: [
          container(
            'a',
            { cpu: '100m', 'ephemeral-storage': '1Gi', 'hugepages-2Mi': '4Mi', 'example.com/gpu': '1' },
            { 'ephemeral-storage': '2Gi' },
          ),
        ],
      },
    };
    expect(usage('', 'pods', pod)).toEqual({
      'count/pods': '1',
      cpu: '1',
      'ephemeral-storage': '1Gi',
      'hugepages-2Mi': '4Mi',
      'limits.cpu': '2',
      'limits.ephemeral-storage': '2Gi',
      pods: '1',
      'requests.cpu': '1',
      'requests.ephemeral-storage': '1Gi',
      'requests.example.com/gpu': '1',
      'requests.hugepages-2Mi': '4Mi',
    });
  });

  it.each(['Succeeded', 'Failed'])('charges a %s pod only as a stored object', (phase) => {
    const pod = { spec: { containers: [container('a', { cpu: '1' })] }, status: { phase } };
    expect(usage('', 'pods', pod)).toEqual({ 'count/pods': '1' });
  });

  it('charges a pod being deleted until its deletionTimestamp plus its grace period has passed', () => {
    const deleting = { metadata: { deletionTimestamp: '2026-01-01T00:00:30Z', deletionGracePeriodSeconds: 30 } };
    expect(quotaV1Pod(deleting, Date.parse('2026-01-01T00:01:00Z'))).toBe(true);
    expect(quotaV1Pod(deleting, Date.parse('2026-01-01T00:01:00Z') + 1)).toBe(false);
    expect(quotaV1Pod({ metadata: { deletionTimestamp: '2026-01-01T00:00:30Z' } }, NOW + 3600_000)).toBe(true);
  });
});

describe('service, claim and object-count usage', () => {
  it.each([
    [{ type: 'ClusterIP', ports: [{ port: 80 }] }, '0', '0'],
    [{ type: 'NodePort', ports: [{ port: 80 }, { port: 443 }] }, '0', '2'],
    [{ type: 'LoadBalancer', ports: [{ port: 80 }, { port: 443 }] }, '1', '2'],
    [
      {
        type: 'LoadBalancer',
        allocateLoadBalancerNodePorts: false,
        ports: [{ port: 80, nodePort: 30080 }, { port: 443 }],
      },
      '1',
      '1',
    ],
  ])('%j takes %s load balancers and %s node ports', (spec, loadBalancers, nodePorts) => {
    expect(usage('', 'services', { spec })).toEqual({
      'count/services': '1',
      services: '1',
      'services.loadbalancers': loadBalancers,
      'services.nodeports': nodePorts,
    });
  });

  it('charges a claim its request (or more if allocated), also by storage class', () => {
    const claim = {
      spec: { storageClassName: 'fast', resources: { requests: { storage: '1Gi' } } },
      status: { allocatedResources: { storage: '2Gi' } },
    };
    expect(usage('', 'persistentvolumeclaims', claim)).toEqual({
      'count/persistentvolumeclaims': '1',
      'fast.storageclass.storage.k8s.io/persistentvolumeclaims': '1',
      'fast.storageclass.storage.k8s.io/requests.storage': '2Gi',
      persistentvolumeclaims: '1',
      'requests.storage': '2Gi',
    });
  });

  it('counts other objects by count/<resource>.<group>, with the legacy names for the core ones', () => {
    expect(usage('', 'configmaps', {})).toEqual({ configmaps: '1', 'count/configmaps': '1' });
    expect(usage('apps', 'deployments', {})).toEqual({ 'count/deployments.apps': '1' });
    expect(evaluatorFor('', 'events')).toBeUndefined();
  });
});

describe('scopes', () => {
  const bestEffort = { spec: { containers: [container('a')] } };
  const burstable = { spec: { containers: [container('a', { cpu: '100m' })], activeDeadlineSeconds: 60 } };
  const high = { spec: { containers: [container('a')], priorityClassName: 'high' } };
  const matching = (spec: QuotaSpec) =>
    Object.entries({ bestEffort, burstable, high })
      .filter(([, pod]) => matchesScopes(pods, quotaScopes(spec), pod))
      .map(([name]) => name);

  it.each<[QuotaSpec, string[]]>([
    [{}, ['bestEffort', 'burstable', 'high']],
    [{ scopes: ['BestEffort'] }, ['bestEffort', 'high']],
    [{ scopes: ['NotBestEffort'] }, ['burstable']],
    [{ scopes: ['Terminating'] }, ['burstable']],
    [{ scopes: ['NotTerminating', 'BestEffort'] }, ['bestEffort', 'high']],
    [
      { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['high'] }] } },
      ['high'],
    ],
    [
      { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'NotIn', values: ['high'] }] } },
      ['bestEffort', 'burstable'],
    ],
    [{ scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'Exists' }] } }, ['high']],
    [
      { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'DoesNotExist' }] } },
      ['bestEffort', 'burstable'],
    ],
  ])('%j selects %j', (spec, expected) => {
    expect(matching(spec)).toEqual(expected);
  });

  it('counts no services or object counts in a scoped quota, and zero for what nothing uses', () => {
    const services = evaluatorFor('', 'services')!;
    const scoped = usageStats(services, ['services'], quotaScopes({ scopes: ['BestEffort'] }), [{ spec: {} }], NOW);
    expect(formatResourceList(scoped)).toEqual({ services: '0' });
    const unscoped = usageStats(pods, ['pods', 'requests.cpu'], [], [bestEffort, burstable], NOW);
    expect(formatResourceList(unscoped)).toMatchObject({ pods: '2', 'requests.cpu': '100m' });
  });
});
