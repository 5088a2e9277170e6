import type { FlagSpec } from '../flags';
import { GeneratorError, str, type GeneratorInput } from './generator';
import { parseLabels } from './labels';
import { applyOverrides } from './overrides';
import { atoi, intOrString } from './validation';

/** `kubectl expose`'s own flags (besides the common output/dry-run ones). */
export const EXPOSE_FLAGS: readonly FlagSpec[] = [
  { name: 'protocol', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'type', type: 'string' },
  { name: 'load-balancer-ip', type: 'string' },
  { name: 'selector', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'target-port', type: 'string' },
  { name: 'external-ip', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'session-affinity', type: 'string' },
  { name: 'cluster-ip', type: 'string' },
  { name: 'overrides', type: 'string' },
  { name: 'override-type', type: 'string' },
  { name: 'record', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringSlice' },
  { name: 'kustomize', short: 'k', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type ContainerPort = { containerPort?: number; protocol?: string; port?: number };

const EXPOSABLE = [
  'ReplicationController',
  'Service',
  'Pod',
  'Deployment.apps',
  'ReplicaSet.apps',
  'Deployment.extensions',
  'ReplicaSet.extensions',
];

/** The object's GroupKind as Go prints it (`Deployment.apps`, `Pod`). */
function groupKind(object: Json): string {
  const apiVersion = String(object.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  return group ? `${object.kind}.${group}` : String(object.kind);
}

/** polymorphichelpers.MakeLabels, in the map's (sorted) order. */
const makeLabels = (labels: Record<string, string>): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

/** mapBasedSelectorForObject. */
function selectorFor(object: Json, kind: string): string {
  if (kind === 'ReplicationController') return makeLabels(object.spec?.selector ?? {});
  if (kind === 'Pod') {
    if (!Object.keys(object.metadata?.labels ?? {}).length)
      throw new Error('the pod has no labels and cannot be exposed');
    return makeLabels(object.metadata.labels);
  }
  if (kind === 'Service') {
    if (!object.spec?.selector) throw new Error('the service has no pod selector set');
    return makeLabels(object.spec.selector);
  }
  const selector = object.spec?.selector;
  const what = kind.startsWith('Deployment') ? 'deployment' : 'replicaset';
  if (!selector || !Object.keys(selector.matchLabels ?? {}).length) {
    throw new Error(`invalid ${what}: no selectors, therefore cannot be exposed`);
  }
  if (selector.matchExpressions?.length) {
    const expressions = (selector.matchExpressions as Array<{ key: string; operator: string; values?: string[] }>)
      .map((e) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`)
      .join(' ');
    throw new Error(`couldn't convert expressions - "[${expressions}]" to map-based selector format`);
  }
  return makeLabels(selector.matchLabels);
}

/** The exposed object's ports (unique, in order) and each port's protocols (getPorts, getMultiProtocols). */
function portsFor(object: Json, kind: string): { ports: string[]; protocols: Map<string, string[]> } {
  const list: ContainerPort[] =
    kind === 'Service'
      ? (object.spec?.ports ?? []).map((p: ContainerPort) => ({ containerPort: p.port, protocol: p.protocol }))
      : ((kind === 'Pod' ? object.spec : object.spec?.template?.spec)?.containers ?? []).flatMap(
          (c: { ports?: ContainerPort[] }) => c.ports ?? [],
        );
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  for (const p of list) {
    const key = String(p.containerPort ?? 0);
    if (!ports.includes(key)) ports.push(key);
    protocols.set(key, [...(protocols.get(key) ?? []), p.protocol || 'TCP']);
  }
  return { ports, protocols };
}

/**
 * The Service `kubectl expose TYPE NAME` builds from `exposed` (the object as fetched) and the
 * flags, with expose.go's errors; --overrides applied.
 */
export function buildExposedService(exposed: object, input: GeneratorInput): unknown {
  const object = exposed as Json;
  const kind = groupKind(object);
  if (!EXPOSABLE.includes(kind)) throw new GeneratorError(`cannot expose a ${kind}`);
  const baseKind = String(object.kind);
  let selectorText = str(input, 'selector');
  if (!selectorText) {
    try {
      selectorText = selectorFor(object, baseKind);
    } catch (error) {
      throw new GeneratorError(
        `couldn't retrieve selectors via --selector flag or introspection: ${(error as Error).message}`,
      );
    }
  }
  const clusterIP = str(input, 'cluster-ip');
  const found = portsFor(object, baseKind);
  let portText = str(input, 'port');
  if (!portText) {
    if (found.ports.length === 0 && clusterIP !== 'None') {
      throw new GeneratorError("couldn't find port via --port flag or introspection");
    }
    portText = found.ports.join(',');
  }
  const labelText = str(input, 'labels') || makeLabels(object.metadata?.labels ?? {});
  if (!selectorText) throw new GeneratorError('selector must be specified');
  const selector = parseLabels(selectorText);
  const labels = labelText ? parseLabels(labelText) : undefined;
  const name = str(input, 'name') || String(object.metadata?.name ?? '').slice(0, 63);
  const protocol = str(input, 'protocol');
  const ports: Array<Record<string, unknown>> = [];
  const portList = portText ? portText.split(',') : [];
  portList.forEach((text, i) => {
    const port = atoi(text);
    if (typeof port === 'string') throw new GeneratorError(port);
    const portName = portList.length > 1 ? `port-${i + 1}` : '';
    const known = found.protocols.get(text);
    if (!protocol && known && known.length > 1) {
      for (const p of known) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, protocol: p, port });
      return;
    }
    ports.push({ ...(portName ? { name: portName } : {}), protocol: protocol || known?.[0] || 'TCP', port });
  });
  const targetText = str(input, 'target-port');
  for (const p of ports) p.targetPort = targetText ? intOrString(targetText) : p.port;
  const type = str(input, 'type');
  const affinity = str(input, 'session-affinity');
  if (affinity && affinity !== 'None' && affinity !== 'ClientIP') {
    throw new GeneratorError(`unknown session affinity: ${affinity}`);
  }
  const externalIP = str(input, 'external-ip');
  const loadBalancerIP = type === 'LoadBalancer' ? str(input, 'load-balancer-ip') : '';
  const service = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, ...(labels ? { labels } : {}) },
    spec: {
      ...(ports.length ? { ports } : {}),
      selector,
      ...(clusterIP ? { clusterIP } : {}),
      ...(type ? { type } : {}),
      ...(externalIP ? { externalIPs: [externalIP] } : {}),
      ...(affinity ? { sessionAffinity: affinity } : {}),
      ...(loadBalancerIP ? { loadBalancerIP } : {}),
    },
    status: { loadBalancer: {} },
  };
  const result = applyOverrides(
    service,
    str(input, 'overrides'),
    str(input, 'override-type', 'merge'),
    'v1.Service',
  ) as Json;
  if (input.enforceNamespace)
    result.metadata = { name: result.metadata.name, namespace: input.namespace, ...result.metadata };
  return result;
}
