import { fromBase64Text } from '../util/base64url';
import type { ObjectSources } from './object-sources';
import type { ContainerSpecJson, Json, Pod } from './pod-types';

/** A container's environment could not be built: CreateContainerConfigError with this message. */
export class ContainerConfigError extends Error {}

/** A Service as environment variables see it. */
export interface ServiceEnvSource {
  name: string;
  clusterIP: string;
  ports: Array<{ name?: string; port: number; protocol?: string }>;
}

/** The docker-links style variables of one service (`KUBERNETES_SERVICE_HOST`, `KUBERNETES_PORT_443_TCP`, …). */
export function serviceEnv(service: ServiceEnvSource): Record<string, string> {
  const env: Record<string, string> = {};
  const prefix = service.name.toUpperCase().replace(/-/g, '_');
  const [first] = service.ports;
  if (!first || !service.clusterIP || service.clusterIP === 'None') return env;
  env[`${prefix}_SERVICE_HOST`] = service.clusterIP;
  env[`${prefix}_SERVICE_PORT`] = String(first.port);
  for (const port of service.ports) {
    if (port.name) env[`${prefix}_SERVICE_PORT_${port.name.toUpperCase().replace(/-/g, '_')}`] = String(port.port);
  }
  const proto = (first.protocol ?? 'TCP').toLowerCase();
  env[`${prefix}_PORT`] = `${proto}://${service.clusterIP}:${first.port}`;
  for (const port of service.ports) {
    const p = (port.protocol ?? 'TCP').toLowerCase();
    const base = `${prefix}_PORT_${port.port}_${p.toUpperCase()}`;
    env[base] = `${p}://${service.clusterIP}:${port.port}`;
    env[`${base}_PROTO`] = p;
    env[`${base}_PORT`] = String(port.port);
    env[`${base}_ADDR`] = service.clusterIP;
  }
  return env;
}

/** `$(VAR)` references expanded from `env`; `$$` escapes, unknown references stay as written. */
export function expandVars(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (match, name: string | undefined) =>
    match === '$$' ? '$' : name !== undefined && name in env ? env[name] : match,
  );
}

/** A pod field as the downward API reads it (`metadata.name`, `status.podIP`, `metadata.labels['app']`). */
export function podField(pod: Pod, path: string, nodeName: string, podIP: string, hostIP: string): string {
  const meta = pod.metadata ?? {};
  const mapKey = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (mapKey) return (meta[mapKey[1] as 'labels'] ?? {})[mapKey[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return meta.name ?? '';
    case 'metadata.namespace':
      return meta.namespace ?? '';
    case 'metadata.uid':
      return meta.uid ?? '';
    case 'metadata.labels':
    case 'metadata.annotations': {
      const map = (path === 'metadata.labels' ? meta.labels : meta.annotations) ?? {};
      return Object.keys(map)
        .sort()
        .map((k) => `${k}="${map[k]}"`)
        .join('\n');
    }
    case 'spec.nodeName':
      return nodeName;
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? '';
    case 'status.podIP':
    case 'status.podIPs':
      return podIP;
    case 'status.hostIP':
    case 'status.hostIPs':
      return hostIP;
    default:
      return '';
  }
}

/** Reads ConfigMaps and Secrets for one container start, each once. */
class SourceCache {
  private readonly cache = new Map<string, Promise<Json | undefined>>();

  constructor(
    private readonly sources: ObjectSources,
    private readonly namespace: string,
    private readonly podUid: string,
  ) {}

  get(kind: 'ConfigMap' | 'Secret', name: string): Promise<Json | undefined> {
    const key = `${kind}/${name}`;
    let entry = this.cache.get(key);
    if (!entry) {
      entry = this.sources.get(kind, this.namespace, name, this.podUid);
      this.cache.set(key, entry);
    }
    return entry;
  }

  /** The value of `key` in a ConfigMap or Secret (decoded), or undefined when it is absent. */
  async value(kind: 'ConfigMap' | 'Secret', name: string, key: string, optional: boolean): Promise<string | undefined> {
    const object = await this.get(kind, name);
    const what = kind === 'ConfigMap' ? 'configmap' : 'secret';
    if (!object) {
      if (optional) return undefined;
      throw new ContainerConfigError(`${what} "${name}" not found`);
    }
    const value = kind === 'ConfigMap' ? (object.data?.[key] ?? object.binaryData?.[key]) : object.data?.[key];
    if (value === undefined) {
      if (optional) return undefined;
      throw new ContainerConfigError(`couldn't find key ${key} in ${kind} ${this.namespace}/${name}`);
    }
    return kind === 'Secret' ? fromBase64Text(value) : value;
  }
}

const RESOURCE_DIVISORS: Record<string, number> = {
  '': 1,
  '1': 1,
  m: 0.001,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
};

/** A container resource for the downward API (limits default to the node's allocatable). */
function resourceField(container: ContainerSpecJson, ref: Json, allocatable: Record<string, number>): string {
  const [kind, name] = String(ref.resource).split('.');
  const text: string | undefined = container.resources?.[kind]?.[name];
  let value = text !== undefined ? parseQuantityNumber(text) : kind === 'limits' ? (allocatable[name] ?? 0) : 0;
  const divisor = parseQuantityNumber(ref.divisor ?? '1') || 1;
  value = Math.ceil(value / divisor);
  return String(value);
}

function parseQuantityNumber(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([a-zA-Z]*)$/.exec(String(text));
  if (!match) return 0;
  return Number(match[1]) * (RESOURCE_DIVISORS[match[2]] ?? 1);
}

/** What the environment is built from besides the pod. */
export interface EnvContext {
  sources: ObjectSources;
  nodeName: string;
  podIP: string;
  hostIP: string;
  imageEnv: Record<string, string>;
  services: ServiceEnvSource[];
  allocatable: Record<string, number>;
}

/**
 * The environment of `container` as the kubelet builds it (kubelet_pods.go makeEnvironmentVariables):
 * the image's, service links, `envFrom` in order, then `env` with `$(VAR)` expanded against what
 * came before; a missing non-optional source throws ContainerConfigError with the kubelet's text.
 */
export async function containerEnv(
  pod: Pod,
  container: ContainerSpecJson,
  ctx: EnvContext,
): Promise<Record<string, string>> {
  const namespace = pod.metadata?.namespace ?? 'default';
  const sources = new SourceCache(ctx.sources, namespace, pod.metadata?.uid ?? '');
  const env: Record<string, string> = {
    PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ...ctx.imageEnv,
  };
  env.HOSTNAME = pod.spec.hostname ?? pod.metadata?.name ?? '';
  // The master service's variables are always set; the namespace's others unless links are off.
  for (const service of ctx.services) {
    if (service.name === 'kubernetes' || pod.spec.enableServiceLinks !== false) Object.assign(env, serviceEnv(service));
  }
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
    const object = await sources.get(kind, ref.name);
    if (!object) {
      if (ref.optional) continue;
      throw new ContainerConfigError(`${kind === 'ConfigMap' ? 'configmap' : 'secret'} "${ref.name}" not found`);
    }
    for (const [key, value] of Object.entries((object.data ?? {}) as Record<string, string>)) {
      env[`${from.prefix ?? ''}${key}`] = kind === 'Secret' ? fromBase64Text(value) : value;
    }
  }
  const own: Record<string, string> = {};
  for (const variable of container.env ?? []) {
    const from = variable.valueFrom;
    let value: string | undefined;
    if (!from) value = expandVars(variable.value ?? '', { ...env, ...own });
    else if (from.configMapKeyRef) {
      value = await sources.value(
        'ConfigMap',
        from.configMapKeyRef.name,
        from.configMapKeyRef.key,
        !!from.configMapKeyRef.optional,
      );
    } else if (from.secretKeyRef) {
      value = await sources.value(
        'Secret',
        from.secretKeyRef.name,
        from.secretKeyRef.key,
        !!from.secretKeyRef.optional,
      );
    } else if (from.fieldRef) value = podField(pod, from.fieldRef.fieldPath, ctx.nodeName, ctx.podIP, ctx.hostIP);
    else if (from.resourceFieldRef) {
      const target = from.resourceFieldRef.containerName
        ? ((pod.spec.containers as ContainerSpecJson[]).find((c) => c.name === from.resourceFieldRef.containerName) ??
          container)
        : container;
      value = resourceField(target, from.resourceFieldRef, ctx.allocatable);
    }
    if (value !== undefined) own[variable.name] = value;
  }
  return { ...env, ...own };
}
