import type { Clock } from '../clock';
import type { KubeObject } from '../api/object';
import type { ObjectStore } from '../api/object-store';
import { formatQuantity } from '../api/quantity';
import type { ResourceType } from '../api/resource';
import { nodes } from '../api/resources/nodes';
import { pods } from '../api/resources/pods';
import { notFound } from '../api/status';
import { column } from '../api/table';
import { goDuration } from '../util/go-duration';
import { formatTime } from '../util/time';
import type { MetricsProvider, NodeMetricsValue, PodMetricsValue } from './types';

/** The group and version metrics-server serves (its APIService v1beta1.metrics.k8s.io). */
export const METRICS_GROUP_VERSION = 'metrics.k8s.io/v1beta1';

/** CPU in nanocores as a Quantity prints it (NewScaledQuantity(n, -9)): `1234567n`, `2m`, `1500u`. */
export function cpuQuantity(nanocores: number): string {
  const n = Math.max(0, Math.floor(nanocores));
  if (n === 0) return '0';
  for (const [suffix, unit] of [
    ['', 1e9],
    ['m', 1e6],
    ['u', 1e3],
  ] as const) {
    if (n % unit === 0) return `${n / unit}${suffix}`;
  }
  return `${n}n`;
}

/** Memory in bytes as a BinarySI Quantity prints it: `3412Ki`, `4Mi`, `1000`. */
export function memoryQuantity(bytes: number): string {
  return formatQuantity({ milli: BigInt(Math.max(0, Math.round(bytes))) * 1000n, format: 'BinarySI' });
}

type Usage = { cpu?: string; memory?: string };
type Containers = Array<{ name: string; usage: Usage }>;

/** The Table metrics-server prints: Name, cpu, memory (summed over containers) and Window. */
const METRICS_TABLE: ResourceType['table'] = {
  columns: [
    column('Name', 'string', 'Name of the resource', 0, 'name'),
    column('cpu', 'string', '', 0, 'quantity'),
    column('memory', 'string', '', 0, 'quantity'),
    column('Window', 'string', '', 0, 'duration'),
  ],
  row(object) {
    const containers = (object.containers ?? [{ usage: object.usage }]) as Containers;
    let cpu = 0;
    let memory = 0;
    for (const { usage } of containers) {
      cpu += nanocores(usage.cpu);
      memory += bytes(usage.memory);
    }
    return [object.metadata?.name ?? '', cpuQuantity(cpu), memoryQuantity(memory), String(object.window ?? '')];
  },
};

function nanocores(text: string | undefined): number {
  const match = /^(\d+)([num]?)$/.exec(text ?? '');
  if (!match) return 0;
  return Number(match[1]) * { n: 1, u: 1e3, m: 1e6, '': 1e9 }[match[2] as 'n' | 'u' | 'm' | ''];
}

function bytes(text: string | undefined): number {
  const match = /^(\d+)(Ki|Mi|Gi)?$/.exec(text ?? '');
  if (!match) return 0;
  return (
    Number(match[1]) * { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, '': 1 }[(match[2] ?? '') as 'Ki' | 'Mi' | 'Gi' | '']
  );
}

const base = (kind: string, plural: string, namespaced: boolean): Omit<ResourceType, 'aggregated'> => ({
  group: 'metrics.k8s.io',
  version: 'v1beta1',
  kind,
  plural,
  singular: '',
  namespaced,
  verbs: ['get', 'list'],
  table: METRICS_TABLE,
});

/** A PodMetrics as metrics-server answers it: the pod's name, namespace and labels, made now. */
function podMetricsObject(value: PodMetricsValue, pod: KubeObject, now: number): KubeObject {
  return {
    kind: 'PodMetrics',
    apiVersion: METRICS_GROUP_VERSION,
    metadata: {
      name: value.name,
      namespace: value.namespace,
      creationTimestamp: formatTime(now),
      ...(pod.metadata?.labels ? { labels: pod.metadata.labels } : {}),
    },
    timestamp: formatTime(value.timestamp),
    window: goDuration(value.windowMs),
    containers: value.containers.map((c) => ({
      name: c.name,
      usage: { cpu: cpuQuantity(c.cpuNanoCores), memory: memoryQuantity(c.memoryBytes) },
    })),
  };
}

/** A NodeMetrics as metrics-server answers it: the node's name and labels, made now. */
function nodeMetricsObject(value: NodeMetricsValue, node: KubeObject, now: number): KubeObject {
  return {
    kind: 'NodeMetrics',
    apiVersion: METRICS_GROUP_VERSION,
    metadata: {
      name: value.name,
      creationTimestamp: formatTime(now),
      ...(node.metadata?.labels ? { labels: node.metadata.labels } : {}),
    },
    timestamp: formatTime(value.timestamp),
    window: goDuration(value.windowMs),
    usage: { cpu: cpuQuantity(value.cpuNanoCores), memory: memoryQuantity(value.memoryBytes) },
  };
}

/** Without the kind and apiVersion, as items of a typed list are encoded. */
const asItem = ({ kind: _kind, apiVersion: _apiVersion, ...rest }: KubeObject): KubeObject => rest as KubeObject;

/**
 * metrics.k8s.io/v1beta1 `nodes` (NodeMetrics) and `pods` (PodMetrics), as metrics-server serves
 * them: values from `provider`, names and labels from the nodes and pods the API has (metrics of
 * objects gone are not served). A get of a pod or node that does not exist answers its NotFound
 * (`pods "x" not found`), of one without metrics `podmetrics.metrics.k8s.io "ns/x" not found`.
 */
export function metricsResources(provider: MetricsProvider, objects: ObjectStore, clock: Clock): ResourceType[] {
  const podMetrics: ResourceType = {
    ...base('PodMetrics', 'pods', true),
    aggregated: {
      list(namespace) {
        const known = new Map(
          objects.list(pods, { namespace }).items.map((p) => [`${p.metadata?.namespace}/${p.metadata?.name}`, p]),
        );
        const now = clock.now();
        return provider.podMetrics(namespace).flatMap((value) => {
          const pod = known.get(`${value.namespace}/${value.name}`);
          return pod ? [asItem(podMetricsObject(value, pod, now))] : [];
        });
      },
      get(namespace, name) {
        const pod = objects.get(pods, namespace, name);
        const value = provider.podMetrics(namespace).find((v) => v.name === name);
        if (!value) throw notFound({ group: 'metrics.k8s.io', resource: 'podmetrics' }, `${namespace}/${name}`);
        return podMetricsObject(value, pod, clock.now());
      },
    },
  };
  const nodeMetrics: ResourceType = {
    ...base('NodeMetrics', 'nodes', false),
    aggregated: {
      list() {
        const known = new Map(objects.list(nodes, {}).items.map((n) => [n.metadata?.name, n]));
        const now = clock.now();
        return provider.nodeMetrics().flatMap((value) => {
          const node = known.get(value.name);
          return node ? [asItem(nodeMetricsObject(value, node, now))] : [];
        });
      },
      get(_namespace, name) {
        const node = objects.get(nodes, undefined, name);
        const value = provider.nodeMetrics().find((v) => v.name === name);
        if (!value) throw notFound({ group: 'metrics.k8s.io', resource: 'nodemetrics' }, name);
        return nodeMetricsObject(value, node, clock.now());
      },
    },
  };
  return [nodeMetrics, podMetrics];
}
