import type { KubectlClient } from './kubectl-client';

/** One resource the server serves, as discovery describes it. */
export interface ApiResourceInfo {
  /** '' for the core group. */
  group: string;
  version: string;
  /** Plural, e.g. `pods`. */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  shortNames: string[];
  categories: string[];
  /** The group's preferred version (discovery lists it first). */
  preferred: boolean;
}

/** The Accept kubectl sends for aggregated discovery. */
const AGGREGATED_ACCEPT =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

interface DiscoveryList {
  items?: Array<{
    metadata?: { name?: string };
    versions?: Array<{
      version: string;
      resources?: Array<{
        resource: string;
        responseKind?: { group?: string; version?: string; kind?: string };
        scope?: string;
        singularResource?: string;
        verbs?: string[];
        shortNames?: string[];
        categories?: string[];
      }>;
    }>;
  }>;
}

/** The server's resources, in discovery order (core first, then each group as listed). */
export async function discoverResources(client: KubectlClient): Promise<ApiResourceInfo[]> {
  const out: ApiResourceInfo[] = [];
  for (const path of ['/api', '/apis']) {
    const list = await client.json<DiscoveryList>(path, { accept: AGGREGATED_ACCEPT });
    for (const group of list.items ?? []) {
      (group.versions ?? []).forEach((version, index) => {
        for (const r of version.resources ?? []) {
          out.push({
            group: group.metadata?.name ?? '',
            version: version.version,
            resource: r.resource,
            singular: r.singularResource || r.resource,
            kind: r.responseKind?.kind ?? '',
            namespaced: r.scope === 'Namespaced',
            verbs: r.verbs ?? [],
            shortNames: r.shortNames ?? [],
            categories: r.categories ?? [],
            preferred: index === 0,
          });
        }
      });
    }
  }
  return out;
}

/** `pods` or `deployments.apps`: how kubectl names a resource in messages. */
export function qualifiedResource(info: Pick<ApiResourceInfo, 'resource' | 'group'>): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

/** `pod` or `deployment.apps`: the kind as kubectl's name printer and kind prefixes write it. */
export function kindPrefix(info: Pick<ApiResourceInfo, 'kind' | 'group'>): string {
  const kind = info.kind.toLowerCase();
  return info.group ? `${kind}.${info.group}` : kind;
}

/**
 * The resource a type argument names, as kubectl's RESTMapper with its shortcut expander finds
 * it: a short name, the plural, the singular or the kind (any case), optionally qualified with a
 * group (`deployments.apps`) or version and group (`deployments.v1.apps`). Undefined when the
 * server has no such resource.
 */
export function resolveResource(resources: readonly ApiResourceInfo[], arg: string): ApiResourceInfo | undefined {
  const lower = arg.toLowerCase();
  const byName = (name: string, group?: string, version?: string) =>
    resources.find(
      (r) =>
        (version === undefined ? r.preferred : r.version === version) &&
        (group === undefined || r.group === group) &&
        (r.resource === name || r.singular === name || r.kind.toLowerCase() === name || r.shortNames.includes(name)),
    );
  const parts = lower.split('.');
  if (parts.length >= 3) {
    const found = byName(parts[0], parts.slice(2).join('.'), parts[1]);
    if (found) return found;
  }
  if (parts.length >= 2) {
    const found = byName(parts[0], parts.slice(1).join('.'));
    if (found) return found;
  }
  return byName(lower);
}
