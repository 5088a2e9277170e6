import { groupVersion, type ResourceType } from './resource';
import type { ResourceRegistry } from './registry';
import { base64, sha256 } from '../util/sha256';

/** The Content-Type that marks aggregated discovery (kubectl ignores the body without it). */
export const AGGREGATED_DISCOVERY_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** The API server's address as minikube's clients see it. */
const SERVER_ADDRESS = '192.168.49.2:8443';

/**
 * discovery's storageVersionHash: base64 of the first 8 bytes of sha256("group/version/Kind") of
 * the version stored (events.k8s.io Events are stored as core v1 Events, and share its hash).
 */
export function storageVersionHash(type: ResourceType): string {
  const group = type.storage ? type.storage.group : type.group;
  const version = type.storage ? 'v1' : type.version;
  return base64(sha256(`${group}/${version}/${type.kind}`).slice(0, 8));
}

/** `GET /api`. */
export function apiVersions(): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: SERVER_ADDRESS }],
  };
}

function groupEntry(name: string, versions: string[]): unknown {
  const list = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: list, preferredVersion: list[0] };
}

/** `GET /apis`. */
export function apiGroupList(registry: ResourceRegistry): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: registry
      .groups()
      .filter((g) => g.name !== '')
      .map((g) => groupEntry(g.name, g.versions)),
  };
}

/** `GET /apis/<group>`, or undefined for a group the server does not serve. */
export function apiGroup(registry: ResourceRegistry, name: string): unknown {
  const group = registry.groups().find((g) => g.name === name && name !== '');
  return group && { kind: 'APIGroup', apiVersion: 'v1', ...(groupEntry(group.name, group.versions) as object) };
}

/** `GET /api/v1` or `/apis/<group>/<version>`: the legacy APIResourceList. */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string): unknown {
  const types = registry.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  const resources: unknown[] = [];
  for (const type of types) {
    resources.push({
      name: type.plural,
      singularName: type.singular,
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: type.verbs,
      ...(type.shortNames ? { shortNames: type.shortNames } : {}),
      ...(type.categories ? { categories: type.categories } : {}),
      // Reviews and aggregated APIs' resources are never stored, so they have no storage version.
      ...(type.review || type.aggregated ? {} : { storageVersionHash: storageVersionHash(type) }),
    });
    for (const sub of type.subresources ?? []) {
      resources.push({
        name: `${type.plural}/${sub.name}`,
        singularName: '',
        namespaced: type.namespaced,
        ...(sub.group !== undefined ? { group: sub.group, version: sub.version } : {}),
        kind: sub.kind ?? type.kind,
        verbs: sub.verbs,
      });
    }
  }
  return {
    kind: 'APIResourceList',
    ...(group ? { apiVersion: 'v1' } : {}),
    groupVersion: groupVersion({ group, version }),
    resources,
  };
}

function discoveryResource(type: ResourceType): unknown {
  return {
    resource: type.plural,
    responseKind: { group: type.group, version: type.version, kind: type.kind },
    scope: type.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: type.singular,
    verbs: type.verbs,
    ...(type.shortNames ? { shortNames: type.shortNames } : {}),
    ...(type.categories ? { categories: type.categories } : {}),
    ...(type.subresources
      ? {
          subresources: type.subresources.map((sub) => ({
            subresource: sub.name,
            responseKind: {
              group: sub.group ?? type.group,
              version: sub.version ?? type.version,
              kind: sub.kind ?? type.kind,
            },
            verbs: sub.verbs,
          })),
        }
      : {}),
  };
}

/** Aggregated discovery (apidiscovery.k8s.io/v2) for `/api` (core) or `/apis` (the groups). */
export function aggregatedDiscovery(registry: ResourceRegistry, core: boolean): unknown {
  const groups = registry.groups().filter((g) => (g.name === '') === core);
  return {
    kind: 'APIGroupDiscoveryList',
    apiVersion: 'apidiscovery.k8s.io/v2',
    metadata: {},
    items: groups.map((g) => ({
      metadata: { name: g.name },
      versions: g.versions.map((version) => ({
        version,
        resources: registry.inGroupVersion(g.name, version).map(discoveryResource),
        freshness: 'Current',
      })),
    })),
  };
}

/** `GET /`: every path the server serves, sorted. */
export function rootPaths(registry: ResourceRegistry): unknown {
  const paths = [
    '/api',
    '/api/v1',
    '/apis',
    '/apis/',
    '/healthz',
    '/livez',
    '/readyz',
    '/version',
    '/openapi/v2',
    '/openapi/v3',
  ];
  for (const g of registry.groups()) {
    if (g.name === '') continue;
    paths.push(`/apis/${g.name}`);
    for (const v of g.versions) paths.push(`/apis/${g.name}/${v}`);
  }
  return { paths: paths.sort() };
}
