import type { KubeObject } from './object';
import type { ObjectStore } from './object-store';
import { connectionRefused, DialError, type ClusterNetwork } from './node-connection';
import { kubeletEndpoint } from './pod-connect';
import type { RequestInfo } from './request-info';
import { endpoints } from './resources/endpoints';
import { pods } from './resources/pods';
import { services } from './resources/services';
import { badRequest, serviceUnavailable } from './status';
import type { ApiRequest, ApiResponse } from './types';

// pods/proxy, services/proxy and nodes/proxy: the API server as a reverse proxy to a pod, a
// service's endpoint or a node (ResourceLocation in pkg/registry/core/{pod,service,node}, and
// apimachinery's proxy transport and upgrade-aware handler).

/** `name`, `name:port` or `scheme:name:port` (utilnet.SplitSchemeNamePort). */
function splitSchemeNamePort(id: string): { name: string; port: string } | undefined {
  const parts = id.split(':');
  if (parts.length > 3) return undefined;
  const [scheme, name, port] = parts.length === 3 ? parts : ['', parts[0], parts[1] ?? ''];
  return name && ['', 'http', 'https'].includes(scheme) ? { name, port } : undefined;
}

/** Where a pod proxy goes: the pod IP and the port asked for, or the first declared port. */
function podLocation(objects: ObjectStore, namespace: string, id: string): { ip: string; port: number } {
  const split = splitSchemeNamePort(id);
  if (!split) throw badRequest(`invalid pod request ${JSON.stringify(id)}`);
  const pod = objects.get(pods, namespace, split.name);
  let port = split.port;
  if (port === '') {
    const containers = ((pod.spec as { containers?: Array<{ ports?: Array<{ containerPort?: number }> }> })
      ?.containers ?? []) as Array<{ ports?: Array<{ containerPort?: number }> }>;
    const declared = containers.find((c) => (c.ports ?? []).length > 0);
    if (declared) port = String(declared.ports?.[0].containerPort);
  }
  const ip = (pod.status as { podIP?: string } | undefined)?.podIP ?? '';
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) throw badRequest('address not allowed');
  return { ip, port: port === '' ? 80 : Number(port) };
}

interface EndpointSubset {
  addresses?: Array<{ ip: string }>;
  ports?: Array<{ name?: string; port: number }>;
}

/** Where a service proxy goes: a ready endpoint of the named (or numbered) service port. */
function serviceLocation(
  objects: ObjectStore,
  namespace: string,
  id: string,
  pick: (n: number) => number,
): { ip: string; port: number } {
  const split = splitSchemeNamePort(id);
  if (!split) throw badRequest(`invalid service request ${JSON.stringify(id)}`);
  let portName = split.port;
  if (/^\d+$/.test(portName)) {
    const service = objects.get(services, namespace, split.name);
    const ports = (service.spec as { ports?: Array<{ name?: string; port: number }> } | undefined)?.ports ?? [];
    const found = ports.find((p) => p.port === Number(portName));
    if (!found) {
      throw serviceUnavailable(`no service port ${Number(portName)} found for service ${JSON.stringify(split.name)}`);
    }
    portName = found.name ?? '';
  }
  const subsets = ((objects.get(endpoints, namespace, split.name) as KubeObject & { subsets?: EndpointSubset[] })
    .subsets ?? []) as EndpointSubset[];
  if (subsets.length === 0)
    throw serviceUnavailable(`no endpoints available for service ${JSON.stringify(split.name)}`);
  const start = pick(subsets.length);
  for (let i = 0; i < subsets.length; i++) {
    const subset = subsets[(start + i) % subsets.length];
    const addresses = subset.addresses ?? [];
    if (addresses.length === 0) continue;
    const port = (subset.ports ?? []).find((p) => (p.name ?? '') === portName);
    if (port) return { ip: addresses[pick(addresses.length)].ip, port: port.port };
  }
  throw serviceUnavailable(`no endpoints available for service ${JSON.stringify(id)}`);
}

/** Where a node proxy goes: the node's kubelet, or another port on the node's address. */
function nodeLocation(objects: ObjectStore, id: string): { ip: string; port: number; kubelet: boolean } {
  const split = splitSchemeNamePort(id);
  if (!split) throw badRequest(`invalid node request ${JSON.stringify(id)}`);
  const endpoint = kubeletEndpoint(objects, split.name);
  const port = split.port === '' ? endpoint.port : Number(split.port);
  return { ip: endpoint.address, port, kubelet: port === endpoint.port };
}

/** Serves a …/proxy request through `network`, relaying the backend's answer as it is. */
export async function proxy(
  objects: ObjectStore,
  network: ClusterNetwork,
  request: ApiRequest,
  info: RequestInfo,
  pick: (n: number) => number,
): Promise<ApiResponse> {
  const id = info.name as string;
  const query = request.path.includes('?') ? request.path.slice(request.path.indexOf('?')) : '';
  const location =
    info.resource === 'pods'
      ? { ...podLocation(objects, info.namespace ?? 'default', id), kubelet: false }
      : info.resource === 'services'
        ? { ...serviceLocation(objects, info.namespace ?? 'default', id, pick), kubelet: false }
        : nodeLocation(objects, id);
  // An empty path is redirected to the same path with a slash (upgradeaware.go, issue 4958).
  if (info.proxyPath === '') {
    return { status: 301, headers: { location: `${info.path}/${query}` }, body: '' };
  }
  const forwarded: ApiRequest = { ...request, path: `${info.proxyPath}${query}` };
  try {
    if (location.kubelet) {
      const kubelet = network.kubelet(location.ip, location.port);
      if (kubelet) return await kubelet.serve(forwarded);
      throw connectionRefused(location.ip, location.port);
    }
    return await network.http(location.ip, location.port, forwarded);
  } catch (error) {
    if (error instanceof DialError) throw serviceUnavailable(`error trying to reach service: ${error.message}`);
    throw error;
  }
}
