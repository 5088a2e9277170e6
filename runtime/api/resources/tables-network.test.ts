import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../object';
import type { ResourceType } from '../resource';
import { endpointslices } from './endpointslices';
import { horizontalpodautoscalers } from './horizontalpodautoscalers';
import { ingressclasses } from './ingressclasses';
import { ingresses } from './ingresses';
import { networkpolicies } from './networkpolicies';

// Rows of the autoscaling and networking tables, as printers.go (v1.34) prints them (columns:
// tables.test.ts). Objects are created at T0 and printed an hour later (`60m`).
const T0 = '2026-01-01T00:00:00Z';
const context = { now: Date.UTC(2026, 0, 1, 1, 0, 0) };
const meta = (name: string, extra: object = {}) => ({ name, namespace: 'default', creationTimestamp: T0, ...extra });

const hpa = (metrics: object[] | undefined, currentMetrics?: object[], minReplicas: number | null = 1): KubeObject => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: meta('php-apache'),
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' },
    minReplicas,
    maxReplicas: 10,
    metrics,
  },
  status: { currentReplicas: 1, desiredReplicas: 1, currentMetrics },
});
const resource = (name: string, target: object) => ({ type: 'Resource', resource: { name, target } });
const current = (name: string, value: object) => ({ type: 'Resource', resource: { name, current: value } });

const ingress = (spec: object, ingressPoints: object[] = []): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: meta('example-ingress'),
  spec,
  status: { loadBalancer: { ingress: ingressPoints } },
});
const rule = (host?: string) => ({
  ...(host ? { host } : {}),
  http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 8080 } } } }] },
});

describe('autoscaling and networking table rows', () => {
  it.each<[string, ResourceType, KubeObject, unknown[]]>([
    [
      'an HPA before metrics arrive',
      horizontalpodautoscalers,
      hpa([resource('cpu', { type: 'Utilization', averageUtilization: 50 })]),
      ['php-apache', 'Deployment/php-apache', 'cpu: <unknown>/50%', '1', 10, 1, '60m'],
    ],
    [
      'an HPA with utilization and value targets (quantities as Quantity.String() prints them)',
      horizontalpodautoscalers,
      hpa(
        [
          resource('cpu', { type: 'Utilization', averageUtilization: 50 }),
          resource('memory', { type: 'AverageValue', averageValue: '1024Mi' }),
        ],
        [
          current('cpu', { averageUtilization: 0, averageValue: '1m' }),
          current('memory', { averageValue: '54525952' }),
        ],
      ),
      ['php-apache', 'Deployment/php-apache', 'cpu: 0%/50%, memory: 54525952/1Gi', '1', 10, 1, '60m'],
    ],
    [
      'an HPA with more than two metrics and no minReplicas',
      horizontalpodautoscalers,
      hpa(
        [
          {
            type: 'Pods',
            pods: { metric: { name: 'packets-per-second' }, target: { type: 'AverageValue', averageValue: '1k' } },
          },
          {
            type: 'External',
            external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } },
          },
          { type: 'Object', object: { metric: { name: 'requests' }, target: { type: 'Value', value: '10k' } } },
        ],
        [{ type: 'Pods', pods: { metric: { name: 'packets-per-second' }, current: { averageValue: '1500m' } } }],
        null,
      ),
      ['php-apache', 'Deployment/php-apache', '1500m/1k, <unknown>/30 (avg) + 1 more...', '<unset>', 10, 1, '60m'],
    ],
    [
      'an HPA without metrics',
      horizontalpodautoscalers,
      hpa(undefined),
      ['php-apache', 'Deployment/php-apache', '<none>', '1', 10, 1, '60m'],
    ],
    [
      'an Ingress with a class and an address',
      ingresses,
      ingress({ ingressClassName: 'nginx', rules: [rule('hello-world.example')] }, [{ ip: '192.168.49.2' }]),
      ['example-ingress', 'nginx', 'hello-world.example', '192.168.49.2', '80', '60m'],
    ],
    [
      'an Ingress without class, host or address; TLS opens 443',
      ingresses,
      ingress({ tls: [{ hosts: ['a.example'], secretName: 'tls' }], rules: [rule()] }),
      ['example-ingress', '<none>', '*', '', '80, 443', '60m'],
    ],
    [
      'an Ingress with many rules; addresses sorted and deduplicated',
      ingresses,
      ingress(
        {
          ingressClassName: 'nginx',
          rules: [rule('a.example'), rule(), rule('b.example'), rule('c.example'), rule('d.example')],
        },
        [{ ip: '10.0.0.2' }, { hostname: 'lb.example' }, { ip: '10.0.0.1' }, { ip: '10.0.0.2' }],
      ),
      [
        'example-ingress',
        'nginx',
        'a.example,b.example,c.example + 2 more...',
        '10.0.0.1,10.0.0.2,lb.example',
        '80',
        '60m',
      ],
    ],
    [
      'the default IngressClass, without a marker in v1.34',
      ingressclasses,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: {
          name: 'nginx',
          creationTimestamp: T0,
          annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
        },
        spec: { controller: 'k8s.io/ingress-nginx' },
      },
      ['nginx', 'k8s.io/ingress-nginx', '<none>', '60m'],
    ],
    [
      'an IngressClass with parameters',
      ingressclasses,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'IngressClass',
        metadata: { name: 'external-lb', creationTimestamp: T0 },
        spec: {
          controller: 'example.com/ingress-controller',
          parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'external-lb', scope: 'Cluster' },
        },
      },
      ['external-lb', 'example.com/ingress-controller', 'IngressParameters.k8s.example.com/external-lb', '60m'],
    ],
    [
      'a NetworkPolicy with a pod selector',
      networkpolicies,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: meta('test-network-policy'),
        spec: { podSelector: { matchLabels: { role: 'db' } }, policyTypes: ['Ingress'] },
      },
      ['test-network-policy', 'role=db', '60m'],
    ],
    [
      'a default-deny NetworkPolicy (empty selector)',
      networkpolicies,
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: meta('default-deny'),
        spec: { podSelector: {}, policyTypes: ['Ingress'] },
      },
      ['default-deny', '<none>', '60m'],
    ],
    [
      'the kubernetes EndpointSlice',
      endpointslices,
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: meta('kubernetes', { labels: { 'kubernetes.io/service-name': 'kubernetes' } }),
        addressType: 'IPv4',
        endpoints: [{ addresses: ['192.168.49.2'], conditions: { ready: true, serving: true, terminating: false } }],
        ports: [{ name: 'https', port: 8443, protocol: 'TCP' }],
      },
      ['kubernetes', 'IPv4', '8443', '192.168.49.2', '60m'],
    ],
    [
      'an EndpointSlice with many endpoints and unnumbered ports',
      endpointslices,
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: meta('web-x7k2p'),
        addressType: 'IPv4',
        endpoints: ['10.244.0.3', '10.244.0.4', '10.244.0.5', '10.244.0.6', '10.244.0.7'].map((ip) => ({
          addresses: [ip],
        })),
        ports: [{ name: 'http' }, {}],
      },
      ['web-x7k2p', 'IPv4', 'http,*', '10.244.0.3,10.244.0.4,10.244.0.5 + 2 more...', '60m'],
    ],
    [
      'an EndpointSlice without endpoints or ports',
      endpointslices,
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: meta('empty-abcde'),
        addressType: 'IPv6',
        endpoints: null,
        ports: null,
      },
      ['empty-abcde', 'IPv6', '<unset>', '<unset>', '60m'],
    ],
  ])('%s', (_label, type, object, cells) => {
    const row = type.table!.row(object, context);
    expect(row).toEqual(cells);
    expect(row).toHaveLength(type.table!.columns.length);
  });
});
